namespace SharingHub.Hub.Processing;

/// <summary>
/// The hub's processing log: every processing step on (pseudonymised) personal data is reported here, once, after the
/// step's outcome is known. The audit trail implements it (append-only, hash-chained); until then
/// <see cref="NullProcessingLog"/> is registered. Implementations must not throw for a well-formed record and must not
/// block the request longer than a local write.
/// </summary>
/// <remarks>
/// The caller has already pseudonymised everything in a <see cref="ProcessingRecord"/>: it never carries a plaintext
/// identifier, free text, or key material. Implementations may store every field as given.
/// </remarks>
public interface IProcessingLog
{
    /// <summary>Records one step. Records of one request share the <see cref="ProcessingRecord.TraceId"/>.</summary>
    ValueTask RecordAsync(ProcessingRecord record, CancellationToken cancellationToken);

    /// <summary>Records several steps of one unit of work (a batch), in order.</summary>
    ValueTask RecordBatchAsync(IReadOnlyList<ProcessingRecord> records, CancellationToken cancellationToken);
}

/// <summary>
/// One processing step for the audit trail. Everything is an id, a pseudonym, a code or a count.
/// </summary>
/// <param name="TraceId">W3C trace id (32 lowercase hex) of the request (<c>Activity.Current.TraceId</c>).</param>
/// <param name="SpanId">W3C span id (16 lowercase hex) of the step's span.</param>
/// <param name="Operation">What happened, one of <see cref="ProcessingOperations"/> (e.g. <c>signal.submitted</c>).</param>
/// <param name="Status">Outcome, one of <see cref="ProcessingStatuses"/>.</param>
/// <param name="StartedAt">When the step started (UTC, from the injected TimeProvider).</param>
/// <param name="EndedAt">When the step ended (UTC).</param>
/// <param name="ConvenantId">Convenant id from the route (e.g. <c>riec</c>).</param>
/// <param name="ConvenantVersionHash">Hash of the loaded convenant document the decision was taken under (null when the convenant is unknown).</param>
/// <param name="Purpose">Purpose id the caller named (null when none).</param>
/// <param name="PartnerId">Calling partner id.</param>
/// <param name="Role">Role under which the caller acted (null when none applied).</param>
/// <param name="Actor">Token subject: the client id of a system or the person id of a person.</param>
/// <param name="ActorType"><c>system</c> or <c>person</c>.</param>
/// <param name="Categories">Convenant category ids concerned (never their content).</param>
/// <param name="SubjectPseudonym">The hub-internal subject pseudonym (a subject reference or match-key pseudonym), null when none.</param>
/// <param name="SubjectType">person/address/company/vehicle/group, null when none.</param>
/// <param name="Decision">Policy outcome (<c>Permit</c>/<c>Deny</c>/<c>NeedsApproval</c>) for decision records, otherwise null.</param>
/// <param name="DecisionReasons">Clause ids and reason codes that decided it (empty when not a decision).</param>
/// <param name="ResourceId">Id of the thing created or touched (signal id, document id), null when none.</param>
/// <param name="ErrorCode">Stable SHnnnn code when <see cref="Status"/> is not <see cref="ProcessingStatuses.Succeeded"/>.</param>
public sealed record ProcessingRecord(
    string TraceId,
    string SpanId,
    string Operation,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string ConvenantId,
    string? ConvenantVersionHash,
    string? Purpose,
    string PartnerId,
    string? Role,
    string Actor,
    string ActorType,
    IReadOnlyList<string> Categories,
    string? SubjectPseudonym,
    string? SubjectType,
    string? Decision,
    IReadOnlyList<string> DecisionReasons,
    string? ResourceId,
    string? ErrorCode);

/// <summary>The <see cref="ProcessingRecord.Operation"/> values the hub writes.</summary>
public static class ProcessingOperations
{
    /// <summary>The policy engine decided whether a signal may be submitted.</summary>
    public const string PolicyDecision = "policy.decision";

    /// <summary>A signal was stored (or refused at validation/policy).</summary>
    public const string SignalSubmitted = "signal.submitted";

    /// <summary>A document was attached to a signal.</summary>
    public const string DocumentAttached = "document.attached";

    /// <summary>
    /// Exact linkage at ingress: whether a stored signal's subject (or a group member) matched an existing subject. Reasons
    /// <c>match:existing:&lt;match key&gt;</c> (match-key name with '+' as '-', e.g. <c>name-dob</c>) or <c>match:new-subject</c>.
    /// </summary>
    public const string LinkageMatch = "linkage.match";
}

/// <summary>The <see cref="ProcessingRecord.Status"/> values.</summary>
public static class ProcessingStatuses
{
    public const string Succeeded = "succeeded";
    public const string Denied = "denied";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
}

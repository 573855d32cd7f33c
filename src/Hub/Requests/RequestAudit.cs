using System.Diagnostics;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Requests;

/// <summary>One workflow step about one subject, in ids only (what <see cref="RequestAudit"/> turns into an <see cref="AuditRecord"/>).</summary>
internal sealed record RequestAuditStep
{
    public required string Operation { get; init; }

    public required string Status { get; init; }

    public required string Convenant { get; init; }

    /// <summary>The cluster root's anchor pseudonym (text), or null when the subject is not known (an unknown reference).</summary>
    public string? Anchor { get; init; }

    public string? Purpose { get; init; }

    public string? LegalGround { get; init; }

    public string? Partner { get; init; }

    public string? Role { get; init; }

    public required string Actor { get; init; }

    public IReadOnlyList<string> Approvers { get; init; } = [];

    public string? Recipient { get; init; }

    public string? RecipientRole { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public string? Resource { get; init; }

    public required DateTimeOffset Start { get; init; }
}

/// <summary>
/// Appends the audit records of the request workflow (created, decided, reviewed, granted, escalated, refused attempts):
/// one record per data subject named by the cluster root's anchor, with the convenant version that decided. Values that are
/// not well-formed ids are left out rather than logged (nothing a caller typed reaches the trail).
/// </summary>
internal sealed class RequestAudit(AuditLog log, HubConvenants convenants, TimeProvider time)
{
    public async Task AppendAsync(IEnumerable<RequestAuditStep> steps, CancellationToken cancellationToken)
    {
        var records = steps.Select(Build).ToArray();
        if (records.Length > 0)
        {
            await log.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task AppendAsync(RequestAuditStep step, CancellationToken cancellationToken) => AppendAsync([step], cancellationToken);

    public static string ActorOf(HubCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var actor = caller.IsPerson || caller.ClientId is null ? "person:" + caller.Subject : "client:" + caller.ClientId;
        return AuditId.IsValid(actor) ? actor : "unknown-actor";
    }

    private AuditRecord Build(RequestAuditStep step)
    {
        var activity = Activity.Current;
        var version = convenants.VersionHash(step.Convenant);
        return new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = step.Operation,
            Status = step.Status,
            StartTime = step.Start,
            EndTime = time.GetUtcNow(),
            ProcessingActivityId = Id(step.Convenant + ":" + step.Operation) ?? step.Operation,
            Subject = step.Anchor is not null && Pseudonym.TryParse(step.Anchor, out var anchor) && anchor.Kind != 0 ? AuditSubject.From(anchor) : AuditSubject.None,
            ConvenantId = Id(step.Convenant),
            ConvenantVersion = version is null ? null : "sha256:" + version,
            Purpose = Id(step.Purpose),
            LegalGround = Id(step.LegalGround),
            Partner = Id(step.Partner),
            Role = Id(step.Role),
            Actor = Id(step.Actor) ?? "unknown-actor",
            Approvers = Ids(step.Approvers),
            Recipient = Id(step.Recipient),
            RecipientRole = Id(step.RecipientRole),
            DataCategories = Ids(step.Categories),
            DecisionReasons = Ids(step.Reasons),
            ResourceId = Id(step.Resource),
        };
    }

    private static string? Id(string? value) => AuditId.IsValid(value) ? value : null;

    private static string[] Ids(IEnumerable<string> values) => [.. values.Where(AuditId.IsValid).Distinct(StringComparer.Ordinal)];
}

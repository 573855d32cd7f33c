namespace SharingHub.Hub.Requests;

/// <summary>
/// An access request (table <c>access_requests</c>): a partner role asks for named categories and fields of one subject for a
/// stated purpose, with its necessity, proportionality and subsidiarity written out (stored scrubbed). The policy engine's
/// decision is kept with it: the deciding clause, the reasons, the approval gates required and those passed so far.
/// </summary>
public sealed class AccessRequest
{
    public const int IdMaxLength = 64;
    public const int ListMaxLength = 2048;
    public const int MotivationMaxLength = 4000;

    public Guid Id { get; set; }

    public required string ConvenantId { get; set; }

    /// <summary>Hash of the convenant version the request was decided under.</summary>
    public required string ConvenantVersionHash { get; set; }

    public required string RequesterPartnerId { get; set; }

    public required string RequesterRole { get; set; }

    /// <summary><c>client:&lt;id&gt;</c> or <c>person:&lt;id&gt;</c>.</summary>
    public required string RequesterActor { get; set; }

    /// <summary>The subject as resolved when the request was made (cluster root).</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The requester's own subject reference (what it named in the request).</summary>
    public required string SubjectRef { get; set; }

    /// <summary>person, address, company, vehicle or group.</summary>
    public required string SubjectType { get; set; }

    public required string Purpose { get; set; }

    /// <summary>Category ids, comma separated.</summary>
    public required string Categories { get; set; }

    /// <summary>Field ids, comma separated.</summary>
    public required string Fields { get; set; }

    /// <summary><c>pseudonymised</c> or <c>identified</c>.</summary>
    public required string Mode { get; set; }

    /// <summary>Phase the request was made in (convenant phase id).</summary>
    public required string Phase { get; set; }

    public string? Level { get; set; }

    /// <summary>The providing party (flow counterpart) when the request names one.</summary>
    public string? Counterpart { get; set; }

    public bool IsMinor { get; set; }

    /// <summary>How many days a grant made for this request stays valid (the requested duration, capped by configuration).</summary>
    public int GrantDays { get; set; }

    /// <summary>Noodzaak, scrubbed.</summary>
    public required string Necessity { get; set; }

    /// <summary>Proportionaliteit, scrubbed.</summary>
    public required string Proportionality { get; set; }

    /// <summary>Subsidiariteit, scrubbed.</summary>
    public required string Subsidiarity { get; set; }

    /// <summary><see cref="AccessRequestStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>The clause that decided (the deny clause, or the flow that permits).</summary>
    public required string DecidingClause { get; set; }

    /// <summary>Reason codes and clause ids of the decision, comma separated.</summary>
    public required string Reasons { get; set; }

    /// <summary><see cref="Policies.Convenants.ApprovalGates"/> the convenant requires.</summary>
    public int RequiredGates { get; set; }

    /// <summary><see cref="Policies.Convenants.ApprovalGates"/> passed so far.</summary>
    public int ApprovedGates { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was granted, denied or withdrawn.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>When it was escalated for waiting too long (null while not escalated).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>W3C trace id of the request that created it.</summary>
    public string? TraceId { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public int Version { get; set; }
}

/// <summary>Status values of an <see cref="AccessRequest"/>.</summary>
public static class AccessRequestStatus
{
    public const string PendingReview = "pending-review";
    public const string Granted = "granted";
    public const string Denied = "denied";
    public const string Withdrawn = "withdrawn";
}

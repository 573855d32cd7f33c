using System.Text.Json;

namespace SharingHub.Hub.Requests;

/// <summary>The body of <c>POST /api/v1/convenants/{c}/access-requests</c>. <see cref="ToString"/> reveals nothing.</summary>
public sealed record AccessRequestBody
{
    public string? SubjectRef { get; init; }

    public string? Purpose { get; init; }

    public IReadOnlyList<string?>? Categories { get; init; }

    public IReadOnlyList<string?>? Fields { get; init; }

    /// <summary><c>identified</c> or <c>pseudonymised</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>The providing party (convenant party id), when the requester names one.</summary>
    public string? Counterpart { get; init; }

    public string? Necessity { get; init; }

    public string? Proportionality { get; init; }

    public string? Subsidiarity { get; init; }

    public int? DurationDays { get; init; }

    public override string ToString() => "AccessRequestBody(***)";
}

/// <summary>A decision reason as the API shows it.</summary>
public sealed record ReasonView(string Code, string Clause, string? Message);

/// <summary>The grant part of a created or reviewed request.</summary>
public sealed record GrantSummary(Guid Id, DateTimeOffset ExpiresAt, IReadOnlyList<string> Fields);

/// <summary>201 answer of a created access request.</summary>
public sealed record AccessRequestCreated(
    Guid Id,
    string Status,
    string DecidingClause,
    IReadOnlyList<ReasonView> Reasons,
    IReadOnlyList<string> RequiredGates,
    IReadOnlyList<string> ApprovedGates,
    DateTimeOffset? ReviewDeadline,
    GrantSummary? Grant);

/// <summary>The body of <c>POST /api/v1/access-requests/{id}/reviews</c>. <see cref="ToString"/> reveals nothing.</summary>
public sealed record ReviewBody
{
    /// <summary><c>four-eyes</c>, <c>privacy-officer</c>, <c>moreel-beraad</c> or <c>steering-group</c>.</summary>
    public string? Gate { get; init; }

    /// <summary>The convenant role the reviewer acts in (optional: the first eligible role is taken).</summary>
    public string? Role { get; init; }

    /// <summary><c>approve</c> or <c>reject</c>.</summary>
    public string? Verdict { get; init; }

    public string? Motivation { get; init; }

    public DeliberationBody? Deliberation { get; init; }

    public override string ToString() => "ReviewBody(***)";
}

/// <summary>The structured record of a moreel beraad (dilemma method / Nijmeegse methode).</summary>
public sealed record DeliberationBody
{
    public string? Dilemma { get; init; }

    public string? Facts { get; init; }

    public IReadOnlyList<string?>? Values { get; init; }

    public IReadOnlyList<DeliberationOption?>? Options { get; init; }

    public string? Decision { get; init; }

    public string? Dissent { get; init; }

    /// <summary>User names of the hub people who took part.</summary>
    public IReadOnlyList<string?>? Participants { get; init; }

    public override string ToString() => "DeliberationBody(***)";
}

/// <summary>One option weighed in a moreel beraad.</summary>
public sealed record DeliberationOption
{
    public string? Option { get; init; }

    public string? Assessment { get; init; }

    public override string ToString() => "DeliberationOption(***)";
}

/// <summary>The stored (scrubbed) deliberation record, serialised into <see cref="Review.Deliberation"/>.</summary>
public sealed record DeliberationRecord(
    string Dilemma,
    string Facts,
    IReadOnlyList<string> Values,
    IReadOnlyList<DeliberationOptionRecord> Options,
    string Decision,
    string? Dissent,
    IReadOnlyList<string> Participants);

public sealed record DeliberationOptionRecord(string Option, string Assessment);

/// <summary>201 answer of a recorded review.</summary>
public sealed record ReviewRecorded(Guid RequestId, string Status, IReadOnlyList<string> ApprovedGates, IReadOnlyList<string> RemainingGates, GrantSummary? Grant);

/// <summary>One review as a viewer of the request sees it (no person ids).</summary>
public sealed record ReviewView(string Gate, string ReviewerPartner, string ReviewerRole, string Verdict, string Motivation, DateTimeOffset CreatedAt, JsonElement? Deliberation);

/// <summary>The grant as a viewer of the request sees it.</summary>
public sealed record GrantView(Guid Id, IReadOnlyList<string> Categories, IReadOnlyList<string> Fields, string Purpose, string Recipient, string RecipientRole,
    string Mode, string Clause, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>
/// An access request as its viewers see it: pseudonymised only. <see cref="Subject"/> is the viewer's own subject reference
/// when its partner holds one, otherwise an opaque label that is valid for this request only.
/// </summary>
public sealed record AccessRequestView(
    Guid Id,
    string Convenant,
    string Status,
    string Subject,
    string Purpose,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Fields,
    string Mode,
    string Phase,
    string? Level,
    string? Counterpart,
    string RequesterPartner,
    string RequesterRole,
    string Necessity,
    string Proportionality,
    string Subsidiarity,
    string DecidingClause,
    IReadOnlyList<ReasonView> Reasons,
    IReadOnlyList<string> RequiredGates,
    IReadOnlyList<string> ApprovedGates,
    IReadOnlyList<string> RemainingGates,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? ReviewDeadline,
    bool Escalated,
    IReadOnlyList<ReviewView> Reviews,
    GrantView? Grant);

/// <summary>The review queue: escalated requests first, then the oldest.</summary>
public sealed record ReviewList(IReadOnlyList<AccessRequestView> Items);

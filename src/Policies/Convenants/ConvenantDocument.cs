namespace SharingHub.Policies.Convenants;

/// <summary>
/// A convenant as written in its JSON file, after strict validation. Every clause carries its stable clause id
/// and the JSON path it was read from, so findings and decisions can point at the exact text.
/// </summary>
public sealed record ConvenantDocument
{
    public required string Id { get; init; }
    public required string ClauseId { get; init; }
    public required string Version { get; init; }
    public required ConvenantStatus Status { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset ValidFrom { get; init; }
    public required DateTimeOffset ValidTo { get; init; }
    public required IReadOnlyList<string> Supersedes { get; init; }
    public required IReadOnlyList<Signatory> Signatories { get; init; }
    public required Dpia Dpia { get; init; }
    public required IReadOnlyList<Party> Parties { get; init; }
    public required IReadOnlyList<Role> Roles { get; init; }
    public required IReadOnlyList<EscalationLevel> EscalationLevels { get; init; }
    public required IReadOnlyList<Purpose> Purposes { get; init; }
    public required IReadOnlyList<DataCategory> Categories { get; init; }
    public required IReadOnlyList<Flow> Flows { get; init; }
    public required IReadOnlyList<Prohibition> Prohibitions { get; init; }
    public required IReadOnlyList<ApprovalRule> ApprovalRules { get; init; }
    public required IReadOnlyList<RetentionRule> Retention { get; init; }
}

/// <summary>A party that signed; <see cref="SignedBy"/> is a function title, never a person's name.</summary>
public sealed record Signatory(string Party, string SignedBy, DateOnly SignedOn, string Path);

/// <summary>The DPIA (AVG art. 35) the convenant rests on.</summary>
public sealed record Dpia(string ClauseId, string Reference, DateOnly Date, DateOnly ReviewDate, IReadOnlyList<string> CoveredCategories, string Path);

/// <summary>A convenant party (organisation).</summary>
public sealed record Party(string ClauseId, string Id, string Name, PartyType Type, LegalRegime LegalRegime, bool MayBringInCases, string Path);

/// <summary>A functional role, and the parties whose staff may hold it.</summary>
public sealed record Role(string ClauseId, string Id, string Name, IReadOnlyList<string> Parties, string Path);

/// <summary>A rung on an escalation ladder (e.g. the IJAM tables); higher rank is further escalated.</summary>
public sealed record EscalationLevel(string ClauseId, string Id, int Rank, string Name, string Path);

/// <summary>The legal frame of a purpose.</summary>
/// <param name="Article6">AVG art. 6(1) basis, e.g. "6(1)(e)".</param>
/// <param name="NationalBasis">The national article that lays down the task (AVG art. 6(3)).</param>
/// <param name="Article9Exception">The art. 9(2) / UAVG exception for special categories, when any.</param>
/// <param name="Article10Basis">The art. 10 / UAVG art. 31-33 basis for criminal data, when any.</param>
/// <param name="BsnBasis">The law that allows BSN use (UAVG art. 46), when any.</param>
/// <param name="WpgBasis">The Wpg provision (e.g. an art. 20 Wpg-besluit) for police data, when any.</param>
public sealed record LegalGround(string Article6, string NationalBasis, string? Article9Exception, string? Article10Basis, string? BsnBasis, string? WpgBasis);

/// <summary>A node of the purpose tree.</summary>
public sealed record Purpose(string ClauseId, string Id, string Name, string? Parent, PurposeDisposition Disposition, LegalGround? LegalGround, string Path);

/// <summary>A data category with its sensitivity and the fields it holds.</summary>
public sealed record DataCategory(string ClauseId, string Id, string Name, Sensitivity Sensitivity, IReadOnlyList<string> Fields, string Path);

/// <summary>One side of a flow: any of these parties acting in any of these roles.</summary>
public sealed record FlowEndpoint(IReadOnlyList<string> Parties, IReadOnlyList<string> Roles);

/// <summary>An obligation a permit carries.</summary>
public sealed record ObligationSpec(ObligationKind Kind, string? Retention, IReadOnlyList<string> Fields, string? NotifyRole, string? Note, string Path);

/// <summary>
/// A permitted flow. The actor of a <c>submit</c> is the <see cref="From"/> side (it provides data); the actor of
/// every other action is the <see cref="To"/> side (it obtains or works on data).
/// </summary>
public sealed record Flow
{
    public required string ClauseId { get; init; }
    public required string Description { get; init; }
    public required FlowEndpoint From { get; init; }
    public required FlowEndpoint To { get; init; }
    public required IReadOnlyList<PolicyAction> Actions { get; init; }
    public required IReadOnlyList<string> Purposes { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<SubjectType> SubjectTypes { get; init; }
    public required IReadOnlyList<CasePhase> Phases { get; init; }
    public required IReadOnlyList<string> EscalationLevels { get; init; }
    public required IReadOnlyList<AccessMode> Modes { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    public required ApprovalGates Approvals { get; init; }
    public required IReadOnlyList<ObligationSpec> Obligations { get; init; }
    public required string Path { get; init; }
}

/// <summary>An explicit prohibition; an empty list means "any". Prohibitions always win over flows.</summary>
public sealed record Prohibition
{
    public required string ClauseId { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Parties { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required IReadOnlyList<PolicyAction> Actions { get; init; }
    public required IReadOnlyList<string> Purposes { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<AccessMode> Modes { get; init; }
    public required IReadOnlyList<SubjectType> SubjectTypes { get; init; }
    public required string Path { get; init; }
}

/// <summary>Who may decide a gate.</summary>
/// <param name="Reviewers">How many distinct reviewers must approve (at least 1).</param>
/// <param name="ReviewerRoles">Roles a reviewer must hold; empty means any role of the convenant.</param>
/// <param name="ReviewerFromOtherParty">The reviewer must belong to another party than the requester.</param>
/// <param name="MaxWaitDays">Escalate when undecided after this many days; 0 means no escalation.</param>
public sealed record Quorum(int Reviewers, IReadOnlyList<string> ReviewerRoles, bool ReviewerFromOtherParty, int MaxWaitDays);

/// <summary>An approval rule: when any trigger holds (and the action and mode are in scope), the gate is needed.</summary>
public sealed record ApprovalRule(
    string ClauseId,
    ApprovalGates Gate,
    ApprovalTriggers Triggers,
    IReadOnlyList<PolicyAction> Actions,
    IReadOnlyList<AccessMode> Modes,
    Quorum Quorum,
    string Description,
    string Path);

/// <summary>Retention of categories, optionally only in some phases.</summary>
public sealed record RetentionRule(
    string ClauseId,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CasePhase> Phases,
    IsoDuration Period,
    string PeriodText,
    RetentionStart CountsFrom,
    RetentionEndAction EndAction,
    string Path);

using System.Collections.Immutable;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;

namespace SharingHub.Policies.Decisions;

public enum DecisionOutcome
{
    Deny = 0,
    Permit,
    NeedsApproval,
}

/// <summary>Why a decision came out as it did, citing the convenant clause that decided it.</summary>
public sealed record DecisionReason(string Code, string ClauseId, string Message);

/// <summary>An obligation the holder of a permit must honour.</summary>
/// <param name="ClauseId">The flow clause that attaches the obligation.</param>
/// <param name="Retention">For <see cref="ObligationKind.RetainUntil"/>: the retention rule that sets the end.</param>
public sealed record PolicyObligation(
    ObligationKind Kind,
    string ClauseId,
    RetentionRule? Retention,
    ImmutableArray<string> Fields,
    string? NotifyRole,
    string? Note);

/// <summary>A human gate a request must pass, with the quorum the convenant sets for it.</summary>
public sealed record ApprovalRequirement(ApprovalGates Gate, string ClauseId, Quorum Quorum, string Description);

/// <summary>The shared, immutable body of a decision; permit bodies are precomputed per flow and purpose.</summary>
internal sealed class DecisionBody(
    DecisionOutcome outcome,
    string convenantId,
    string decidingClauseId,
    ImmutableArray<DecisionReason> reasons,
    ImmutableArray<PolicyObligation> obligations = default,
    ApprovalGates gates = ApprovalGates.None,
    ImmutableArray<ApprovalRequirement> requirements = default,
    CompiledFlow? flow = null)
{
    public DecisionOutcome Outcome { get; } = outcome;
    public string ConvenantId { get; } = convenantId;
    public string DecidingClauseId { get; } = decidingClauseId;
    public ImmutableArray<DecisionReason> Reasons { get; } = reasons;
    public ImmutableArray<PolicyObligation> Obligations { get; } = obligations.IsDefault ? [] : obligations;
    public ApprovalGates Gates { get; } = gates;
    public ImmutableArray<ApprovalRequirement> Requirements { get; } = requirements.IsDefault ? [] : requirements;
    public CompiledFlow? Flow { get; } = flow;

    public static DecisionBody Deny(string convenantId, string clauseId, string code, string message)
        => new(DecisionOutcome.Deny, convenantId, clauseId, [new DecisionReason(code, clauseId, message)]);
}

/// <summary>
/// The outcome of a decision: Permit (with obligations), Deny, or NeedsApproval (with the gates and their quorum).
/// Every outcome carries reasons citing clause ids. A pointer-sized struct over a shared immutable body: returning
/// it never allocates.
/// </summary>
public readonly struct PolicyDecision : IEquatable<PolicyDecision>
{
    private static readonly DecisionBody Unset = DecisionBody.Deny("", "", PolicyCodes.InvalidRequest, "no decision was made");
    private readonly DecisionBody? _body;

    internal PolicyDecision(DecisionBody body) => _body = body;

    private DecisionBody Body => _body ?? Unset;

    public DecisionOutcome Outcome => Body.Outcome;
    public bool IsPermit => Body.Outcome == DecisionOutcome.Permit;
    public bool IsDeny => Body.Outcome == DecisionOutcome.Deny;
    public bool NeedsApproval => Body.Outcome == DecisionOutcome.NeedsApproval;
    public string ConvenantId => Body.ConvenantId;

    /// <summary>The clause that decided: the permitting flow, the denying clause, or the first approval rule.</summary>
    public string DecidingClauseId => Body.DecidingClauseId;

    public ImmutableArray<DecisionReason> Reasons => Body.Reasons;

    /// <summary>Obligations of the permitting flow (also given with NeedsApproval: they apply once granted).</summary>
    public ImmutableArray<PolicyObligation> Obligations => Body.Obligations;

    public ApprovalGates Gates => Body.Gates;
    public ImmutableArray<ApprovalRequirement> Requirements => Body.Requirements;

    /// <summary>The flow that permits (or would permit after approval); null on deny.</summary>
    public CompiledFlow? Flow => Body.Flow;

    /// <summary>Fields the recipient may see (the flow's allow-list); empty on deny.</summary>
    public ImmutableArray<string> AllowedFields => Body.Flow?.AllowedFields ?? [];

    public bool Equals(PolicyDecision other) => ReferenceEquals(Body, other.Body);
    public override bool Equals(object? obj) => obj is PolicyDecision other && Equals(other);
    public override int GetHashCode() => Body.GetHashCode();
    public static bool operator ==(PolicyDecision left, PolicyDecision right) => left.Equals(right);
    public static bool operator !=(PolicyDecision left, PolicyDecision right) => !left.Equals(right);

    public override string ToString() => $"{Outcome} ({DecidingClauseId})";
}

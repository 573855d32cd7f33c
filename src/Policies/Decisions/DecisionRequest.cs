using SharingHub.Policies.Convenants;

namespace SharingHub.Policies.Decisions;

/// <summary>
/// A pre-resolved decision request (resolve strings once with <see cref="CompiledConvenant"/>'s Find methods or
/// <see cref="PolicyQuery"/>). The actor is <see cref="Partner"/> acting as <see cref="Role"/>; for
/// <see cref="PolicyAction.Submit"/> the actor provides data, for every other action it obtains or works on data.
/// <see cref="At"/> is the evaluation time: the engine never reads a clock.
/// </summary>
public readonly record struct DecisionRequest(
    ConvenantHandle Convenant,
    PartyHandle Partner,
    RoleHandle Role,
    PurposeHandle Purpose,
    PolicyAction Action,
    CategorySet Categories,
    SubjectType SubjectType,
    AccessMode Mode,
    DateTimeOffset At)
{
    /// <summary>Work-process phase; <see cref="CasePhase.None"/> when not stated.</summary>
    public CasePhase Phase { get; init; }

    /// <summary>Escalation level (e.g. IJAM table); none when not stated.</summary>
    public LevelHandle Level { get; init; }

    public RequestFacts Facts { get; init; }

    /// <summary>
    /// The other side of the flow (the providing party for a request, the receiving party for a submit), when the
    /// caller knows it; none means the flow's other side is not checked.
    /// </summary>
    public PartyHandle Counterpart { get; init; }

    /// <summary>
    /// Gates already passed for this request (the hub sets them from a recorded approval or grant). When every
    /// gate the convenant requires is among them, the decision is Permit.
    /// </summary>
    public ApprovalGates Approved { get; init; }

    public bool IsMinor => (Facts & RequestFacts.Minor) != 0;
}

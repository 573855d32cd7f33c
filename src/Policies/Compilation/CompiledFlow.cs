using System.Collections.Immutable;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Compilation;

/// <summary>A flow compiled to bit masks, with its permit decisions precomputed per purpose.</summary>
public sealed class CompiledFlow
{
    internal CompiledFlow(Flow definition, int index, ImmutableArray<PolicyObligation> obligations)
    {
        Definition = definition;
        Index = index;
        Obligations = obligations;
        AllowedFields = [.. definition.Fields];
    }

    public Flow Definition { get; }
    public string ClauseId => Definition.ClauseId;
    public int Index { get; }

    /// <summary>Fields the recipient may see.</summary>
    public ImmutableArray<string> AllowedFields { get; }

    public ImmutableArray<PolicyObligation> Obligations { get; }
    public ApprovalGates StaticGates => Definition.Approvals;

    internal ulong FromParties { get; init; }
    internal ulong FromRoles { get; init; }
    internal ulong ToParties { get; init; }
    internal ulong ToRoles { get; init; }
    internal uint Actions { get; init; }

    /// <summary>Purposes the flow covers (its listed purposes and their descendants), before purpose compliance.</summary>
    internal ulong CoveredPurposes { get; init; }

    /// <summary>Covered purposes that also comply with the purpose tree.</summary>
    internal ulong Purposes { get; init; }

    internal ulong Categories { get; init; }
    internal uint SubjectTypes { get; init; }
    internal uint Phases { get; init; }
    internal ulong Levels { get; init; }
    internal uint Modes { get; init; }

    /// <summary>Permit body per purpose index (null where the purpose is not covered).</summary>
    internal DecisionBody?[] PermitBodies { get; set; } = [];
}

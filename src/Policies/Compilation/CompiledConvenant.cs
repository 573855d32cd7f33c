using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Compilation;

/// <summary>
/// A validated convenant in its fast form: ids interned to small integers, purpose closure and category sets as
/// 64-bit masks, flows indexed by action, and every permit decision precomputed. Thread-safe and immutable.
/// </summary>
public sealed partial class CompiledConvenant
{
    private readonly FrozenDictionary<string, int> _parties;
    private readonly FrozenDictionary<string, int> _roles;
    private readonly FrozenDictionary<string, int> _purposes;
    private readonly FrozenDictionary<string, int> _categories;
    private readonly FrozenDictionary<string, int> _levels;
    private readonly ConcurrentDictionary<ApprovalKey, DecisionBody> _approvalBodies = new();

    public ConvenantDocument Document { get; }
    public string Id => Document.Id;

    public IReadOnlyList<CompiledFlow> Flows => _flows;

    /// <summary>The approval rules as data, for the review workflow (gate, triggers, quorum).</summary>
    public IReadOnlyList<ApprovalRule> ApprovalRules => Document.ApprovalRules;

    public IReadOnlyList<RetentionRule> RetentionRules => Document.Retention;

    public PartyHandle FindParty(string? id) => id is not null && _parties.TryGetValue(id, out var i) ? new PartyHandle(i + 1) : default;
    public RoleHandle FindRole(string? id) => id is not null && _roles.TryGetValue(id, out var i) ? new RoleHandle(i + 1) : default;
    public PurposeHandle FindPurpose(string? id) => id is not null && _purposes.TryGetValue(id, out var i) ? new PurposeHandle(i + 1) : default;
    public LevelHandle FindLevel(string? id) => id is not null && _levels.TryGetValue(id, out var i) ? new LevelHandle(i + 1) : default;

    /// <summary>The index of a category (its bit in a <see cref="CategorySet"/>), or -1.</summary>
    public int FindCategory(string? id) => id is not null && _categories.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Resolves category ids to a set; false (with the first unknown id) when one is not in this convenant.</summary>
    public bool TryGetCategories(IEnumerable<string> ids, out CategorySet set, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(ids);
        set = default;
        foreach (var id in ids)
        {
            var index = FindCategory(id);
            if (index < 0)
            {
                unknown = id;
                return false;
            }

            set = set.With(index);
        }

        unknown = null;
        return true;
    }

    public Party GetParty(PartyHandle party) => Document.Parties[party.Index];
    public Role GetRole(RoleHandle role) => Document.Roles[role.Index];
    public Purpose GetPurpose(PurposeHandle purpose) => Document.Purposes[purpose.Index];
    public DataCategory GetCategory(int index) => Document.Categories[index];

    /// <summary>
    /// The retention rule for a category in a phase: a rule naming that phase wins over a rule without phases.
    /// Null when the convenant sets none (the linter reports that as SH2404).
    /// </summary>
    public RetentionRule? GetRetention(string categoryId, CasePhase phase)
    {
        var index = FindCategory(categoryId);
        return index < 0 ? null : _retention[(index * PhaseSlots) + (int)phase];
    }

    /// <summary>The approval requirement (quorum) for a gate: the first rule in the convenant with that gate.</summary>
    public ApprovalRequirement? GetApprovalRequirement(ApprovalGates gate)
        => _requirements.FirstOrDefault(r => r.Gate == gate);

    /// <summary>True when the party may bring in cases (ZVH: the case is processed under its authority).</summary>
    public bool MayBringInCases(PartyHandle party) => !party.IsNone && party.Index < Document.Parties.Count && Document.Parties[party.Index].MayBringInCases;
}

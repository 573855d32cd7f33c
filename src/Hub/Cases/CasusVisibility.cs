using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Hub.Cases;

/// <summary>A signal of a casus's cluster as read for a view (no identity, no content).</summary>
internal sealed record CasusSignalRow(
    Guid Id, int SubjectType, string PartnerId, string Role, string Purpose, string Categories, bool IsMinor, string? Summary, DateTimeOffset SubmittedAt);

/// <summary>A member of a group signal as read for a view.</summary>
internal sealed record CasusMemberRow(Guid SignalId, Guid SubjectId, int Position);

/// <summary>What one caller may see of a cluster's signals, and the clauses that permitted it.</summary>
internal sealed record CasusVisibilityResult(IReadOnlyList<CasusSignalView> Signals, IReadOnlyList<string> Categories, IReadOnlyList<string> Clauses)
{
    public bool SeesAnything => Signals.Count > 0;
}

/// <summary>
/// Decides, category by category, what a caller (its party and each of its roles in the convenant) may VIEW of each signal of a
/// casus's cluster: policy action <c>view</c>, mode <c>pseudonymised</c>, the casus's phase and level, the signal's purpose and
/// subject type, counterpart = the party that submitted the signal. Only a Permit shows a category (NeedsApproval does not: that
/// is what an access request is for). A signal with no visible category is left out entirely, so the caller does not even learn
/// that the submitting partner knows the subject. The scrubbed summary is shown only when every category of the signal is
/// visible (it may speak of any of them). Group members are counted; they are listed (each with the caller's own reference,
/// never another partner's) only when the caller may view <see cref="MemberCategory"/> for that signal.
/// </summary>
internal static class CasusVisibility
{
    public const string ViewAction = "view";
    public const string PseudonymisedMode = "pseudonymised";

    /// <summary>The category whose view permission lists a group's members.</summary>
    public const string MemberCategory = "identificatie";

    public static CasusVisibilityResult Evaluate(
        ConvenantCatalog catalog,
        string convenant,
        string? party,
        IReadOnlyList<string> roles,
        string phase,
        string? level,
        IReadOnlyList<CasusSignalRow> signals,
        IReadOnlyList<CasusMemberRow> members,
        IReadOnlyDictionary<string, string> partyOfPartner,
        IReadOnlyDictionary<Guid, string> callerReferences,
        DateTimeOffset at)
    {
        var views = new List<CasusSignalView>();
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var clauses = new SortedSet<string>(StringComparer.Ordinal);
        if (party is null || roles.Count == 0)
        {
            return new CasusVisibilityResult(views, [], []);
        }

        var cache = new Dictionary<(string Purpose, string Counterpart, string Category, string SubjectType, bool Minor), string?>();
        string? Permitting(CasusSignalRow signal, string counterpart, string subjectType, string category)
        {
            var key = (signal.Purpose, counterpart, category, subjectType, signal.IsMinor);
            if (cache.TryGetValue(key, out var known))
            {
                return known;
            }

            string? clause = null;
            foreach (var role in roles)
            {
                var decision = catalog.Decide(new PolicyQuery
                {
                    Convenant = convenant,
                    Partner = party,
                    Role = role,
                    Purpose = signal.Purpose,
                    Action = ViewAction,
                    Categories = [category],
                    SubjectType = subjectType,
                    Mode = PseudonymisedMode,
                    Phase = phase,
                    Level = level,
                    Counterpart = counterpart,
                    Minor = signal.IsMinor,
                    At = at,
                });
                if (decision.IsPermit)
                {
                    clause = decision.DecidingClauseId;
                    break;
                }
            }

            cache[key] = clause;
            return clause;
        }

        var membersOf = members.GroupBy(m => m.SignalId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Position).ToList());
        foreach (var signal in signals)
        {
            if (!partyOfPartner.TryGetValue(signal.PartnerId, out var counterpart))
            {
                continue;
            }

            var subjectType = PolicyNames.SubjectType.ToName((SubjectType)signal.SubjectType);
            var declared = signal.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var visible = new List<string>();
            foreach (var category in declared)
            {
                if (Permitting(signal, counterpart, subjectType, category) is { } clause)
                {
                    visible.Add(category);
                    clauses.Add(clause);
                }
            }

            if (visible.Count == 0)
            {
                continue;
            }

            CasusMembersView? memberView = null;
            if (membersOf.TryGetValue(signal.Id, out var list))
            {
                IReadOnlyList<CasusMemberView>? listed = null;
                if (Permitting(signal, counterpart, subjectType, MemberCategory) is { } clause)
                {
                    clauses.Add(clause);
                    listed = [.. list.Select(m => new CasusMemberView(m.Position, callerReferences.GetValueOrDefault(m.SubjectId)))];
                }

                memberView = new CasusMembersView(list.Count, listed);
            }

            categories.UnionWith(visible);
            var summary = visible.Count == declared.Length ? signal.Summary : null;
            views.Add(new CasusSignalView(signal.SubmittedAt, signal.PartnerId, counterpart, signal.Role, visible, summary, memberView));
        }

        return new CasusVisibilityResult(views, [.. categories], [.. clauses]);
    }
}

using SharingHub.Policies.Convenants;

namespace SharingHub.Policies.Loading;

/// <summary>Checks ids, clause ids, limits and every cross-reference of a parsed convenant.</summary>
internal sealed class ReferenceChecker
{
    private readonly ConvenantDocument _doc;
    private readonly List<ConvenantError> _errors;
    private readonly HashSet<string> _parties;
    private readonly HashSet<string> _roles;
    private readonly HashSet<string> _levels;
    private readonly HashSet<string> _purposes;
    private readonly Dictionary<string, DataCategory> _categories;
    private readonly HashSet<string> _retentionClauses;

    private ReferenceChecker(ConvenantDocument doc, List<ConvenantError> errors)
    {
        _doc = doc;
        _errors = errors;
        _parties = Unique(doc.Parties, p => p.Id, p => p.Path, p => p.ClauseId);
        _roles = Unique(doc.Roles, r => r.Id, r => r.Path, r => r.ClauseId);
        _levels = Unique(doc.EscalationLevels, l => l.Id, l => l.Path, l => l.ClauseId);
        _purposes = Unique(doc.Purposes, p => p.Id, p => p.Path, p => p.ClauseId);
        Unique(doc.Categories, c => c.Id, c => c.Path, c => c.ClauseId);
        _categories = doc.Categories.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _retentionClauses = doc.Retention.Select(r => r.ClauseId).ToHashSet(StringComparer.Ordinal);
    }

    public static void Check(ConvenantDocument doc, List<ConvenantError> errors) => new ReferenceChecker(doc, errors).Run();

    private void Run()
    {
        CheckClauseIds();
        Limit(_doc.Parties.Count, "$.parties");
        Limit(_doc.Roles.Count, "$.roles");
        Limit(_doc.EscalationLevels.Count, "$.escalationLevels");
        Limit(_doc.Purposes.Count, "$.purposes");
        Limit(_doc.Categories.Count, "$.categories");
        Limit(_doc.ApprovalRules.Count, "$.approvalRules");

        for (var i = 0; i < _doc.Signatories.Count; i++)
        {
            Ref(_parties, _doc.Signatories[i].Party, _doc.Signatories[i].Path + ".party", _doc.ClauseId, "party");
        }

        RefAll(_categories.Keys, _doc.Dpia.CoveredCategories, _doc.Dpia.Path + ".coveredCategories", _doc.Dpia.ClauseId, "category");
        foreach (var role in _doc.Roles)
        {
            RefAll(_parties, role.Parties, role.Path + ".parties", role.ClauseId, "party");
        }

        CheckPurposeTree();
        foreach (var flow in _doc.Flows)
        {
            CheckFlow(flow);
        }

        foreach (var p in _doc.Prohibitions)
        {
            RefAll(_parties, p.Parties, p.Path + ".parties", p.ClauseId, "party");
            RefAll(_roles, p.Roles, p.Path + ".roles", p.ClauseId, "role");
            RefAll(_purposes, p.Purposes, p.Path + ".purposes", p.ClauseId, "purpose");
            RefAll(_categories.Keys, p.Categories, p.Path + ".categories", p.ClauseId, "category");
        }

        foreach (var rule in _doc.ApprovalRules)
        {
            RefAll(_roles, rule.Quorum.ReviewerRoles, rule.Path + ".quorum.reviewerRoles", rule.ClauseId, "role");
        }

        foreach (var rule in _doc.Retention)
        {
            RefAll(_categories.Keys, rule.Categories, rule.Path + ".categories", rule.ClauseId, "category");
        }
    }

    private void CheckFlow(Flow flow)
    {
        RefAll(_parties, flow.From.Parties, flow.Path + ".from.parties", flow.ClauseId, "party");
        RefAll(_roles, flow.From.Roles, flow.Path + ".from.roles", flow.ClauseId, "role");
        RefAll(_parties, flow.To.Parties, flow.Path + ".to.parties", flow.ClauseId, "party");
        RefAll(_roles, flow.To.Roles, flow.Path + ".to.roles", flow.ClauseId, "role");
        RefAll(_purposes, flow.Purposes, flow.Path + ".purposes", flow.ClauseId, "purpose");
        RefAll(_categories.Keys, flow.Categories, flow.Path + ".categories", flow.ClauseId, "category");
        RefAll(_levels, flow.EscalationLevels, flow.Path + ".escalationLevels", flow.ClauseId, "escalation level");

        var fields = flow.Categories
            .Where(_categories.ContainsKey)
            .SelectMany(c => _categories[c].Fields)
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < flow.Fields.Count; i++)
        {
            if (!fields.Contains(flow.Fields[i]))
            {
                _errors.Add(new ConvenantError(PolicyCodes.DanglingReference, $"{flow.Path}.fields[{i}]", flow.ClauseId, $"field \"{flow.Fields[i]}\" is not a field of any category this flow shares"));
            }
        }

        for (var o = 0; o < flow.Obligations.Count; o++)
        {
            var obligation = flow.Obligations[o];
            if (obligation.Retention is { } retention && !_retentionClauses.Contains(retention))
            {
                _errors.Add(new ConvenantError(PolicyCodes.DanglingReference, obligation.Path + ".retention", flow.ClauseId, $"retention clause \"{retention}\" is not defined in this convenant"));
            }

            for (var i = 0; i < obligation.Fields.Count; i++)
            {
                if (!fields.Contains(obligation.Fields[i]))
                {
                    _errors.Add(new ConvenantError(PolicyCodes.DanglingReference, $"{obligation.Path}.fields[{i}]", flow.ClauseId, $"field \"{obligation.Fields[i]}\" is not a field of any category this flow shares"));
                }
            }

            if (obligation.NotifyRole is { } role)
            {
                Ref(_roles, role, obligation.Path + ".notifyRole", flow.ClauseId, "role");
            }
        }
    }

    private void CheckPurposeTree()
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var purpose in _doc.Purposes)
        {
            parents.TryAdd(purpose.Id, purpose.Parent);
            if (purpose.Parent is { } parent)
            {
                Ref(_purposes, parent, purpose.Path + ".parent", purpose.ClauseId, "purpose");
            }
        }

        foreach (var purpose in _doc.Purposes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { purpose.Id };
            var current = purpose.Parent;
            while (current is not null && parents.TryGetValue(current, out var next))
            {
                if (current == purpose.Id)
                {
                    _errors.Add(new ConvenantError(PolicyCodes.PurposeCycle, purpose.Path + ".parent", purpose.ClauseId, $"purpose \"{purpose.Id}\" is its own ancestor"));
                    break;
                }

                if (!seen.Add(current))
                {
                    break; // a cycle further up, reported at its own members
                }

                current = next;
            }
        }
    }

    private void CheckClauseIds()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal) { [_doc.ClauseId] = "$.clauseId" };
        IEnumerable<(string ClauseId, string Path)> all =
            new[] { (_doc.Dpia.ClauseId, _doc.Dpia.Path) }
            .Concat(_doc.Parties.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.Roles.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.EscalationLevels.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.Purposes.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.Categories.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.Flows.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.Prohibitions.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.ApprovalRules.Select(x => (x.ClauseId, x.Path)))
            .Concat(_doc.Retention.Select(x => (x.ClauseId, x.Path)));
        foreach (var (clauseId, path) in all)
        {
            if (!seen.TryAdd(clauseId, path))
            {
                _errors.Add(new ConvenantError(PolicyCodes.DuplicateClauseId, path + ".clauseId", clauseId, $"clause id \"{clauseId}\" is already used at {seen[clauseId]}"));
            }
        }
    }

    private HashSet<string> Unique<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, string> path, Func<T, string> clause)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!set.Add(id(item)))
            {
                _errors.Add(new ConvenantError(PolicyCodes.DuplicateId, path(item) + ".id", clause(item), $"id \"{id(item)}\" is defined twice"));
            }
        }

        return set;
    }

    private void Limit(int count, string path)
    {
        if (count > ConvenantFormat.MaxItems)
        {
            _errors.Add(new ConvenantError(PolicyCodes.TooMany, path, _doc.ClauseId, $"at most {ConvenantFormat.MaxItems} entries are supported, found {count}"));
        }
    }

    private void RefAll(IEnumerable<string> known, IReadOnlyList<string> ids, string path, string clauseId, string kind)
    {
        var set = known as ISet<string> ?? known.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            Ref(set, ids[i], $"{path}[{i}]", clauseId, kind);
        }
    }

    private void Ref(ICollection<string> known, string id, string path, string clauseId, string kind)
    {
        if (!known.Contains(id))
        {
            _errors.Add(new ConvenantError(PolicyCodes.DanglingReference, path, clauseId, $"{kind} \"{id}\" is not defined in this convenant"));
        }
    }
}

using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// The fields a grant lets a disclosure re-identify, checked against its convenant: every category known and not the
/// reporter's identity, every field inside a granted category, no field of any reporter-identity category (nor any
/// <c>melder-</c> field), whatever the grant row says; and no absolute prohibition of the convenant (for example "police never
/// receive health data", "the BSN is never disclosed identified") covering the disclosure, as defence in depth behind the
/// decision that made the grant.
/// </summary>
internal sealed class GrantScope
{
    public const string ReporterFieldPrefix = "melder";

    private readonly Dictionary<string, List<string>> _categoriesOf;

    private GrantScope(IReadOnlyList<string> fields, Dictionary<string, List<string>> categoriesOf, string? error, string? clause = null)
    {
        Fields = fields;
        _categoriesOf = categoriesOf;
        Error = error;
        Clause = clause;
    }

    /// <summary>The prohibition clause that refused the grant (<see cref="DisclosureErrorCodes.Prohibited"/>), else null.</summary>
    public string? Clause { get; }

    /// <summary>The granted field ids, in grant order, deduplicated.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The granted fields that are not identity fields (read from the signals' content records).</summary>
    public IEnumerable<string> ContentFields => Fields.Where(f => !DisclosureFields.IsIdentity(f));

    /// <summary>
    /// Null when the grant may be disclosed; else <see cref="DisclosureErrorCodes.ReporterIdentity"/>, <see cref="DisclosureErrorCodes.GrantInvalid"/>
    /// or <see cref="DisclosureErrorCodes.Prohibited"/>.
    /// </summary>
    public string? Error { get; }

    /// <summary>The granted categories that hold <paramref name="field"/>.</summary>
    public IReadOnlyList<string> CategoriesOf(string field) => _categoriesOf.TryGetValue(field, out var list) ? list : [];

    /// <summary>Checks <paramref name="grant"/> for a disclosure (or export) to a recipient of party <paramref name="party"/> about a subject of <paramref name="subjectType"/>.</summary>
    public static GrantScope Check(CompiledConvenant convenant, Grant grant, string? party, string? subjectType, bool export)
    {
        ArgumentNullException.ThrowIfNull(convenant);
        ArgumentNullException.ThrowIfNull(grant);
        var categories = DisclosureAudit.Split(grant.Categories).Distinct(StringComparer.Ordinal).ToList();
        var fields = DisclosureAudit.Split(grant.Fields).Distinct(StringComparer.Ordinal).ToList();
        var reporterFields = convenant.Document.Categories.Where(c => c.Sensitivity == Sensitivity.ReporterIdentity)
            .SelectMany(c => c.Fields).ToHashSet(StringComparer.Ordinal);
        var reporter = fields.Any(f => reporterFields.Contains(f) || f.StartsWith(ReporterFieldPrefix, StringComparison.OrdinalIgnoreCase))
            || categories.Any(c => c.StartsWith(ReporterFieldPrefix, StringComparison.OrdinalIgnoreCase)
                || (convenant.FindCategory(c) is >= 0 and var i && convenant.GetCategory(i).Sensitivity == Sensitivity.ReporterIdentity));
        var categoriesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (reporter)
        {
            return new GrantScope([], categoriesOf, DisclosureErrorCodes.ReporterIdentity);
        }

        foreach (var id in categories)
        {
            var index = convenant.FindCategory(id);
            if (index < 0)
            {
                return new GrantScope([], [], DisclosureErrorCodes.GrantInvalid);
            }

            foreach (var field in convenant.GetCategory(index).Fields)
            {
                if (!categoriesOf.TryGetValue(field, out var list))
                {
                    categoriesOf[field] = list = [];
                }

                list.Add(id);
            }
        }

        if (!fields.All(categoriesOf.ContainsKey))
        {
            return new GrantScope([], [], DisclosureErrorCodes.GrantInvalid);
        }

        return ProhibitionOf(convenant, grant, categories, party, subjectType, export) is { } clause
            ? new GrantScope([], [], DisclosureErrorCodes.Prohibited, clause)
            : new GrantScope(fields, categoriesOf, null);
    }

    /// <summary>The first prohibition whose every stated condition covers this disclosure (an empty condition covers all).</summary>
    private static string? ProhibitionOf(CompiledConvenant convenant, Grant grant, List<string> categories, string? party, string? subjectType, bool export)
    {
        var action = export ? PolicyAction.Export : PolicyAction.Disclose;
        var purposes = PurposeChain(convenant, grant.Purpose);
        var hasMode = PolicyNames.Mode.TryParse(grant.Mode, out var mode);
        var hasType = PolicyNames.SubjectType.TryParse(subjectType, out var type);
        foreach (var prohibition in convenant.Document.Prohibitions)
        {
            if ((prohibition.Actions.Count == 0 || prohibition.Actions.Contains(action))
                && (prohibition.Parties.Count == 0 || (party is not null && prohibition.Parties.Contains(party, StringComparer.Ordinal)))
                && (prohibition.Roles.Count == 0 || prohibition.Roles.Contains(grant.RecipientRole, StringComparer.Ordinal))
                && (prohibition.Purposes.Count == 0 || prohibition.Purposes.Any(p => purposes.Contains(p, StringComparer.Ordinal)))
                && (prohibition.Categories.Count == 0 || prohibition.Categories.Any(c => categories.Contains(c, StringComparer.Ordinal)))
                && (prohibition.Modes.Count == 0 || (hasMode && prohibition.Modes.Contains(mode)))
                && (prohibition.SubjectTypes.Count == 0 || (hasType && prohibition.SubjectTypes.Contains(type))))
            {
                return prohibition.ClauseId;
            }
        }

        return null;
    }

    /// <summary>The purpose and its ancestors (a prohibition on a parent purpose covers its children).</summary>
    private static List<string> PurposeChain(CompiledConvenant convenant, string purpose)
    {
        var chain = new List<string>();
        var current = purpose;
        while (current is not null && !chain.Contains(current, StringComparer.Ordinal) && chain.Count < 32)
        {
            chain.Add(current);
            var handle = convenant.FindPurpose(current);
            current = handle.IsNone ? null : convenant.GetPurpose(handle).Parent;
        }

        return chain;
    }
}

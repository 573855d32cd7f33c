using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// The fields a grant lets a disclosure re-identify, checked against its convenant: every category known and not the
/// reporter's identity, every field inside a granted category, no field of any reporter-identity category (nor any
/// <c>melder-</c> field), whatever the grant row says.
/// </summary>
internal sealed class GrantScope
{
    public const string ReporterFieldPrefix = "melder";

    private readonly Dictionary<string, List<string>> _categoriesOf;

    private GrantScope(IReadOnlyList<string> fields, Dictionary<string, List<string>> categoriesOf, string? error)
    {
        Fields = fields;
        _categoriesOf = categoriesOf;
        Error = error;
    }

    /// <summary>The granted field ids, in grant order, deduplicated.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The granted fields that are not identity fields (read from the signals' content records).</summary>
    public IEnumerable<string> ContentFields => Fields.Where(f => !DisclosureFields.IsIdentity(f));

    /// <summary>Null when the grant may be disclosed; else <see cref="DisclosureErrorCodes.ReporterIdentity"/> or <see cref="DisclosureErrorCodes.GrantInvalid"/>.</summary>
    public string? Error { get; }

    /// <summary>The granted categories that hold <paramref name="field"/>.</summary>
    public IReadOnlyList<string> CategoriesOf(string field) => _categoriesOf.TryGetValue(field, out var list) ? list : [];

    public static GrantScope Check(CompiledConvenant convenant, Grant grant)
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

        return fields.All(categoriesOf.ContainsKey)
            ? new GrantScope(fields, categoriesOf, null)
            : new GrantScope([], [], DisclosureErrorCodes.GrantInvalid);
    }
}

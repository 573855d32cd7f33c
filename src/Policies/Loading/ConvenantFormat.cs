using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SharingHub.Policies.Loading;

/// <summary>
/// The field sets of every object in the convenant format. convenants/schema.json mirrors these tables
/// (additionalProperties: false); a test keeps the two in step.
/// </summary>
public static partial class ConvenantFormat
{
    /// <summary>At most this many parties, roles, levels, purposes, categories and approval rules per convenant (they compile to 64-bit sets).</summary>
    public const int MaxItems = 64;

    public static readonly FrozenDictionary<string, string[]> Objects = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["convenant"] = ["$schema", "id", "clauseId", "version", "status", "title", "validFrom", "validTo", "supersedes", "signatories", "dpia", "parties", "roles", "escalationLevels", "purposes", "categories", "flows", "prohibitions", "approvalRules", "retention"],
        ["signatory"] = ["party", "signedBy", "signedOn"],
        ["dpia"] = ["clauseId", "reference", "date", "reviewDate", "coveredCategories"],
        ["party"] = ["clauseId", "id", "name", "type", "legalRegime", "mayBringInCases"],
        ["role"] = ["clauseId", "id", "name", "parties"],
        ["escalationLevel"] = ["clauseId", "id", "rank", "name"],
        ["purpose"] = ["clauseId", "id", "name", "parent", "disposition", "legalGround"],
        ["legalGround"] = ["article6", "nationalBasis", "article9Exception", "article10Basis", "bsnBasis", "wpgBasis"],
        ["category"] = ["clauseId", "id", "name", "sensitivity", "fields"],
        ["flow"] = ["clauseId", "description", "from", "to", "actions", "purposes", "categories", "subjectTypes", "phases", "escalationLevels", "modes", "fields", "approvals", "obligations"],
        ["endpoint"] = ["parties", "roles"],
        ["obligation"] = ["type", "retention", "fields", "notifyRole", "note"],
        ["prohibition"] = ["clauseId", "description", "parties", "roles", "actions", "purposes", "categories", "modes", "subjectTypes"],
        ["approvalRule"] = ["clauseId", "gate", "triggers", "actions", "modes", "quorum", "description"],
        ["quorum"] = ["reviewers", "reviewerRoles", "reviewerFromOtherParty", "maxWaitDays"],
        ["retentionRule"] = ["clauseId", "categories", "phases", "period", "countsFrom", "endAction"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Clause ids look like "RIEC-F-03": convenant prefix, clause kind, number.</summary>
    [GeneratedRegex("^[A-Z]{2,8}-[A-Z]{1,3}-[0-9]{2,3}$", RegexOptions.CultureInvariant)]
    public static partial Regex ClauseIdPattern();

    /// <summary>Ids of convenants, parties, roles, purposes, categories, levels and fields: lower-case kebab.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{0,47}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();
}

using System.Collections.Frozen;
using SharingHub.Pseudonymisation.Vault;
using V = SharingHub.Pseudonymisation.Vault.IdentityFieldNames;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// How a convenant field id is re-identified. Identity fields (<c>naam</c>, <c>geboortedatum</c>, <c>adres</c>, <c>bsn</c>
/// and the company/vehicle identifiers) map to the vault fields of the subject's identity record; every other field id is a
/// content field, read from the signal's content record under the field id with '-' replaced by '_'.
/// </summary>
public static class DisclosureFields
{
    /// <summary>Convenant field id → the vault identity fields it re-identifies.</summary>
    public static FrozenDictionary<string, string[]> Identity { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["naam"] = [V.GivenNames, V.SurnamePrefix, V.Surname],
        ["geboortedatum"] = [V.DateOfBirth],
        ["adres"] = [V.Street, V.HouseNumber, V.HouseNumberSuffix, V.Postcode, V.City],
        ["vestigingsadres"] = [V.Street, V.HouseNumber, V.HouseNumberSuffix, V.Postcode, V.City],
        ["bsn"] = [V.Bsn],
        ["kvk-nummer"] = [V.Kvk],
        ["kenteken"] = [V.Kenteken],
        ["iban"] = [V.Iban],
        ["telefoon"] = [V.Phone],
        ["e-mail"] = [V.Email],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsIdentity(string fieldId) => Identity.ContainsKey(fieldId);

    /// <summary>The vault field name of a content field (<c>plan-van-aanpak</c> → <c>plan_van_aanpak</c>).</summary>
    public static string ContentName(string fieldId)
    {
        ArgumentNullException.ThrowIfNull(fieldId);
        return fieldId.Replace('-', '_');
    }

    /// <summary>
    /// The value of one identity field id in an opened identity record, as delivered (raw): a name as "given prefix surname",
    /// an address as "street number+suffix, postcode city"; null when the record holds none of its parts.
    /// </summary>
    public static string? Compose(string fieldId, IdentityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Identity.TryGetValue(fieldId, out var parts))
        {
            return null;
        }

        string? Part(string name) => record[name]?.Raw is { Length: > 0 } raw ? raw.Trim() : null;
        if (parts.Length == 5)
        {
            var number = string.Concat(Part(V.HouseNumber), Part(V.HouseNumberSuffix));
            return Join(", ", Join(" ", Part(V.Street), number), Join(" ", Part(V.Postcode), Part(V.City)));
        }

        return Join(" ", parts.Select(Part).ToArray());
    }

    private static string? Join(string separator, params string?[] values)
    {
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
        return present.Length == 0 ? null : string.Join(separator, present);
    }
}

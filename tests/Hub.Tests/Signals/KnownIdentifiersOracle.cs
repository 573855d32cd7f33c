using System.Globalization;
using SharingHub.Hub.Signals;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>
/// TEST ORACLE ONLY. <see cref="KnownIdentifiers"/> as it was before it skipped values that cannot occur, copied
/// unchanged apart from its name and namespace: every variant built and replaced with string.Replace, longest first.
/// The differential tests assert that <see cref="KnownIdentifiers.Redact"/> returns exactly what this returns.
/// </summary>
internal static class KnownIdentifiersOracle
{
    private const int MinimumLength = 4;

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [IdentityFieldNames.Bsn] = "[BSN]",
        [IdentityFieldNames.DateOfBirth] = "[GEBOORTEDATUM]",
        [IdentityFieldNames.Postcode] = "[POSTCODE]",
        [IdentityFieldNames.Street] = "[STRAAT]",
        [IdentityFieldNames.Phone] = "[TELEFOON]",
        [IdentityFieldNames.Email] = "[E-MAIL]",
        [IdentityFieldNames.Iban] = "[IBAN]",
        [IdentityFieldNames.Kvk] = "[KVK]",
        [IdentityFieldNames.Kenteken] = "[KENTEKEN]",
        [SignalValidator.GroupReferenceField] = "[GROEP]",
    };

    public static string Redact(string text, IdentityRecord identity)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(identity);
        var needles = new List<(string Value, string Label)>();
        foreach (var (name, field) in identity.Fields)
        {
            if (!Labels.TryGetValue(name, out var label))
            {
                continue;
            }

            foreach (var variant in Variants(name, field))
            {
                if (variant.Length >= MinimumLength)
                {
                    needles.Add((variant, label));
                }
            }
        }

        foreach (var (value, label) in needles.OrderByDescending(n => n.Value.Length))
        {
            text = text.Replace(value, label, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static IEnumerable<string> Variants(string name, IdentityField field)
    {
        yield return field.Raw.Trim();
        if (field.Normalised is not { Length: > 0 } normalised)
        {
            yield break;
        }

        yield return normalised;
        if (name == SignalValidator.GroupReferenceField)
        {
            yield break; // the normalised form (letters and digits only) may be a short, common string
        }

        if (name == IdentityFieldNames.Postcode && normalised.Length == 6)
        {
            yield return normalised[..4] + " " + normalised[4..];
        }
        else if (name == IdentityFieldNames.Phone && normalised.StartsWith("+31", StringComparison.Ordinal))
        {
            yield return "0" + normalised[3..];
            yield return "0031" + normalised[3..];
        }
        else if (name == IdentityFieldNames.DateOfBirth &&
            DateOnly.TryParseExact(normalised, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            foreach (var format in new[] { "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "ddMMyyyy", "yyyyMMdd" })
            {
                yield return date.ToString(format, CultureInfo.InvariantCulture);
            }
        }
    }
}

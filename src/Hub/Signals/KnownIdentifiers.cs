using System.Globalization;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>
/// A second pass after the scrubber: the hub knows the subject's identifiers (they were just submitted, or are opened
/// from the vault), so every literal occurrence of them in free text is replaced by a type label, whatever the
/// recognisers made of the context (a bare postcode without house number, an odd phone format). Names are left to the
/// scrubber's known-person recogniser; house numbers and cities are too short or too common to redact on their own.
/// </summary>
public static class KnownIdentifiers
{
    private const int MinimumLength = 4;

    internal static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
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

    /// <summary><see cref="Labels"/> in the order of <see cref="IdentityRecord.Fields"/> (ordinal by name).</summary>
    private static readonly KeyValuePair<string, string>[] LabelsByName = [.. Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal)];

    public static string Redact(string text, IdentityRecord identity)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var (value, label) in Needles(identity, text))
        {
            if (MayOccur(text, value))
            {
                text = text.Replace(value, label, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    /// <summary>
    /// False when <paramref name="value"/> cannot occur in <paramref name="text"/> ignoring case, so that Replace would
    /// change nothing: the text lacks one of the value's runs of ASCII characters other than letters (digits, '-', '/',
    /// '.', ' ', '+', '@'), which no other character equals ignoring case. Ordinal searches for those runs are many times
    /// cheaper than a case-insensitive Replace that finds nothing. True when the value has no such run.
    /// </summary>
    internal static bool MayOccur(string text, string value) => HoldsEveryRun(text, value, labelCharacters: true);

    /// <summary>
    /// As <see cref="MayOccur"/>, with runs that also leave out the characters labels hold besides letters ('[', ']', '-').
    /// Replacing values by labels cannot bring such a run into the text (every label starts with '[' and ends with ']',
    /// tested), so a value this is false for on the original text is never replaced and need not be tried at all.
    /// </summary>
    internal static bool MayEverOccur(string text, string value) => HoldsEveryRun(text, value, labelCharacters: false);

    private static bool HoldsEveryRun(string text, string value, bool labelCharacters)
    {
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && char.IsAscii(value[i]) && !char.IsAsciiLetter(value[i]) && (labelCharacters || value[i] is not ('[' or ']' or '-')))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                if (!text.AsSpan().Contains(value.AsSpan(start, i - start), StringComparison.Ordinal))
                {
                    return false;
                }

                start = -1;
            }
        }

        return true;
    }

    /// <summary>
    /// Every variant of at least <see cref="MinimumLength"/> characters that may ever occur in <paramref name="text"/>,
    /// with its label, longest first (stable: equal lengths keep field and variant order). The date-of-birth formats are
    /// not even built when the text lacks the year.
    /// </summary>
    private static List<(string Value, string Label)> Needles(IdentityRecord identity, string text)
    {
        var needles = new List<(string Value, string Label)>();
        foreach (var (name, label) in LabelsByName)
        {
            if (identity[name] is { } field)
            {
                AddVariants(needles, name, field, label, text);
            }
        }

        for (var i = 1; i < needles.Count; i++)
        {
            var needle = needles[i];
            var j = i - 1;
            while (j >= 0 && needles[j].Value.Length < needle.Value.Length)
            {
                needles[j + 1] = needles[j];
                j--;
            }

            needles[j + 1] = needle;
        }

        return needles;
    }

    private static void AddVariants(List<(string Value, string Label)> needles, string name, IdentityField field, string label, string text)
    {
        Add(field.Raw.Trim());
        if (field.Normalised is not { Length: > 0 } normalised)
        {
            return;
        }

        Add(normalised);
        if (name == SignalValidator.GroupReferenceField)
        {
            return; // the normalised form (letters and digits only) may be a short, common string
        }

        if (name == IdentityFieldNames.Postcode && normalised.Length == 6)
        {
            Add(normalised[..4] + " " + normalised[4..]);
        }
        else if (name == IdentityFieldNames.Phone && normalised.StartsWith("+31", StringComparison.Ordinal))
        {
            Add("0" + normalised[3..]);
            Add("0031" + normalised[3..]);
        }
        else if (name == IdentityFieldNames.DateOfBirth && ContainsYear(text, normalised) &&
            DateOnly.TryParseExact(normalised, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The same strings as date.ToString with "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy",
            // "dd.MM.yyyy", "ddMMyyyy" and "yyyyMMdd" (invariant culture), without parsing eight format strings.
            var (year, month, day) = (date.Year.ToString("D4", CultureInfo.InvariantCulture), Two(date.Month), Two(date.Day));
            var (shortMonth, shortDay) = (date.Month.ToString(CultureInfo.InvariantCulture), date.Day.ToString(CultureInfo.InvariantCulture));
            Add($"{year}-{month}-{day}");
            Add($"{day}-{month}-{year}");
            Add($"{shortDay}-{shortMonth}-{year}");
            Add($"{day}/{month}/{year}");
            Add($"{shortDay}/{shortMonth}/{year}");
            Add($"{day}.{month}.{year}");
            Add(day + month + year);
            Add(year + month + day);
        }

        void Add(string variant)
        {
            if (variant.Length >= MinimumLength && MayEverOccur(text, variant))
            {
                needles.Add((variant, label));
            }
        }
    }

    /// <summary>
    /// False when the text lacks the first four characters of a normalised date of birth. When the date parses they are
    /// its year, which every format holds as four digits; labels hold no digits, so replacing other values cannot bring
    /// them together either. The formats (and the parse) are then skipped: they could not be replaced.
    /// </summary>
    private static bool ContainsYear(string text, string normalised) =>
        normalised.Length < 4 || text.AsSpan().Contains(normalised.AsSpan(0, 4), StringComparison.Ordinal);

    private static string Two(int value) => value.ToString("D2", CultureInfo.InvariantCulture);
}

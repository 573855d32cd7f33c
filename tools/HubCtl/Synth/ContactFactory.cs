using System.Globalization;
using System.Text;
using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>Dutch phone numbers (06 mobiles, 0xx landlines) in the mixed formats people write, and e-mail addresses.</summary>
internal sealed class ContactFactory
{
    private static readonly WeightedTable<string> MobileFormats = new([("0612345678", 45), ("06-12345678", 25), ("06 12345678", 10), ("+31612345678", 10), ("+31 6 12345678", 5), ("06 1234 5678", 5)]);
    private static readonly WeightedTable<string> LandlineFormats = new([("plain", 40), ("dash", 35), ("spaced", 15), ("intl", 10)]);

    private readonly WeightedTable<string> _domains = new(DutchPlaces.EmailDomains.Select(d => (d.Domain, d.Weight)));
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);

    /// <summary>Digits of a new mobile number, "06" + 8 digits.</summary>
    public static string MobileDigits(Randomizer random) =>
        "06" + random.Number(1, 6).ToString(CultureInfo.InvariantCulture) + random.Number(0, 9999999).ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Digits of a new landline number in the area: 10 digits in total.</summary>
    public static string LandlineDigits(Randomizer random, string areaCode)
    {
        var subscriberLength = 10 - areaCode.Length;
        var first = random.Number(2, 9).ToString(CultureInfo.InvariantCulture);
        var rest = random.Number(0, (int)Math.Pow(10, subscriberLength - 1) - 1).ToString("D" + (subscriberLength - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return areaCode + first + rest;
    }

    /// <summary>Writes 10 national digits in one of the formats people use.</summary>
    public static string Format(Randomizer random, string digits, int areaCodeLength)
    {
        if (digits.StartsWith("06", StringComparison.Ordinal))
        {
            return MobileFormats.Pick(random) switch
            {
                "06-12345678" => $"06-{digits[2..]}",
                "06 12345678" => $"06 {digits[2..]}",
                "+31612345678" => $"+31{digits[1..]}",
                "+31 6 12345678" => $"+31 6 {digits[2..]}",
                "06 1234 5678" => $"06 {digits[2..6]} {digits[6..]}",
                _ => digits,
            };
        }

        var area = digits[..areaCodeLength];
        var subscriber = digits[areaCodeLength..];
        return LandlineFormats.Pick(random) switch
        {
            "dash" => $"{area}-{subscriber}",
            "spaced" => $"{area} {subscriber[..3]} {subscriber[3..]}",
            "intl" => $"+31{digits[1..]}",
            _ => digits,
        };
    }

    /// <summary>A phone number for an adult or teenager: mostly a mobile, sometimes only a landline.</summary>
    public static string Phone(Randomizer random, string areaCode)
    {
        var roll = random.Double();
        if (roll < 0.88)
        {
            return Format(random, MobileDigits(random), 2);
        }

        return roll < 0.96 ? Format(random, LandlineDigits(random, areaCode), areaCode.Length) : string.Empty;
    }

    /// <summary>A personal e-mail address built from the names, unique within this factory.</summary>
    public string Email(Randomizer random, string callName, string prefix, string surname, DateOnly dateOfBirth)
    {
        var first = Plain(callName);
        var last = Plain(surname.Split('-')[0]);
        if (first.Length == 0 || last.Length == 0)
        {
            first = first.Length == 0 ? "info" : first;
            last = last.Length == 0 ? "mail" : last;
        }

        var full = Plain(prefix) + last;
        var yy = (dateOfBirth.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        var local = random.Number(0, 7) switch
        {
            0 => $"{first}.{full}",
            1 => $"{first}{full}",
            2 => $"{first[0]}.{full}",
            3 => $"{first}{yy}",
            4 => $"{full}{first}",
            5 => $"{first}_{full}",
            6 => $"{first}.{last}",
            _ => $"{first[0]}{full}{yy}",
        };
        return Unique(random, local, _domains.Pick(random));
    }

    /// <summary>A household address such as "fam.jansen@ziggo.nl", shared by the adults of a household.</summary>
    public string FamilyEmail(Randomizer random, string prefix, string surname) =>
        Unique(random, (random.Chance(0.5) ? "fam." : "familie") + Plain(prefix) + Plain(surname.Split('-')[0]), _domains.Pick(random));

    /// <summary>A different address for the same person (a second mailbox).</summary>
    public string OtherEmail(Randomizer random, string callName, string surname) =>
        Unique(random, Plain(callName) + (random.Chance(0.5) ? "." : string.Empty) + Plain(surname.Split('-')[0]) + random.Number(1, 99).ToString(CultureInfo.InvariantCulture), _domains.Pick(random));

    /// <summary>Lower case ASCII letters only: diacritics removed, spaces, apostrophes and hyphens dropped (may be empty).</summary>
    public static string Plain(string text)
    {
        var folded = TextTypos.StripDiacritics(text) ?? text;
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private string Unique(Randomizer random, string local, string domain)
    {
        var candidate = $"{local}@{domain}";
        while (!_emails.Add(candidate))
        {
            candidate = $"{local}{random.Number(1, 999).ToString(CultureInfo.InvariantCulture)}@{domain}";
        }

        return candidate;
    }
}

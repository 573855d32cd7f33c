namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>The kinds of identifier the scrubber detects. Each has a Dutch token label (see <see cref="ScrubEntityTypes"/>).</summary>
public enum ScrubEntityType
{
    /// <summary>A person's name: a known subject passed in by the caller, or a name recognised from context.</summary>
    Person,

    /// <summary>Burgerservicenummer (9 digits, 11-proef).</summary>
    Bsn,

    /// <summary>IBAN bank account number (mod-97).</summary>
    Iban,

    /// <summary>Dutch vehicle licence plate (sidecodes).</summary>
    Kenteken,

    /// <summary>Postcode (+ house number) or street + house number.</summary>
    Address,

    /// <summary>Telephone number (Dutch formats, or international with a country code).</summary>
    Phone,

    /// <summary>E-mail address.</summary>
    Email,

    /// <summary>A date written next to a date-of-birth context word.</summary>
    DateOfBirth,
}

/// <summary>Token labels for <see cref="ScrubEntityType"/>.</summary>
public static class ScrubEntityTypes
{
    /// <summary>All entity types, in declaration order.</summary>
    public static IReadOnlyList<ScrubEntityType> All { get; } = Enum.GetValues<ScrubEntityType>();

    /// <summary>The Dutch label used in tokens, e.g. <c>PERSOON</c> in <c>[PERSOON-3f9a]</c>.</summary>
    public static string TokenLabel(this ScrubEntityType type) => type switch
    {
        ScrubEntityType.Person => "PERSOON",
        ScrubEntityType.Bsn => "BSN",
        ScrubEntityType.Iban => "IBAN",
        ScrubEntityType.Kenteken => "KENTEKEN",
        ScrubEntityType.Address => "ADRES",
        ScrubEntityType.Phone => "TELEFOON",
        ScrubEntityType.Email => "EMAIL",
        ScrubEntityType.DateOfBirth => "GEBOORTEDATUM",
        _ => throw new ArgumentOutOfRangeException(nameof(type), (int)type, "SH1801: unknown scrub entity type."),
    };

    /// <summary>Parses a token label (case-insensitive) or an enum name; false when unknown.</summary>
    public static bool TryParseLabel(string? label, out ScrubEntityType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.TokenLabel(), label, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), label, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}

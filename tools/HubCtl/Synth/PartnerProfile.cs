namespace SharingHub.HubCtl.Synth;

/// <summary>
/// What kind of organisation a partner file comes from, and so which fields it holds and whom it knows. Housing
/// corporations and schools never hold a BSN; care providers and the tax office nearly always do. Presence
/// values are the probability that a record of that partner holds the field at all (before any variation).
/// <see cref="Habits"/> multiply the weights of some variations, because errors cluster per source system: schools
/// and housing corporations write call names, the tax office and care providers initials, the municipality
/// (fed by the population register) the official names.
/// </summary>
internal sealed record PartnerProfile(
    string Kind,
    double Bsn,
    double Gender,
    double DateOfBirth,
    double Address,
    double Phone,
    double Email,
    Func<int, double> AgeAffinity,
    IReadOnlyDictionary<Variation, double> Habits)
{
    private static readonly PartnerProfile[] Kinds =
    [
        new("gemeente", Bsn: 0.99, Gender: 1.0, DateOfBirth: 1.0, Address: 1.0, Phone: 0.35, Email: 0.35, _ => 1.0,
            new Dictionary<Variation, double> { [Variation.GivenNamesCallName] = 0.2, [Variation.GivenNamesInitials] = 0.5, [Variation.AddressMovedHouse] = 0.5 }),
        new("politie", Bsn: 0.80, Gender: 0.98, DateOfBirth: 0.99, Address: 0.97, Phone: 0.70, Email: 0.30, age => age is >= 12 and <= 70 ? 1.0 : 0.2,
            new Dictionary<Variation, double> { [Variation.GivenNamesInitials] = 1.5, [Variation.SurnameCase] = 2, [Variation.DateOfBirthDayMonthSwapped] = 1.5 }),
        new("woningcorporatie", Bsn: 0.0, Gender: 0.6, DateOfBirth: 0.85, Address: 1.0, Phone: 0.9, Email: 0.75, age => age >= 18 ? 1.0 : 0.3,
            new Dictionary<Variation, double> { [Variation.GivenNamesCallName] = 3, [Variation.GivenNamesInitials] = 2, [Variation.AddressMovedHouse] = 0.5, [Variation.PhoneOtherNumber] = 1.5 }),
        new("zorgaanbieder", Bsn: 0.97, Gender: 0.95, DateOfBirth: 1.0, Address: 0.98, Phone: 0.9, Email: 0.6, age => age >= 65 ? 2.0 : 1.0,
            new Dictionary<Variation, double> { [Variation.GivenNamesInitials] = 2, [Variation.SurnameDoubleName] = 2 }),
        new("school", Bsn: 0.0, Gender: 0.9, DateOfBirth: 1.0, Address: 0.95, Phone: 0.95, Email: 0.8, age => age switch { >= 4 and <= 18 => 1.0, >= 19 and <= 24 => 0.3, _ => 0.01 },
            new Dictionary<Variation, double> { [Variation.GivenNamesCallName] = 4, [Variation.GivenNamesFirstOnly] = 2, [Variation.AddressMovedHouse] = 1.5 }),
        new("jeugdzorg", Bsn: 0.9, Gender: 0.95, DateOfBirth: 1.0, Address: 0.95, Phone: 0.8, Email: 0.5, age => age <= 23 ? 1.0 : 0.05,
            new Dictionary<Variation, double> { [Variation.GivenNamesCallName] = 2, [Variation.AddressMovedHouse] = 1.5 }),
        new("openbaar-ministerie", Bsn: 0.92, Gender: 0.99, DateOfBirth: 1.0, Address: 0.9, Phone: 0.4, Email: 0.2, age => age is >= 12 and <= 75 ? 1.0 : 0.05,
            new Dictionary<Variation, double> { [Variation.GivenNamesInitials] = 1.5, [Variation.SurnameCase] = 2, [Variation.GivenNamesOcr] = 2, [Variation.SurnameOcr] = 2 }),
        new("belastingdienst", Bsn: 1.0, Gender: 0.9, DateOfBirth: 1.0, Address: 1.0, Phone: 0.3, Email: 0.5, age => age >= 18 ? 1.0 : 0.02,
            new Dictionary<Variation, double> { [Variation.GivenNamesInitials] = 3, [Variation.SurnameDoubleName] = 1.5 }),
    ];

    /// <summary>All kinds, in the order partners 1, 2, … are assigned (then repeating).</summary>
    public static IReadOnlyList<PartnerProfile> All => Kinds;

    /// <summary>The profile of partner <paramref name="number"/> (1-based).</summary>
    public static PartnerProfile ForPartner(int number) => Kinds[(number - 1) % Kinds.Length];
}

using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// The documented match keys per subject type, and the tags and names of every pseudonym kind. The names are
/// stable: they are the link reasons of exact linkage ("bsn", "name+dob", ...). Field names are the
/// person-record CSV columns; "initial" is the first letter of the folded given names.
/// </summary>
/// <remarks>
/// | kind | tag | name | subject | fields (hashing order) |
/// |---|---|---|---|---|
/// | Bsn | p | bsn | person | bsn |
/// | NameDob | n | name+dob | person | given_names, surname_prefix, surname, date_of_birth |
/// | SurnameInitialDob | i | surname+initial+dob | person | surname_prefix, surname, initial, date_of_birth |
/// | PostcodeHouseDob | h | postcode+house+dob | person | postcode, house_number, house_number_suffix, date_of_birth |
/// | Address | a | address | address | postcode, house_number, house_number_suffix |
/// | Kvk | k | kvk | company | kvk |
/// | Kenteken | v | kenteken | vehicle | kenteken |
/// | Iban | r | iban | person | iban (identifier field, not a match key) |
/// | Phone | t | phone | person | phone (identifier field, not a match key) |
/// | Email | e | email | person | email (identifier field, not a match key) |
/// Subject references use tag 's' (<see cref="SubjectReference"/>).
/// </remarks>
public static class MatchKeys
{
    public const string BsnName = "bsn";
    public const string NameDobName = "name+dob";
    public const string SurnameInitialDobName = "surname+initial+dob";
    public const string PostcodeHouseDobName = "postcode+house+dob";
    public const string AddressName = "address";
    public const string KvkName = "kvk";
    public const string KentekenName = "kenteken";
    public const string IbanName = "iban";
    public const string PhoneName = "phone";
    public const string EmailName = "email";

    private static readonly MatchKeyDefinition[] Definitions =
    [
        new(PseudonymKind.Bsn, 'p', BsnName, SubjectType.Person, ["bsn"], IsMatchKey: true),
        new(PseudonymKind.NameDob, 'n', NameDobName, SubjectType.Person, ["given_names", "surname_prefix", "surname", "date_of_birth"], IsMatchKey: true),
        new(PseudonymKind.SurnameInitialDob, 'i', SurnameInitialDobName, SubjectType.Person, ["surname_prefix", "surname", "initial", "date_of_birth"], IsMatchKey: true),
        new(PseudonymKind.PostcodeHouseDob, 'h', PostcodeHouseDobName, SubjectType.Person, ["postcode", "house_number", "house_number_suffix", "date_of_birth"], IsMatchKey: true),
        new(PseudonymKind.Address, 'a', AddressName, SubjectType.Address, ["postcode", "house_number", "house_number_suffix"], IsMatchKey: true),
        new(PseudonymKind.Kvk, 'k', KvkName, SubjectType.Company, ["kvk"], IsMatchKey: true),
        new(PseudonymKind.Kenteken, 'v', KentekenName, SubjectType.Vehicle, ["kenteken"], IsMatchKey: true),
        new(PseudonymKind.Iban, 'r', IbanName, SubjectType.Person, ["iban"], IsMatchKey: false),
        new(PseudonymKind.Phone, 't', PhoneName, SubjectType.Person, ["phone"], IsMatchKey: false),
        new(PseudonymKind.Email, 'e', EmailName, SubjectType.Person, ["email"], IsMatchKey: false),
    ];

    private static readonly MatchKeyDefinition?[] ByTag = BuildTagTable();

    /// <summary>Every kind, in <see cref="PseudonymKind"/> order.</summary>
    public static IReadOnlyList<MatchKeyDefinition> All => Definitions;

    /// <summary>The match keys of a subject type, strongest first.</summary>
    public static IReadOnlyList<MatchKeyDefinition> For(SubjectType subjectType) =>
        [.. Definitions.Where(d => d.IsMatchKey && d.SubjectType == subjectType)];

    public static bool IsDefined(PseudonymKind kind) => kind >= PseudonymKind.Bsn && kind <= PseudonymKind.Email;

    public static MatchKeyDefinition Get(PseudonymKind kind) =>
        IsDefined(kind) ? Definitions[(int)kind - 1] : throw new ArgumentOutOfRangeException(nameof(kind));

    public static bool TryGetByTag(char tag, [NotNullWhen(true)] out MatchKeyDefinition? definition)
    {
        definition = tag < ByTag.Length ? ByTag[tag] : null;
        return definition is not null;
    }

    private static MatchKeyDefinition?[] BuildTagTable()
    {
        var table = new MatchKeyDefinition?[128];
        foreach (var definition in Definitions)
        {
            table[definition.Tag] = definition;
        }

        return table;
    }

    public static bool TryGetByName(string? name, [NotNullWhen(true)] out MatchKeyDefinition? definition)
    {
        definition = Array.Find(Definitions, d => string.Equals(d.Name, name, StringComparison.Ordinal));
        return definition is not null;
    }
}

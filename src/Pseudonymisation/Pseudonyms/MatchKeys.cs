using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SharingHub.Pseudonymisation.Identifiers;

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
/// | Group | g | group | group | partner_id, group_reference (a partner's own label: one partner's groups never match another's) |
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
    public const string GroupName = "group";

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
        new(PseudonymKind.Group, 'g', GroupName, SubjectType.Group, ["partner_id", "group_reference"], IsMatchKey: true),
    ];

    private static readonly MatchKeyDefinition?[] ByTag = BuildTagTable();

    /// <summary>Every kind, in <see cref="PseudonymKind"/> order.</summary>
    public static IReadOnlyList<MatchKeyDefinition> All => Definitions;

    /// <summary>The match keys of a subject type, strongest first.</summary>
    public static IReadOnlyList<MatchKeyDefinition> For(SubjectType subjectType) =>
        [.. Definitions.Where(d => d.IsMatchKey && d.SubjectType == subjectType)];

    public static bool IsDefined(PseudonymKind kind) => kind >= PseudonymKind.Bsn && kind <= PseudonymKind.Group;

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

    /// <summary>
    /// The inputs of every match key and identifier field the record has, strongest first. A match key is
    /// made only when all its required parts are present: name+dob needs given names, surname and date of
    /// birth; surname+initial+dob a first initial; the address keys a parsed address.
    /// </summary>
    public static IReadOnlyList<MatchKeyInput> InputsFor(SubjectIdentifiers subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var inputs = new List<MatchKeyInput>(8);
        AddInputs(subject, inputs);
        return inputs;
    }

    /// <summary>Appends the inputs of <paramref name="subject"/> to <paramref name="inputs"/> (no intermediate list).</summary>
    public static void AddInputs(SubjectIdentifiers subject, List<MatchKeyInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(inputs);
        switch (subject)
        {
            case PersonIdentifiers person:
                AddPerson(person, inputs);
                break;
            case AddressIdentifiers address:
                inputs.Add(Address(address.Address));
                break;
            case CompanyIdentifiers company:
                inputs.Add(Kvk(company.Kvk));
                break;
            case VehicleIdentifiers vehicle:
                inputs.Add(Kenteken(vehicle.Kenteken));
                break;
            case GroupIdentifiers group:
                inputs.Add(Group(group.PartnerId, group.Reference));
                break;
            default:
                throw new ArgumentException("Unknown subject identifiers type.", nameof(subject));
        }
    }

    public static MatchKeyInput Bsn(Bsn bsn) => new(PseudonymKind.Bsn, NotNull(bsn).Normalised);

    public static MatchKeyInput NameDob(PersonName name, DateOfBirth dateOfBirth) =>
        new(PseudonymKind.NameDob, NotNull(name).GivenNames, name.SurnamePrefix, name.Surname, NotNull(dateOfBirth).Normalised);

    /// <summary>Needs a first initial (<see cref="PersonName.FirstInitial"/> not '\0').</summary>
    public static MatchKeyInput SurnameInitialDob(PersonName name, DateOfBirth dateOfBirth)
    {
        if (NotNull(name).FirstInitial == '\0')
        {
            throw new ArgumentException("The name has no given names, so no initial.", nameof(name));
        }

        return new(PseudonymKind.SurnameInitialDob, name.SurnamePrefix, name.Surname, name.FirstInitial.ToString(), NotNull(dateOfBirth).Normalised);
    }

    public static MatchKeyInput PostcodeHouseDob(DutchAddress address, DateOfBirth dateOfBirth) =>
        new(PseudonymKind.PostcodeHouseDob, NotNull(address).Postcode.Normalised, HouseNumber(address), address.Suffix, NotNull(dateOfBirth).Normalised);

    public static MatchKeyInput Address(DutchAddress address) =>
        new(PseudonymKind.Address, NotNull(address).Postcode.Normalised, HouseNumber(address), address.Suffix);

    public static MatchKeyInput Kvk(KvkNumber kvk) => new(PseudonymKind.Kvk, NotNull(kvk).Normalised);

    public static MatchKeyInput Kenteken(Kenteken kenteken) => new(PseudonymKind.Kenteken, NotNull(kenteken).Normalised);

    public static MatchKeyInput Iban(Iban iban) => new(PseudonymKind.Iban, NotNull(iban).Normalised);

    public static MatchKeyInput Phone(PhoneNumber phone) => new(PseudonymKind.Phone, NotNull(phone).Normalised);

    public static MatchKeyInput Email(EmailAddress email) => new(PseudonymKind.Email, NotNull(email).Normalised);

    /// <summary>A group: keyed over the submitting partner's id and its normalised group reference.</summary>
    public static MatchKeyInput Group(string partnerId, GroupReference reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(partnerId);
        return new(PseudonymKind.Group, partnerId, NotNull(reference).Normalised);
    }

    private static void AddPerson(PersonIdentifiers person, List<MatchKeyInput> inputs)
    {
        if (person.Bsn is not null)
        {
            inputs.Add(Bsn(person.Bsn));
        }

        if (person.Name is not null && person.DateOfBirth is not null && person.Name.Surname.Length > 0)
        {
            if (person.Name.GivenNames.Length > 0)
            {
                inputs.Add(NameDob(person.Name, person.DateOfBirth));
            }

            if (person.Name.FirstInitial != '\0')
            {
                inputs.Add(SurnameInitialDob(person.Name, person.DateOfBirth));
            }
        }

        if (person.Address is not null && person.DateOfBirth is not null)
        {
            inputs.Add(PostcodeHouseDob(person.Address, person.DateOfBirth));
        }

        if (person.Iban is not null)
        {
            inputs.Add(Iban(person.Iban));
        }

        if (person.Phone is not null)
        {
            inputs.Add(Phone(person.Phone));
        }

        if (person.Email is not null)
        {
            inputs.Add(Email(person.Email));
        }
    }

    private static string HouseNumber(DutchAddress address) => address.HouseNumber.ToString(CultureInfo.InvariantCulture);

    private static T NotNull<T>(T? value)
        where T : class => value ?? throw new ArgumentNullException(nameof(value));
}

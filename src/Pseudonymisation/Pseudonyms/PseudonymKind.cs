namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// What a hub pseudonym was made from: a match key (a combination of identifiers that links records) or a
/// single identifier. Each kind has a one-letter tag that starts the pseudonym's text form; see
/// <see cref="MatchKeys"/> and docs/SECURITY.md for the table.
/// </summary>
public enum PseudonymKind
{
    /// <summary>Person: BSN. Tag 'p', link reason "bsn".</summary>
    Bsn = 1,

    /// <summary>Person: full normalised name (given names + prefix + surname) + date of birth. Tag 'n', "name+dob".</summary>
    NameDob = 2,

    /// <summary>Person: surname (with prefix) + first initial + date of birth. Tag 'i', "surname+initial+dob".</summary>
    SurnameInitialDob = 3,

    /// <summary>Person: postcode + house number (+ suffix) + date of birth. Tag 'h', "postcode+house+dob".</summary>
    PostcodeHouseDob = 4,

    /// <summary>Address subject: postcode + house number + suffix. Tag 'a', "address".</summary>
    Address = 5,

    /// <summary>Company: KvK number. Tag 'k', "kvk".</summary>
    Kvk = 6,

    /// <summary>Vehicle: kenteken. Tag 'v', "kenteken".</summary>
    Kenteken = 7,

    /// <summary>Identifier field: IBAN. Tag 'r' (rekening), "iban".</summary>
    Iban = 8,

    /// <summary>Identifier field: phone number (E.164). Tag 't' (telefoon), "phone".</summary>
    Phone = 9,

    /// <summary>Identifier field: e-mail address. Tag 'e', "email".</summary>
    Email = 10,

    /// <summary>Group: the submitting partner's id + its own normalised group reference (PmG jeugdgroepen). Tag 'g', "group".</summary>
    Group = 11,
}

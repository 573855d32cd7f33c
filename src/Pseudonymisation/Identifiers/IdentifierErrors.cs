namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// Why an identifier did not parse. The numeric values are stable: <see cref="IdentifierErrors.Code"/> turns
/// value n into "SH1" followed by n in three digits (<c>Empty</c> = 1 → "SH1001"). Never renumber a member;
/// add new ones at the end.
/// </summary>
public enum IdentifierError
{
    /// <summary>No error: the input was valid.</summary>
    None = 0,

    /// <summary>The input was null, empty or only whitespace.</summary>
    Empty = 1,

    /// <summary>The input is longer than the parser accepts.</summary>
    TooLong = 2,

    /// <summary>The input contains a character the identifier cannot contain.</summary>
    InvalidCharacters = 3,

    /// <summary>The input has the wrong number of digits or characters.</summary>
    WrongLength = 4,

    /// <summary>The check digits do not match (BSN 11-proef, IBAN mod-97).</summary>
    ChecksumFailed = 5,

    /// <summary>The date does not exist in the calendar (e.g. 2023-02-29).</summary>
    InvalidDate = 6,

    /// <summary>The date lies after today.</summary>
    DateInFuture = 7,

    /// <summary>The date lies before the earliest accepted date of birth (1880-01-01).</summary>
    DateTooOld = 8,

    /// <summary>The input has the right characters but not in the expected layout.</summary>
    InvalidFormat = 9,

    /// <summary>The letters and digits of a licence plate match none of the Dutch sidecodes 1-14.</summary>
    UnknownSidecode = 10,

    /// <summary>The postcode is not a Dutch postcode that can be issued (1000-9999, two letters, not SA/SD/SS).</summary>
    InvalidPostcode = 11,

    /// <summary>The house number is missing or not a number in 1..99999.</summary>
    InvalidHouseNumber = 12,

    /// <summary>The house-number addition is too long or contains characters other than letters and digits.</summary>
    InvalidHouseNumberSuffix = 13,

    /// <summary>The country is not supported (IBAN country code unknown to the IBAN registry).</summary>
    UnsupportedCountry = 14,

    /// <summary>The domain of an e-mail address is not a valid host name.</summary>
    InvalidDomain = 15,

    /// <summary>The local part of an e-mail address (before the @) is not valid.</summary>
    InvalidLocalPart = 16,

    /// <summary>A person name has no surname.</summary>
    MissingSurname = 17,

    /// <summary>A number that passes the checks but is never issued (all zeros).</summary>
    ReservedNumber = 18,

    /// <summary>A licence plate uses a letter that is not issued in its sidecode (vowels on modern plates).</summary>
    LetterNotIssued = 19,

    /// <summary>The result was never parsed (a default <see cref="ParseResult{T}"/>).</summary>
    NotParsed = 20,
}

/// <summary>The one list of identifier error codes (block SH1001..SH1099) and their messages.</summary>
/// <remarks>Messages are fixed text: they never contain the input that failed.</remarks>
public static class IdentifierErrors
{
    /// <summary>The stable code of an error, e.g. "SH1005" for <see cref="IdentifierError.ChecksumFailed"/>.</summary>
    public static string Code(IdentifierError error) => error switch
    {
        IdentifierError.None => "SH1000",
        IdentifierError.Empty => "SH1001",
        IdentifierError.TooLong => "SH1002",
        IdentifierError.InvalidCharacters => "SH1003",
        IdentifierError.WrongLength => "SH1004",
        IdentifierError.ChecksumFailed => "SH1005",
        IdentifierError.InvalidDate => "SH1006",
        IdentifierError.DateInFuture => "SH1007",
        IdentifierError.DateTooOld => "SH1008",
        IdentifierError.InvalidFormat => "SH1009",
        IdentifierError.UnknownSidecode => "SH1010",
        IdentifierError.InvalidPostcode => "SH1011",
        IdentifierError.InvalidHouseNumber => "SH1012",
        IdentifierError.InvalidHouseNumberSuffix => "SH1013",
        IdentifierError.UnsupportedCountry => "SH1014",
        IdentifierError.InvalidDomain => "SH1015",
        IdentifierError.InvalidLocalPart => "SH1016",
        IdentifierError.MissingSurname => "SH1017",
        IdentifierError.ReservedNumber => "SH1018",
        IdentifierError.LetterNotIssued => "SH1019",
        IdentifierError.NotParsed => "SH1020",
        _ => "SH1099",
    };

    /// <summary>A fixed English description of an error; it never contains the input.</summary>
    public static string Describe(IdentifierError error) => error switch
    {
        IdentifierError.None => "The value is valid.",
        IdentifierError.Empty => "The value is empty.",
        IdentifierError.TooLong => "The value is longer than allowed.",
        IdentifierError.InvalidCharacters => "The value contains characters that are not allowed.",
        IdentifierError.WrongLength => "The value has the wrong number of characters.",
        IdentifierError.ChecksumFailed => "The check digits do not match.",
        IdentifierError.InvalidDate => "The date does not exist.",
        IdentifierError.DateInFuture => "The date lies in the future.",
        IdentifierError.DateTooOld => "The date lies before the earliest accepted date.",
        IdentifierError.InvalidFormat => "The value does not have the expected layout.",
        IdentifierError.UnknownSidecode => "The licence plate matches no Dutch sidecode.",
        IdentifierError.InvalidPostcode => "The postcode is not a valid Dutch postcode.",
        IdentifierError.InvalidHouseNumber => "The house number is missing or out of range.",
        IdentifierError.InvalidHouseNumberSuffix => "The house number addition is not valid.",
        IdentifierError.UnsupportedCountry => "The country is not supported.",
        IdentifierError.InvalidDomain => "The e-mail domain is not a valid host name.",
        IdentifierError.InvalidLocalPart => "The part before the at sign is not valid.",
        IdentifierError.MissingSurname => "The surname is missing.",
        IdentifierError.ReservedNumber => "The number is reserved and never issued.",
        IdentifierError.LetterNotIssued => "The licence plate uses a letter that is not issued.",
        IdentifierError.NotParsed => "No value was parsed.",
        _ => "The value is not valid.",
    };
}

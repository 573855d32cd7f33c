namespace SharingHub.Pseudonymisation.Linkage.Encoding;

/// <summary>A field of the CLK encoding. Every field has its own HKDF-derived key and number of hash functions.</summary>
public enum ClkField
{
    /// <summary>Bigrams of each given name.</summary>
    GivenName = 0,

    /// <summary>The initial of each given name (so "J.W." and "Jan-Willem" share bits).</summary>
    Initial = 1,

    /// <summary>Bigrams of the surname without its tussenvoegsel.</summary>
    Surname = 2,

    /// <summary>The tussenvoegsel as one token, weighted low so "van der Berg" and "Berg" stay close.</summary>
    SurnamePrefix = 3,

    /// <summary>Date-of-birth tokens (year, month, day, unordered day-month pair, full date, year digits).</summary>
    DateOfBirth = 4,

    /// <summary>Postcode area, full postcode and postcode with house number.</summary>
    Address = 5,
}

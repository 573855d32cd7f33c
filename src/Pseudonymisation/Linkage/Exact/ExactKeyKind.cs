using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Linkage.Exact;

/// <summary>
/// The deterministic match keys, most specific first; exact linkage runs the passes in this order. The
/// pseudonyms themselves come from the keys layer (MatchKeys); the linker only compares them.
/// </summary>
public enum ExactKeyKind
{
    /// <summary>BSN.</summary>
    Bsn = 0,

    /// <summary>Full normalised name + date of birth.</summary>
    NameDob = 1,

    /// <summary>Surname + first initial + date of birth.</summary>
    SurnameInitialDob = 2,

    /// <summary>Postcode + house number + date of birth.</summary>
    PostcodeHouseDob = 3,
}

/// <summary>Names used in link reasons: the match-key names of <see cref="MatchKeys"/>.</summary>
public static class ExactKeyKindNames
{
    /// <summary>Number of kinds.</summary>
    public const int Count = 4;

    /// <summary>The reason string of a kind ("bsn", "name+dob", ...).</summary>
    public static string Reason(ExactKeyKind kind) => kind switch
    {
        ExactKeyKind.Bsn => MatchKeys.BsnName,
        ExactKeyKind.NameDob => MatchKeys.NameDobName,
        ExactKeyKind.SurnameInitialDob => MatchKeys.SurnameInitialDobName,
        ExactKeyKind.PostcodeHouseDob => MatchKeys.PostcodeHouseDobName,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

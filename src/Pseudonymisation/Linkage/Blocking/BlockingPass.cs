namespace SharingHub.Pseudonymisation.Linkage.Blocking;

/// <summary>
/// One blocking pass: records that share the keyed value of the pass are compared. Passes are unioned; each
/// pass is there to catch a kind of variation the others miss.
/// </summary>
public enum BlockingPass
{
    /// <summary>Birth year + the unordered pair {day, month}: exact dates and day/month swaps.</summary>
    YearDayMonthPair = 0,

    /// <summary>Birth year + month + surname phonetic key: a wrong digit in the day.</summary>
    YearMonthSurname = 1,

    /// <summary>Birth year + day + surname phonetic key: a wrong digit in the month.</summary>
    YearDaySurname = 2,

    /// <summary>Month + day + surname phonetic key: a wrong digit in the year.</summary>
    MonthDaySurname = 3,

    /// <summary>Postcode + house number: wrong or missing date of birth, same address.</summary>
    PostcodeHouse = 4,

    /// <summary>Surname phonetic key + first initial + birth decade: wrong date, moved house.</summary>
    SurnameInitialDecade = 5,

    /// <summary>Month + day + first initial: a surname typo together with a wrong year.</summary>
    MonthDayInitial = 6,

    /// <summary>Surname phonetic key + phonetic key of the first given name: missing date of birth.</summary>
    SurnameGivenName = 7,
}

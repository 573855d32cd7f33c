namespace SharingHub.Pseudonymisation.Linkage.Blocking;

/// <summary>Short names of the blocking passes, used in link explanations.</summary>
public static class BlockingPassNames
{
    /// <summary>The short name of <paramref name="pass"/>.</summary>
    public static string Name(BlockingPass pass) => pass switch
    {
        BlockingPass.YearDayMonthPair => "dob-pair",
        BlockingPass.YearMonthSurname => "year-month-surname",
        BlockingPass.YearDaySurname => "year-day-surname",
        BlockingPass.MonthDaySurname => "month-day-surname",
        BlockingPass.PostcodeHouse => "postcode-house",
        BlockingPass.SurnameInitialDecade => "surname-initial-decade",
        BlockingPass.MonthDayInitial => "month-day-initial",
        BlockingPass.SurnameGivenName => "surname-given",
        _ => throw new ArgumentOutOfRangeException(nameof(pass)),
    };
}

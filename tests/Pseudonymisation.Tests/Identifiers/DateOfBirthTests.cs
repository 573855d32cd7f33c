using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class DateOfBirthTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero)).GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData("1980-05-17", "19800517")]
    [InlineData(" 1980-05-17 ", "19800517")]
    [InlineData("\t1980-05-17\n", "19800517")]
    [InlineData("2024-02-29", "20240229")]
    [InlineData("2000-02-29", "20000229")]
    [InlineData("1880-01-01", "18800101")]
    [InlineData("2026-11-24", "20261124")]
    public void Parse_ValidDate_Normalises(string input, string expected)
    {
        DateOfBirth dob = DateOfBirth.Parse(input, Today).Value;

        Assert.Equal(expected, dob.Normalised);
        Assert.Equal(DateOnly.ParseExact(expected, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), dob.Value);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData(" ", IdentifierError.Empty)]
    [InlineData("2023-02-29", IdentifierError.InvalidDate)]
    [InlineData("1900-02-29", IdentifierError.InvalidDate)]
    [InlineData("2024-13-01", IdentifierError.InvalidDate)]
    [InlineData("2024-00-10", IdentifierError.InvalidDate)]
    [InlineData("2024-04-31", IdentifierError.InvalidDate)]
    [InlineData("2024-04-00", IdentifierError.InvalidDate)]
    [InlineData("0000-01-01", IdentifierError.InvalidDate)]
    [InlineData("2026-11-25", IdentifierError.DateInFuture)]
    [InlineData("9999-12-31", IdentifierError.DateInFuture)]
    [InlineData("1879-12-31", IdentifierError.DateTooOld)]
    [InlineData("17-05-1980", IdentifierError.InvalidFormat)]
    [InlineData("1980/05/17", IdentifierError.InvalidFormat)]
    [InlineData("19800517", IdentifierError.InvalidFormat)]
    [InlineData("1980-5-17", IdentifierError.InvalidFormat)]
    [InlineData("1980-05-17T00:00", IdentifierError.InvalidFormat)]
    [InlineData("198O-05-17", IdentifierError.InvalidFormat)]
    [InlineData("１980-05-17", IdentifierError.InvalidFormat)]
    [InlineData("+980-05-17", IdentifierError.InvalidFormat)]
    public void Parse_InvalidDate_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, DateOfBirth.Parse(input, Today).Error);
    }

    [Fact]
    public void Parse_HugeInput_ReturnsTooLong()
    {
        Assert.Equal(IdentifierError.TooLong, DateOfBirth.Parse(new string(' ', 10_000) + "1980-05-17", Today).Error);
    }

    [Property]
    public bool Parse_Normalised_IsIdempotent(PositiveInt offset)
    {
        DateOnly date = DateOfBirth.Earliest.AddDays(offset.Get % (Today.DayNumber - DateOfBirth.Earliest.DayNumber + 1));
        DateOfBirth first = DateOfBirth.Parse(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Today).Value;
        string iso = first.Normalised[..4] + "-" + first.Normalised[4..6] + "-" + first.Normalised[6..];
        return first.Value == date && DateOfBirth.Parse(iso, Today).Value == first;
    }

    [Fact]
    public void ToString_Date_HidesValue()
    {
        Assert.Equal("DateOfBirth(***)", DateOfBirth.Parse("1980-05-17", Today).Value.ToString());
    }
}

using FsCheck;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class KvkNumberTests
{
    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("1234 5678", "12345678")]
    [InlineData("12.34.56.78", "12345678")]
    [InlineData(" 01234567 ", "01234567")]
    public void Parse_ValidNumber_Normalises(string input, string expected)
    {
        Assert.Equal(expected, KvkNumber.Parse(input).Value.Normalised);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("1234567", IdentifierError.WrongLength)]
    [InlineData("123456789", IdentifierError.WrongLength)]
    [InlineData("1234-5678", IdentifierError.InvalidCharacters)]
    [InlineData("KVK12345678", IdentifierError.InvalidCharacters)]
    [InlineData("00000000", IdentifierError.ReservedNumber)]
    public void Parse_InvalidNumber_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, KvkNumber.Parse(input).Error);
    }

    [Property]
    public bool Parse_Normalised_IsIdempotent(PositiveInt seed)
    {
        string digits = ((seed.Get % 99_999_999) + 1).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        KvkNumber first = KvkNumber.Parse(digits[..4] + " " + digits[4..]).Value;
        return first.Normalised == digits && KvkNumber.Parse(first.Normalised).Value == first;
    }

    [Fact]
    public void ToString_Number_HidesValue()
    {
        Assert.Equal("KvkNumber(***)", KvkNumber.Parse("12345678").Value.ToString());
    }
}

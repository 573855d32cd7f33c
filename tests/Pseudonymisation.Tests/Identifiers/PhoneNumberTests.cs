using FsCheck;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("06 1234 5678", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("0031 (0)6 12345678", "+31612345678")]
    [InlineData("020-1234567", "+31201234567")]
    [InlineData("(020) 123 45 67", "+31201234567")]
    [InlineData("+31 (0)20 123 4567", "+31201234567")]
    [InlineData("+31 20 123 4567", "+31201234567")]
    [InlineData("020/1234567", "+31201234567")]
    [InlineData("0111-123456", "+31111123456")]
    [InlineData("085 123 4567", "+31851234567")]
    [InlineData("088-1234567", "+31881234567")]
    [InlineData("0800-1234", "+318001234")]
    [InlineData("0800 1234567", "+318001234567")]
    [InlineData("0900-1234", "+319001234")]
    [InlineData("0900-1234567", "+319001234567")]
    [InlineData("0906 1234567", "+319061234567")]
    [InlineData("0909 1234", "+319091234")]
    [InlineData("0970 1234 5678", "+3197012345678")]
    [InlineData("06\u201312345678", "+31612345678")]
    public void Parse_DutchNumber_NormalisesToE164(string input, string expected)
    {
        PhoneNumber phone = PhoneNumber.Parse(input).Value;

        Assert.Equal(expected, phone.Normalised);
        Assert.True(phone.IsDutch);
        Assert.Equal(expected.StartsWith("+316", StringComparison.Ordinal), phone.IsMobile);
    }

    [Theory]
    [InlineData("+49 30 1234567", "+49301234567")]
    [InlineData("0049 30 1234567", "+49301234567")]
    [InlineData("+1 (555) 123-4567", "+15551234567")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("+212 6 12 34 56 78", "+212612345678")]
    public void Parse_ForeignNumber_IsE164AndNotDutch(string input, string expected)
    {
        PhoneNumber phone = PhoneNumber.Parse(input).Value;

        Assert.Equal(expected, phone.Normalised);
        Assert.False(phone.IsDutch);
        Assert.False(phone.IsMobile);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("  ", IdentifierError.Empty)]
    [InlineData("06-1234567", IdentifierError.WrongLength)]
    [InlineData("06-123456789", IdentifierError.WrongLength)]
    [InlineData("+31 6 1234567", IdentifierError.WrongLength)]
    [InlineData("020-123456", IdentifierError.WrongLength)]
    [InlineData("0800-12345", IdentifierError.WrongLength)]
    [InlineData("0900-123456789", IdentifierError.WrongLength)]
    [InlineData("0970 1234 567", IdentifierError.WrongLength)]
    [InlineData("+49 1234", IdentifierError.WrongLength)]
    [InlineData("+49 1234 5678 9012 345", IdentifierError.WrongLength)]
    [InlineData("112", IdentifierError.InvalidFormat)]
    [InlineData("612345678", IdentifierError.InvalidFormat)]
    [InlineData("00 0612345678", IdentifierError.InvalidFormat)]
    [InlineData("+0612345678", IdentifierError.InvalidFormat)]
    [InlineData("+", IdentifierError.InvalidFormat)]
    [InlineData("+31", IdentifierError.InvalidFormat)]
    [InlineData("06-1234abcd", IdentifierError.InvalidCharacters)]
    [InlineData("06 12345678 ext 12", IdentifierError.InvalidCharacters)]
    [InlineData("++31612345678", IdentifierError.InvalidCharacters)]
    [InlineData("06 12345678+", IdentifierError.InvalidCharacters)]
    [InlineData("０６１２３４５６７８", IdentifierError.InvalidCharacters)]
    public void Parse_InvalidNumber_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).Error);
    }

    [Fact]
    public void Parse_HugeInput_ReturnsTooLong()
    {
        Assert.Equal(IdentifierError.TooLong, PhoneNumber.Parse(new string('6', 100_000)).Error);
    }

    [Property]
    public bool Parse_Normalised_IsIdempotent(PositiveInt seed)
    {
        string subscriber = (seed.Get % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        PhoneNumber first = PhoneNumber.Parse("06-" + subscriber).Value;
        return first.Normalised == "+316" + subscriber && PhoneNumber.Parse(first.Normalised).Value == first;
    }

    [Fact]
    public void ToString_Number_HidesValue()
    {
        Assert.Equal("PhoneNumber(***)", PhoneNumber.Parse("0612345678").Value.ToString());
    }
}

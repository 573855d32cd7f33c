using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("1234 ab", "1234AB")]
    [InlineData("1234AB", "1234AB")]
    [InlineData(" 1234  Ab ", "1234AB")]
    [InlineData("9999zz", "9999ZZ")]
    [InlineData("1000 AA", "1000AA")]
    [InlineData("1234\u00A0AB", "1234AB")]
    [InlineData("1234 SB", "1234SB")]
    [InlineData("1234 AS", "1234AS")]
    public void Parse_ValidPostcode_Normalises(string input, string expected)
    {
        Assert.Equal(expected, Postcode.Parse(input).Value.Normalised);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("0123 AB", IdentifierError.InvalidPostcode)]
    [InlineData("1234 SA", IdentifierError.InvalidPostcode)]
    [InlineData("1234 sd", IdentifierError.InvalidPostcode)]
    [InlineData("1234SS", IdentifierError.InvalidPostcode)]
    [InlineData("ABCD 12", IdentifierError.InvalidPostcode)]
    [InlineData("1234 A1", IdentifierError.InvalidPostcode)]
    [InlineData("12345", IdentifierError.WrongLength)]
    [InlineData("1234 ABC", IdentifierError.WrongLength)]
    [InlineData("1234-AB", IdentifierError.InvalidCharacters)]
    [InlineData("1234 ÄB", IdentifierError.InvalidCharacters)]
    [InlineData("1234 AB\u200E", IdentifierError.InvalidCharacters)]
    public void Parse_InvalidPostcode_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, Postcode.Parse(input).Error);
    }

    [Fact]
    public void Parse_HugeInput_ReturnsTooLong()
    {
        Assert.Equal(IdentifierError.TooLong, Postcode.Parse(new string('1', 5000)).Error);
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public bool Parse_Normalised_IsIdempotent(ValidPostcodeText postcode)
    {
        string spaced = postcode.Text[..4] + " " + postcode.Text[4..].ToLowerInvariant();
        Postcode first = Postcode.Parse(spaced).Value;
        return first.Normalised == postcode.Text && Postcode.Parse(first.Normalised).Value == first;
    }

    [Fact]
    public void ToString_Postcode_HidesValue()
    {
        Assert.Equal("Postcode(***)", Postcode.Parse("1234AB").Value.ToString());
    }
}

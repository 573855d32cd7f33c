using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class BsnTests
{
    [Theory]
    [InlineData("123456782", "123456782")]
    [InlineData(" 1234.56.782 ", "123456782")]
    [InlineData("1234 56 782", "123456782")]
    [InlineData("12-34-56-782", "123456782")]
    [InlineData("123\u00A0456\u00A0782", "123456782")]
    [InlineData("111222333", "111222333")]
    [InlineData("999999990", "999999990")]
    [InlineData("012345672", "012345672")]
    [InlineData("12345672", "012345672")]
    [InlineData("1234.5672", "012345672")]
    [InlineData("000000012", "000000012")]
    public void Parse_ValidInput_NormalisesToNineDigits(string input, string expected)
    {
        ParseResult<Bsn> result = Bsn.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value.Normalised);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("   ", IdentifierError.Empty)]
    [InlineData("123456789", IdentifierError.ChecksumFailed)]
    [InlineData("123456783", IdentifierError.ChecksumFailed)]
    [InlineData("000000019", IdentifierError.ChecksumFailed)]
    [InlineData("000000000", IdentifierError.ReservedNumber)]
    [InlineData("00000000", IdentifierError.ReservedNumber)]
    [InlineData("1234567", IdentifierError.WrongLength)]
    [InlineData("1234567821", IdentifierError.WrongLength)]
    [InlineData("12345678a", IdentifierError.InvalidCharacters)]
    [InlineData("123456782\u200F", IdentifierError.InvalidCharacters)]
    [InlineData("１２３４５６７８２", IdentifierError.InvalidCharacters)]
    [InlineData("123,456,782", IdentifierError.InvalidCharacters)]
    [InlineData("1234567\U0001F600", IdentifierError.InvalidCharacters)]
    public void Parse_InvalidInput_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        ParseResult<Bsn> result = Bsn.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Parse_HugeInput_ReturnsTooLong()
    {
        Assert.Equal(IdentifierError.TooLong, Bsn.Parse(new string('1', 1_000_000)).Error);
    }

    [Theory]
    [InlineData("123456782", true)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678x", false)]
    [InlineData("1234567820", false)]
    public void IsValidElfproef_Span_MatchesRule(string digits, bool expected)
    {
        Assert.Equal(expected, Bsn.IsValidElfproef(digits));
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public bool Parse_GeneratedValidBsn_IsValid(ValidBsnText bsn)
    {
        ParseResult<Bsn> result = Bsn.Parse(bsn.Digits);
        return result.IsValid && result.Value.Normalised == bsn.Digits;
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public bool Parse_AnySingleDigitChanged_Fails(ValidBsnText bsn, byte position, byte shift)
    {
        int index = position % 9;
        int delta = (shift % 9) + 1;
        char[] digits = bsn.Digits.ToCharArray();
        digits[index] = (char)('0' + ((digits[index] - '0' + delta) % 10));
        return !Bsn.Parse(new string(digits)).IsValid;
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public bool Parse_Normalised_IsIdempotent(ValidBsnText bsn)
    {
        Bsn first = Bsn.Parse(" " + bsn.Digits[..4] + "." + bsn.Digits[4..] + " ").Value;
        Bsn second = Bsn.Parse(first.Normalised).Value;
        return first == second && first.GetHashCode() == second.GetHashCode() && second.Normalised == bsn.Digits;
    }

    [Fact]
    public void ToString_ValidBsn_HidesNumber()
    {
        Bsn bsn = Bsn.Parse("123456782").Value;

        Assert.Equal("Bsn(***)", bsn.ToString());
    }

    [Fact]
    public void Equals_SameNumberDifferentLayout_AreEqual()
    {
        Assert.Equal(Bsn.Parse("012345672").Value, Bsn.Parse("1234.5672").Value);
        Assert.NotEqual(Bsn.Parse("123456782").Value, Bsn.Parse("111222333").Value);
    }
}

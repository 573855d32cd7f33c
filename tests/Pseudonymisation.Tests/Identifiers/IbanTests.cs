using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class IbanTests
{
    [Theory]
    [InlineData("NL91ABNA0417164300", "NL91ABNA0417164300", true)]
    [InlineData("nl91 abna 0417 1643 00", "NL91ABNA0417164300", true)]
    [InlineData(" NL91 ABNA 0417 1643 00 ", "NL91ABNA0417164300", true)]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", false)]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000", false)]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034", false)]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606", false)]
    [InlineData("NO93 8601 1117 947", "NO9386011117947", false)]
    public void Parse_PublicExamples_Normalises(string input, string expected, bool dutch)
    {
        Iban iban = Iban.Parse(input).Value;

        Assert.Equal(expected, iban.Normalised);
        Assert.Equal(dutch, iban.IsDutch);
        Assert.Equal(expected[..2], iban.CountryCode);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("NL91ABNA0417164301", IdentifierError.ChecksumFailed)]
    [InlineData("NL19ABNA0417164300", IdentifierError.ChecksumFailed)]
    [InlineData("NL00ABNA0417164300", IdentifierError.ChecksumFailed)]
    [InlineData("GB82WEST12345698765431", IdentifierError.ChecksumFailed)]
    [InlineData("XX91ABNA0417164300", IdentifierError.UnsupportedCountry)]
    [InlineData("NL91ABNA041716430", IdentifierError.WrongLength)]
    [InlineData("NL91ABNA04171643000", IdentifierError.WrongLength)]
    [InlineData("NL91ABNA04171643000000000000000000000", IdentifierError.WrongLength)]
    [InlineData("NL91AB1A0417164300", IdentifierError.InvalidFormat)]
    [InlineData("NL91ABNA041716430X", IdentifierError.InvalidFormat)]
    [InlineData("91NLABNA0417164300", IdentifierError.InvalidFormat)]
    [InlineData("NL", IdentifierError.InvalidFormat)]
    [InlineData("NL91-ABNA-0417-1643-00", IdentifierError.InvalidCharacters)]
    [InlineData("NL91ÄBNA0417164300", IdentifierError.InvalidCharacters)]
    public void Parse_InvalidIban_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, Iban.Parse(input).Error);
    }

    [Theory]
    [InlineData("97", "00")]
    [InlineData("98", "01")]
    [InlineData("02", "99")]
    public void Parse_CheckDigitAliasPassingMod97_IsRejected(string issued, string alias)
    {
        // 00/97, 01/98 and 02/99 are congruent mod 97; ISO 13616 only issues 02..98.
        string bban = Enumerable.Range(0, 100_000)
            .Select(n => "ABNA" + n.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))
            .First(b => IdentifierGenerators.IbanCheckDigits("NL", b) == issued);

        Assert.True(Iban.Parse("NL" + issued + bban).IsValid);
        Assert.True(IdentifierGenerators.IbanMod97IsOne("NL" + alias + bban));
        Assert.Equal(IdentifierError.ChecksumFailed, Iban.Parse("NL" + alias + bban).Error);
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public bool Parse_GeneratedDutchIban_IsValidAndIdempotent(ValidNlIban iban)
    {
        Iban first = Iban.Parse(string.Join(' ', iban.Text.Chunk(4).Select(c => new string(c))).ToLowerInvariant()).Value;
        return IdentifierGenerators.IbanMod97IsOne(iban.Text) && first.Normalised == iban.Text && first.IsDutch
            && Iban.Parse(first.Normalised).Value == first;
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public Property Parse_AdjacentDigitsSwapped_FailsMod97(ValidNlIban iban, PositiveInt position)
    {
        // Digit positions: check digits 2-3 and account digits 8-17.
        int[] starts = [2, 8, 9, 10, 11, 12, 13, 14, 15, 16];
        int i = starts[position.Get % starts.Length];
        char[] chars = iban.Text.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return Prop.When(chars[i] != chars[i + 1], () => Iban.Parse(new string(chars)).Error == IdentifierError.ChecksumFailed);
    }

    [Fact]
    public void ToString_Iban_HidesValue()
    {
        Assert.Equal("Iban(***)", Iban.Parse("NL91ABNA0417164300").Value.ToString());
    }
}

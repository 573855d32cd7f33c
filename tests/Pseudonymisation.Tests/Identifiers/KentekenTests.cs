using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class KentekenTests
{
    [Theory]
    [InlineData("AB-12-34", 1, "AB1234", "AB-12-34")]
    [InlineData("12-34-AB", 2, "1234AB", "12-34-AB")]
    [InlineData("12-AB-34", 3, "12AB34", "12-AB-34")]
    [InlineData("BD-12-FG", 4, "BD12FG", "BD-12-FG")]
    [InlineData("BD-FG-12", 5, "BDFG12", "BD-FG-12")]
    [InlineData("12-BD-FG", 6, "12BDFG", "12-BD-FG")]
    [InlineData("12-BDF-3", 7, "12BDF3", "12-BDF-3")]
    [InlineData("1-BDF-23", 8, "1BDF23", "1-BDF-23")]
    [InlineData("BD-123-F", 9, "BD123F", "BD-123-F")]
    [InlineData("B-123-DF", 10, "B123DF", "B-123-DF")]
    [InlineData("BDF-12-G", 11, "BDF12G", "BDF-12-G")]
    [InlineData("B-12-DFG", 12, "B12DFG", "B-12-DFG")]
    [InlineData("1-BD-234", 13, "1BD234", "1-BD-234")]
    [InlineData("123-BD-4", 14, "123BD4", "123-BD-4")]
    [InlineData("12gbb3", 7, "12GBB3", "12-GBB-3")]
    [InlineData(" 12 gbb 3 ", 7, "12GBB3", "12-GBB-3")]
    [InlineData("x-999-zz", 10, "X999ZZ", "X-999-ZZ")]
    [InlineData("12-gb-b3", 7, "12GBB3", "12-GBB-3")]
    [InlineData("NP-00-01", 1, "NP0001", "NP-00-01")]
    public void Parse_EverySidecode_NormalisesAndFormats(string input, int sidecode, string normalised, string formatted)
    {
        Kenteken plate = Kenteken.Parse(input).Value;

        Assert.Equal(sidecode, plate.Sidecode);
        Assert.Equal(normalised, plate.Normalised);
        Assert.Equal(formatted, plate.Formatted);
        Assert.Equal(IdentifierGenerators.SidecodeLayouts[sidecode - 1], Kenteken.SidecodePattern(sidecode));
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("ABC123", IdentifierError.UnknownSidecode)]
    [InlineData("123456", IdentifierError.UnknownSidecode)]
    [InlineData("BDFGHJ", IdentifierError.UnknownSidecode)]
    [InlineData("1B2D3F", IdentifierError.UnknownSidecode)]
    [InlineData("AB-12-345", IdentifierError.WrongLength)]
    [InlineData("AB-12", IdentifierError.WrongLength)]
    [InlineData("AB.12.34", IdentifierError.InvalidCharacters)]
    [InlineData("AB-12-3€", IdentifierError.InvalidCharacters)]
    [InlineData("ÄB-12-34", IdentifierError.InvalidCharacters)]
    [InlineData("12-ABC-3", IdentifierError.LetterNotIssued)]
    [InlineData("BE-12-FG", IdentifierError.LetterNotIssued)]
    [InlineData("1-KUT-23", IdentifierError.LetterNotIssued)]
    public void Parse_InvalidPlate_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, Kenteken.Parse(input).Error);
    }

    [Property(Arbitrary = [typeof(IdentifierGenerators)])]
    public bool Parse_GeneratedPlate_FindsSidecodeAndIsIdempotent(ValidKentekenText plate)
    {
        Kenteken first = Kenteken.Parse(plate.Text.ToLowerInvariant()).Value;
        Kenteken second = Kenteken.Parse(first.Normalised).Value;
        return first.Sidecode == plate.Sidecode && first.Formatted == plate.Text && first == second
            && Kenteken.Parse(first.Formatted).Value == first;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void SidecodePattern_OutOfRange_IsEmpty(int sidecode)
    {
        Assert.Equal(string.Empty, Kenteken.SidecodePattern(sidecode));
    }

    [Fact]
    public void ToString_Plate_HidesValue()
    {
        Assert.Equal("Kenteken(***)", Kenteken.Parse("12-BDF-3").Value.ToString());
    }
}

using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class DutchAddressTests
{
    [Theory]
    [InlineData("1234 ab", "12", "", "1234AB|12|", 12, "")]
    [InlineData("1234AB", "12a", null, "1234AB|12|A", 12, "A")]
    [InlineData("1234AB", "12 A", null, "1234AB|12|A", 12, "A")]
    [InlineData("1234AB", "12-2", null, "1234AB|12|2", 12, "2")]
    [InlineData("1234AB", "12 bis", null, "1234AB|12|BIS", 12, "BIS")]
    [InlineData("1234AB", "12 hs", null, "1234AB|12|HS", 12, "HS")]
    [InlineData("1234AB", "12-II", null, "1234AB|12|II", 12, "II")]
    [InlineData("1234AB", "12/3", null, "1234AB|12|3", 12, "3")]
    [InlineData("1234AB", "12", "a", "1234AB|12|A", 12, "A")]
    [InlineData("1234AB", "12", " - hs ", "1234AB|12|HS", 12, "HS")]
    [InlineData("1234AB", "12a", "2", "1234AB|12|A2", 12, "A2")]
    [InlineData("1234AB", "1", null, "1234AB|1|", 1, "")]
    [InlineData("1234AB", "99999", null, "1234AB|99999|", 99999, "")]
    [InlineData("1234AB", "007", null, "1234AB|7|", 7, "")]
    public void Parse_ValidAddress_Normalises(string postcode, string number, string? suffix, string expected, int expectedNumber, string expectedSuffix)
    {
        DutchAddress address = DutchAddress.Parse(postcode, number, suffix).Value;

        Assert.Equal(expected, address.Normalised);
        Assert.Equal(expectedNumber, address.HouseNumber);
        Assert.Equal(expectedSuffix, address.Suffix);
        Assert.Equal(string.Empty, address.Street);
        Assert.Equal(string.Empty, address.City);
    }

    [Theory]
    [InlineData("0123AB", "12", null, IdentifierError.InvalidPostcode)]
    [InlineData(null, "12", null, IdentifierError.InvalidPostcode)]
    [InlineData("1234 SA", "12", null, IdentifierError.InvalidPostcode)]
    [InlineData("1234AB", null, null, IdentifierError.InvalidHouseNumber)]
    [InlineData("1234AB", "  ", null, IdentifierError.InvalidHouseNumber)]
    [InlineData("1234AB", "0", null, IdentifierError.InvalidHouseNumber)]
    [InlineData("1234AB", "100000", null, IdentifierError.InvalidHouseNumber)]
    [InlineData("1234AB", "a12", null, IdentifierError.InvalidHouseNumber)]
    [InlineData("1234AB", "-12", null, IdentifierError.InvalidHouseNumber)]
    [InlineData("1234AB", "12 ä", null, IdentifierError.InvalidHouseNumberSuffix)]
    [InlineData("1234AB", "12", "ABCDEFGHI", IdentifierError.InvalidHouseNumberSuffix)]
    [InlineData("1234AB", "12", "#3", IdentifierError.InvalidHouseNumberSuffix)]
    public void Parse_InvalidAddress_ReturnsPreciseError(string? postcode, string? number, string? suffix, IdentifierError expected)
    {
        Assert.Equal(expected, DutchAddress.Parse(postcode, number, suffix).Error);
    }

    [Fact]
    public void Parse_StreetAndCity_AreFoldedAndNotPartOfKey()
    {
        DutchAddress address = DutchAddress.Parse("5211 AB", "1", null, "Kerkstraat", "'s-Hertogenbosch").Value;

        Assert.Equal("kerkstraat", address.Street);
        Assert.Equal("s hertogenbosch", address.City);
        Assert.Equal("5211AB|1|", address.Normalised);
        Assert.Equal(address, DutchAddress.Parse("5211ab", "1", "", "KERKSTRAAT", "Den Bosch").Value);
    }

    [Fact]
    public void Parse_HugeStreet_ReturnsTooLong()
    {
        Assert.Equal(IdentifierError.TooLong, DutchAddress.Parse("1234AB", "1", null, new string('x', 100_000)).Error);
    }

    [Fact]
    public void Parse_Normalised_IsIdempotent()
    {
        DutchAddress first = DutchAddress.Parse("1234 ab", "12 - a", "2").Value;
        string[] parts = first.Normalised.Split('|');

        DutchAddress second = DutchAddress.Parse(parts[0], parts[1], parts[2]).Value;

        Assert.Equal(first, second);
        Assert.Equal(first.Normalised, second.Normalised);
    }

    [Fact]
    public void ToString_Address_HidesValue()
    {
        Assert.Equal("DutchAddress(***)", DutchAddress.Parse("1234AB", "12", "A").Value.ToString());
    }
}

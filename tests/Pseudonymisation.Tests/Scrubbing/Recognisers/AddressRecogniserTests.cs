using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class AddressRecogniserTests
{
    [Theory]
    [InlineData("Woont op 1234 AB 12 sinds mei.", "1234 AB 12")]
    [InlineData("Adres 1234AB, nr 12.", "1234AB, nr 12")]
    [InlineData("Adres 1234 AB, 12a hier.", "1234 AB, 12a")]
    [InlineData("Woont aan de Kerkstraat 12a in Utrecht.", "Kerkstraat 12a")]
    [InlineData("Woont aan de Van Goghstraat 3-2.", "Van Goghstraat 3-2")]
    [InlineData("Woont Burgemeester de Withstraat 7 hs.", "Burgemeester de Withstraat 7 hs")]
    [InlineData("Woont aan de Oude Gracht 144 B.", "Oude Gracht 144 B")]
    [InlineData("Kantoor Laan van Meerdervoort 25.", "Laan van Meerdervoort 25")]
    [InlineData("Postcode 1234 ab valt in Noord.", "1234 ab")]
    [InlineData("Verhuisd naar 3511 LK Utrecht.", "3511 LK")]
    public void Recognise_Address_FindsSpan(string text, string expected)
    {
        Assert.Equal([expected], RecogniserHarness.Accepted(new AddressRecogniser(), text));
    }

    [Theory]
    [InlineData("In 2024 OM-zaken: 17.")]
    [InlineData("In 2023 EN 2024 gemeld.")]
    [InlineData("Kerkstraat en Molenweg zijn afgesloten.")]
    [InlineData("Rotterdam 3 keer, Amsterdam 12 uur.")]
    [InlineData("Het Gerechtshof 2 keer.")]
    [InlineData("Postbus 1234, 3500 GA Utrecht.")]
    [InlineData("in 2024 is het rustig")]
    [InlineData("De weg 12 meter verder.")]
    [InlineData("Den Haag en De Bilt.")]
    public void Recognise_NotAnAddress_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Accepted(new AddressRecogniser(), text));
    }

    [Fact]
    public void MayHoldStreetWithNumber_EveryTextWhereTheStreetPatternMatches_True()
    {
        // The gate may let texts through that hold no street; it must never stop one that does.
        var street = new Regex(AddressRecogniser.StreetPattern, RegexOptions.CultureInvariant);
        var (matching, gated) = (0, 0);
        foreach (var text in RegexScanOracle.Texts)
        {
            var matches = street.IsMatch(text);
            var passes = AddressRecogniser.MayHoldStreetWithNumber(text);
            Assert.True(passes || !matches, "the gate stopped a text the street pattern matches");
            matching += matches ? 1 : 0;
            gated += passes ? 0 : 1;
        }

        Assert.True(matching > 500, $"only {matching} texts hold a street with a number");
        Assert.True(gated > 500, $"only {gated} texts were skipped");
    }

    [Theory]
    [InlineData("Woont aan de Kerkstraat \u0663.", true)] // \d takes any decimal digit
    [InlineData("Woont aan de kerkstraat 9.", true)] // the ending alone is enough for the gate
    [InlineData("Bereikbaar op 0612345678 en 020-1234567.", false)]
    [InlineData("Kerkstraat 12a", true)]
    [InlineData("Kerkstraat, 12a", false)]
    public void MayHoldStreetWithNumber_Text_TrueOnlyWithAStreetEndingBeforeSpaceAndDigit(string text, bool expected)
    {
        Assert.Equal(expected, AddressRecogniser.MayHoldStreetWithNumber(text));
    }
}

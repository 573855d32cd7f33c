using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class ContextNameRecogniserTests
{
    [Theory]
    [InlineData("Gesprek met de heer Jansen over de overlast.", "Jansen")]
    [InlineData("Gesprek met de heer Van der Berg over de overlast.", "Van der Berg")]
    [InlineData("De heer van Dijk belde.", "van Dijk")]
    [InlineData("Dhr. P.J. de Vries belde.", "P.J. de Vries")]
    [InlineData("dhr Bakker belde.", "Bakker")]
    [InlineData("Mevrouw El Amrani belde.", "El Amrani")]
    [InlineData("Mw. Smit-Jansen belde.", "Smit-Jansen")]
    [InlineData("Mevr. De Groot belde.", "De Groot")]
    [InlineData("Betrokkene Jan-Willem de Vries werd gehoord.", "Jan-Willem de Vries")]
    [InlineData("Bewoner Kees zegt dat het pand leeg staat.", "Kees")]
    [InlineData("De melder, mevrouw Öztürk, is bang.", "Öztürk")]
    [InlineData("Melder: T. van Os, bereikbaar.", "T. van Os")]
    [InlineData("Haar zoon Daan is vermist.", "Daan")]
    [InlineData("Een man genaamd Ricardo Martins.", "Ricardo Martins")]
    [InlineData("Zijn vriendin Naomi belde.", "Naomi")]
    [InlineData("Verdachte JANSEN werd gehoord.", "JANSEN")]
    [InlineData("Mevrouw Jansen Maandag gesproken.", "Jansen")]
    [InlineData("Bewoner Thijs Verbeek van Kerkstraat 12 klaagt.", "Thijs Verbeek")]
    public void Recognise_NameAfterTitleOrRole_FindsName(string text, string expected)
    {
        Assert.Contains(expected, RecogniserHarness.Accepted(new ContextNameRecogniser(), text));
    }

    [Theory]
    [InlineData("De melder gaf aan dat het rustig was.")]
    [InlineData("Bewoner van de woning is onbekend.")]
    [InlineData("De melder. Vervolgens ging de politie langs.")]
    [InlineData("Mevrouw Hij zei niets.")]
    [InlineData("De verdachte Nederlander werd heengezonden.")]
    [InlineData("De melder Woonstichting De Key meldt geur.")]
    [InlineData("Persoon Jansen is geen trigger.")]
    [InlineData("Bewoner Den Haag is geen naam.")]
    [InlineData("Vervolgens ging Jansen naar huis.")]
    [InlineData("De heer Maandag? Nee, maandag.")]
    public void Recognise_NoNameAfterTrigger_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Accepted(new ContextNameRecogniser(), text));
    }

    [Fact]
    public void Recognise_TitleWord_StaysOutOfTheSpan()
    {
        var found = Assert.Single(RecogniserHarness.Run(new ContextNameRecogniser(), "De heer Jansen belde."));
        Assert.Equal("Jansen", found.Value);
        Assert.Equal(ContextNameRecogniser.AfterTitle, found.Score);
    }
}

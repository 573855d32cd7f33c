using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class GivenNameRecogniserTests
{
    [Theory]
    [InlineData("Gisteren sprak ik met Kees Bos over thuis.", "Kees Bos", GivenNameRecogniser.WithSurname)]
    [InlineData("Aanhouding van Dennis Mulder, BSN onbekend.", "Dennis Mulder", GivenNameRecogniser.WithSurname)]
    [InlineData("Volgens Jan Willem de Vries klopt dat.", "Jan Willem de Vries", GivenNameRecogniser.WithSurname)]
    [InlineData("Met Fatima El Amrani gesproken.", "Fatima El Amrani", GivenNameRecogniser.WithSurname)]
    [InlineData("Jan-Willem Bakker belde.", "Jan-Willem Bakker", GivenNameRecogniser.WithSurname)]
    [InlineData("Jeroen is niet verschenen.", "Jeroen", GivenNameRecogniser.Alone)]
    [InlineData("Kees de bakker kwam langs.", "Kees", GivenNameRecogniser.Alone)] // lower-case "de bakker" is a trade, not a surname
    [InlineData("Willem Kerkstraat 12 is het adres.", "Willem", GivenNameRecogniser.Alone)]
    public void Recognise_GivenName_FindsNameAndScore(string text, string expected, double score)
    {
        var found = Assert.Single(RecogniserHarness.Run(new GivenNameRecogniser(), text));
        Assert.Equal(expected, found.Value);
        Assert.Equal(score, found.Score);
    }

    [Theory]
    [InlineData("Ben je thuis? Mark het formulier.")]
    [InlineData("Max. 3 personen; hij spreekt Frans.")]
    [InlineData("Teun Brinkhorst staat niet in de lijst.")] // uncommon given name: a known limit
    [InlineData("De Kerkstraat en de Molenweg.")]
    public void Recognise_NoCommonGivenName_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Run(new GivenNameRecogniser(), text));
    }

    [Fact]
    public void Recognise_GivenNameAndSurname_KeyedOnSurname()
    {
        var results = new List<SharingHub.Pseudonymisation.Scrubbing.Detection>();
        new GivenNameRecogniser().Recognise(new SharingHub.Pseudonymisation.Scrubbing.ScrubInput("Volgens Jan Willem de Vries klopt dat.", []), results);
        Assert.Equal("name:de vries", Assert.Single(results).Key);
    }

    [Fact]
    public void NextCapitalisedWord_CorpusAndGeneratedTexts_SameWordsAsThePatternsGivenGroup()
    {
        // What Regex.Match(text, next) finds one capitalised word at a time, with next after the word.
        var candidate = new Regex(GivenNameRecogniser.CandidatePattern, RegexOptions.CultureInvariant);
        var compared = 0;
        foreach (var text in RegexScanOracle.Texts)
        {
            var expected = new List<(int, int)>();
            for (var match = candidate.Match(text); match.Success; match = candidate.Match(text, match.Groups["given"].Index + match.Groups["given"].Length))
            {
                expected.Add((match.Groups["given"].Index, match.Groups["given"].Length));
            }

            var found = new List<(int, int)>();
            for (var next = 0; GivenNameRecogniser.NextCapitalisedWord(text, next, out var start, out var end); next = end)
            {
                found.Add((start, end - start));
            }

            Assert.Equal(expected, found);
            compared += expected.Count;
        }

        Assert.True(compared > 10_000, $"only {compared} capitalised words compared");
    }
}

using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Scrubbing;
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

    [Fact]
    public void NextCandidate_CorpusAndGeneratedTexts_SameMatchesAsRegexScanningEveryPosition()
    {
        var matched = 0;
        foreach (var text in RegexScanOracle.Texts)
        {
            var expected = RegexScanOracle.Matches(ContextNameRecogniser.Pattern, text);
            Assert.Equal(expected, RegexScanOracle.Describe(Candidates(text)));
            matched += expected.Count;
        }

        Assert.True(matched > 2_000, $"only {matched} matches compared");
    }

    [Fact]
    public void NextCandidate_TitleAndRoleWords_EveryCharacterTheRegexTakesForTheirLetters_IsALetterFoldingToIt()
    {
        // NextCandidate looks the folded word up; that finds every match only if each character the case-insensitive
        // regex accepts for a letter of a title or role word is a letter that folds to the same letter as that letter.
        var letters = (ContextNameRecogniser.Titles + ContextNameRecogniser.Roles).Where(char.IsLetter).Distinct().ToList();
        Assert.Contains('ë', letters);
        foreach (var letter in letters)
        {
            var regex = new Regex("^(?i:" + letter + ")$", RegexOptions.CultureInvariant);
            for (var c = char.MinValue; c < char.MaxValue; c++)
            {
                if (regex.IsMatch(c.ToString()))
                {
                    Assert.True(char.IsLetter(c) && TextFolding.Fold(c) == TextFolding.Fold(letter), $"U+{(int)c:X4} matches {letter} but is no letter or folds differently");
                }
            }
        }
    }

    [Fact]
    public void NextCandidate_TitleAndRoleAlternatives_EveryOneStartsWithALetter()
    {
        // NextCandidate tries the regex only at letters.
        Assert.All((ContextNameRecogniser.Titles + "|" + ContextNameRecogniser.Roles).Split('|'), a => Assert.True(char.IsLetter(a[0]), a));
    }

    [Fact]
    public void TitleOrRoleFirstWords_Alternatives_FirstWordsWithTheSecondWordsTheyNeed()
    {
        var words = ContextNameRecogniser.TitleOrRoleFirstWords(@"de\s+heer|heer|dhr\.?|t\.a\.v\.|ex-partner|cliënt|ten\s+name\s+van|noemde\s+zich|op\s+x|op");

        Assert.Equal(["client", "de", "dhr", "ex", "heer", "noemde", "op", "t", "ten"], words.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["heer"], words["de"]!);
        Assert.Equal(["name"], words["ten"]!);
        Assert.Equal(["zich"], words["noemde"]!);
        Assert.Null(words["op"]); // "op" alone needs nothing after it
        Assert.Null(words["dhr"]);
        Assert.Null(words["t"]);
        Assert.Null(words["ex"]);
    }

    private static IEnumerable<Match> Candidates(string text)
    {
        var input = new ScrubInput(text, []);
        for (var match = ContextNameRecogniser.NextCandidate(input, 0); match.Success; match = ContextNameRecogniser.NextCandidate(input, match.Index + match.Length))
        {
            yield return match;
        }
    }
}

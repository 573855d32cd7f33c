using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class IbanRecogniserTests
{
    // Published example IBANs (valid check digits, not real accounts).
    [Theory]
    [InlineData("Overgemaakt naar NL91ABNA0417164300.", "NL91ABNA0417164300", IbanRecogniser.WithContext)]
    [InlineData("Zie NL91 ABNA 0417 1643 00 en verder.", "NL91 ABNA 0417 1643 00", IbanRecogniser.ChecksumOnly)]
    [InlineData("Duits: DE89 3704 0044 0532 0130 00.", "DE89 3704 0044 0532 0130 00", IbanRecogniser.ChecksumOnly)]
    [InlineData("Belgisch BE68539007547034 gebruikt.", "BE68539007547034", IbanRecogniser.ChecksumOnly)]
    [InlineData("Frans FR1420041010050500013M02606 gebruikt.", "FR1420041010050500013M02606", IbanRecogniser.ChecksumOnly)]
    [InlineData("kleine letters nl91abna0417164300 ook", "nl91abna0417164300", IbanRecogniser.ChecksumOnly)]
    [InlineData("Rekening NL92ABNA0417164300 (typefout)", "NL92ABNA0417164300", IbanRecogniser.DutchShapeOnly)]
    public void Recognise_Iban_FoundWithScore(string text, string expected, double score)
    {
        var found = Assert.Single(RecogniserHarness.Run(new IbanRecogniser(), text));
        Assert.Equal(expected, found.Value);
        Assert.Equal(score, found.Score);
    }

    [Theory]
    [InlineData("Zaak PL0900-2024123456.")]
    [InlineData("Code XX12 3456 7890 1234 onbekend land.")]
    [InlineData("DE89 3704 0044 0532 0130 01 heeft een foute controle.")]
    [InlineData("NL91ABNA04171643001 is te lang.")]
    public void Recognise_NotAnIban_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Run(new IbanRecogniser(), text));
    }

    [Fact]
    public void Recognise_IbanAfterFalseStart_StillFound()
    {
        var found = RecogniserHarness.Run(new IbanRecogniser(), "ab12 NL91ABNA0417164300");
        Assert.Contains(found, f => f.Value == "NL91ABNA0417164300");
    }

    [Fact]
    public void MayHoldIban_EveryTextWhereTheCandidatePatternMatches_True()
    {
        // The gate may let texts through that hold no IBAN; it must never stop one the candidate pattern matches.
        var candidate = new Regex(IbanRecogniser.CandidatePattern, RegexOptions.CultureInvariant);
        var (matching, gated) = (0, 0);
        foreach (var text in RegexScanOracle.Texts)
        {
            var matches = candidate.IsMatch(text);
            var passes = IbanRecogniser.MayHoldIban(text);
            Assert.True(passes || !matches, "the gate stopped a text the candidate pattern matches");
            matching += matches ? 1 : 0;
            gated += passes ? 0 : 1;
        }

        Assert.True(matching > 500, $"only {matching} texts may hold an IBAN");
        Assert.True(gated > 500, $"only {gated} texts were skipped");
    }

    [Theory]
    [InlineData("Zie NL91 ABNA 0417 1643 00.", true)]
    [InlineData("Zie NL\u0669\u0661ABNA0417164300.", true)] // \d takes any decimal digit
    [InlineData("Bel 06-12345678 of 020 1234567, BSN 111222333.", false)]
    [InlineData("Zie NL 91 ABNA.", false)]
    public void MayHoldIban_Text_TrueOnlyWithTwoLettersAndTwoDigits(string text, bool expected)
    {
        Assert.Equal(expected, IbanRecogniser.MayHoldIban(text));
    }
}

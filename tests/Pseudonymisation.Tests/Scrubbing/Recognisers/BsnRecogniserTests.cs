using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class BsnRecogniserTests
{
    // 111222333 and 123456782 pass the 11-proef (9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66; 9+16+21+24+25+24+21+16−2 = 154).
    [Theory]
    [InlineData("BSN 111222333 bekend.", "111222333", BsnRecogniser.WithContext)]
    [InlineData("burgerservicenummer: 1234.56.782", "1234.56.782", BsnRecogniser.WithContext)]
    [InlineData("Sofi-nummer 123 456 782.", "123 456 782", BsnRecogniser.WithContext)]
    [InlineData("sofinummer 123.456.782", "123.456.782", BsnRecogniser.WithContext)]
    [InlineData("Nummer 123456782 in het register.", "123456782", BsnRecogniser.ChecksumOnly)]
    [InlineData("ordernummer 123456782", "123456782", BsnRecogniser.NegativeContextScore)]
    [InlineData("BSN 123456789 (typefout)", "123456789", BsnRecogniser.ContextWithoutChecksum)]
    [InlineData("BSN 12345672 zonder voorloopnul", "12345672", BsnRecogniser.WithContext)]
    public void Recognise_Candidates_ScoreByChecksumAndContext(string text, string expected, double score)
    {
        var found = Assert.Single(RecogniserHarness.Run(new BsnRecogniser(), text));
        Assert.Equal(expected, found.Value);
        Assert.Equal(score, found.Score);
    }

    [Theory]
    [InlineData("Nummer 123456789 zonder context.")] // fails the 11-proef, no context
    [InlineData("Zaak PL0900-2024123456 is gesloten.")] // case number
    [InlineData("Telefoon 0612345678.")] // ten digits
    [InlineData("Het kost € 1.234.567,82.")] // amount
    [InlineData("IBAN NL91ABNA0417164300")] // digits inside an IBAN
    [InlineData("Nummer 12345672 zonder context.")] // eight digits need a context word
    [InlineData("Code 1234567820 is te lang.")]
    public void Recognise_NotABsn_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Run(new BsnRecogniser(), text));
    }

    [Fact]
    public void Recognise_ChecksumPassed_RecordsEvidence()
    {
        var found = Assert.Single(RecogniserHarness.Run(new BsnRecogniser(), "bsn 111222333"));
        Assert.True(found.Evidence.HasFlag(ScrubEvidence.ChecksumPassed));
        Assert.True(found.Evidence.HasFlag(ScrubEvidence.ContextWord));
    }
}

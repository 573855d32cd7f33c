using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class PhoneRecogniserTests
{
    [Theory]
    [InlineData("Bel 06-12345678 morgen.", "06-12345678")]
    [InlineData("Bel 06 12345678 morgen.", "06 12345678")]
    [InlineData("Bel 0612345678.", "0612345678")]
    [InlineData("Bel 06 12 34 56 78.", "06 12 34 56 78")]
    [InlineData("Bel 020-1234567.", "020-1234567")]
    [InlineData("Bel 010 123 4567 of mail.", "010 123 4567")]
    [InlineData("Bel (020) 1234567.", "(020) 1234567")]
    [InlineData("Bel 0172-123456.", "0172-123456")]
    [InlineData("Bel +31 6 12345678.", "+31 6 12345678")]
    [InlineData("Bel +31 (0)6 1234 5678.", "+31 (0)6 1234 5678")]
    [InlineData("Bel +31 20 123 4567.", "+31 20 123 4567")]
    [InlineData("Bel 0031 6 12345678.", "0031 6 12345678")]
    [InlineData("Bel +31612345678.", "+31612345678")]
    [InlineData("Bel +32 470 12 34 56.", "+32 470 12 34 56")]
    [InlineData("Geboren 04-11-1978 06-12345678.", "06-12345678")]
    public void Recognise_Phone_FindsSpan(string text, string expected)
    {
        Assert.Equal([expected], RecogniserHarness.Accepted(new PhoneRecogniser(), text));
    }

    [Theory]
    [InlineData("Bel 0900-8844 voor de politie.")]
    [InlineData("Op 12-03-1985 om 14:30.")]
    [InlineData("BSN 012345672.")]
    [InlineData("Zaak PL0900-2024123456.")]
    [InlineData("Om 06.30 uur in kamer 2.14.")]
    [InlineData("Bedrag 1.234.567,00.")]
    public void Recognise_NotAPhone_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Accepted(new PhoneRecogniser(), text));
    }

    [Fact]
    public void Recognise_ContextWord_RaisesScore()
    {
        var withContext = Assert.Single(RecogniserHarness.Run(new PhoneRecogniser(), "telefoon 06-12345678"));
        var without = Assert.Single(RecogniserHarness.Run(new PhoneRecogniser(), "zie 06-12345678"));
        Assert.Equal(PhoneRecogniser.DutchWithContext, withContext.Score);
        Assert.Equal(PhoneRecogniser.Dutch, without.Score);
    }
}

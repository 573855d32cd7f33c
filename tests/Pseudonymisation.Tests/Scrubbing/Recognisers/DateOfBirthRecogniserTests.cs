using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class DateOfBirthRecogniserTests
{
    [Theory]
    [InlineData("Geboren 12-03-1985 te Utrecht.", "12-03-1985")]
    [InlineData("geb. 12 maart 1985", "12 maart 1985")]
    [InlineData("Geboortedatum: 12/3/85.", "12/3/85")]
    [InlineData("Geboortedatum: 1985-03-12.", "1985-03-12")]
    [InlineData("geb.datum 12.03.1985", "12.03.1985")]
    [InlineData("geboren op 4 okt. 1978", "4 okt. 1978")]
    [InlineData("12-03-1985 (dob)", "12-03-1985")]
    [InlineData("De heer P. de Vries (04-11-1978) verklaarde.", "04-11-1978")]
    [InlineData("geboren op 29-02-2000", "29-02-2000")]
    public void Recognise_DateOfBirth_FindsSpan(string text, string expected)
    {
        Assert.Equal([expected], RecogniserHarness.Accepted(new DateOfBirthRecogniser(), text));
    }

    [Theory]
    [InlineData("Op 12-03-2024 meldde de buurman overlast.")]
    [InlineData("Geboren in Utrecht. Op 12-03-2024 verhuisd naar een andere gemeente.")]
    [InlineData("geboren 31-02-1985")] // impossible date
    [InlineData("geboren 29-02-2001")] // not a leap year
    [InlineData("geb. 12-13-1985")]
    public void Recognise_NotADateOfBirth_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Accepted(new DateOfBirthRecogniser(), text));
    }

    [Fact]
    public void Recognise_SecondDateAfterBirthDate_OnlyFirstIsDateOfBirth()
    {
        var found = RecogniserHarness.Accepted(new DateOfBirthRecogniser(), "geboren 12-03-1985, ingeschreven 01-01-2020");
        Assert.Equal(["12-03-1985"], found);
    }
}

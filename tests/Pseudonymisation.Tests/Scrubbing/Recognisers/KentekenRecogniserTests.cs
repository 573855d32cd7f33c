using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class KentekenRecogniserTests
{
    [Theory]
    [InlineData("Gezien: XR-349-N op de A12.", "XR-349-N", KentekenRecogniser.Dashed)]
    [InlineData("Gezien: 12-ABC-3 bij de pomp.", "12-ABC-3", KentekenRecogniser.Dashed)]
    [InlineData("Gezien: 1-KBB-23.", "1-KBB-23", KentekenRecogniser.Dashed)]
    [InlineData("Gezien: GB-12-TX.", "GB-12-TX", KentekenRecogniser.Dashed)]
    [InlineData("Gezien: 99-XX-99.", "99-XX-99", KentekenRecogniser.Dashed)]
    [InlineData("De auto met kenteken 12-ABC-3.", "12-ABC-3", KentekenRecogniser.DashedWithContext)]
    [InlineData("Kenteken 12ABC3 gecontroleerd.", "12ABC3", KentekenRecogniser.UndashedWithContext)]
    [InlineData("De scooter D-123-FK reed weg.", "D-123-FK", KentekenRecogniser.DashedWithContext)]
    [InlineData("Zijn auto, vn-418-k, stond er.", "vn-418-k", KentekenRecogniser.UndashedWithContext)]
    public void Recognise_Plate_FoundWithScore(string text, string expected, double score)
    {
        var found = Assert.Single(RecogniserHarness.Run(new KentekenRecogniser(), text));
        Assert.Equal(expected, found.Value);
        Assert.Equal(score, found.Score);
    }

    [Theory]
    [InlineData("Code 12ABC3 zonder context.")]
    [InlineData("Zaak PL0900-2024123456.")]
    [InlineData("Vlucht MH-17 en de F-16.")]
    [InlineData("Op 12-03-1985 gebeurd.")]
    [InlineData("Klein xr-349-n zonder context.")]
    [InlineData("Postcode 1234AB zonder context.")]
    public void Recognise_NotAPlate_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Run(new KentekenRecogniser(), text));
    }
}

using SharingHub.Hub.Requests;

namespace SharingHub.Hub.Tests.Requests;

public sealed class MotivationRulesTests
{
    private const string PurposeId = "complexe-casuistiek";
    private const string PurposeName = "Persoonsgerichte aanpak van complexe, domeinoverstijgende casuïstiek in het zorg- en veiligheidsdomein";

    [Theory]
    [InlineData("n.v.t.", "placeholder")]
    [InlineData("nvt", "placeholder")]
    [InlineData("N.V.T", "placeholder")]
    [InlineData("niet van toepassing", "placeholder")]
    [InlineData("-", "too-short")]
    [InlineData("zie boven", "placeholder")]
    [InlineData("Zie boven.", "placeholder")]
    [InlineData("zie boven, daar staat het al uitgelegd", "placeholder")]
    [InlineData("test", "placeholder")]
    [InlineData("idem", "placeholder")]
    [InlineData("", "too-short")]
    [InlineData("   ", "too-short")]
    [InlineData("Nodig voor het plan.", "too-short")]
    [InlineData("Wij hebben deze gegevens echt nodig.", "too-short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "too-short")]
    [InlineData("aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa", "repeated-characters")]
    [InlineData("abab abab abab abab abab abab abab abab abab abab", "repeated-characters")]
    [InlineData("test test test test test test test test test test test", "repeated-characters")]
    [InlineData("gegevens nodig gegevens nodig gegevens nodig gegevens nodig", "repeated-words")]
    [InlineData("noodzakelijk noodzakelijk noodzakelijk noodzakelijk noodzakelijk noodzakelijk", "repeated-words")]
    [InlineData("Persoonsgerichte aanpak van complexe, domeinoverstijgende casuïstiek in het zorg- en veiligheidsdomein", "only-purpose")]
    [InlineData("complexe casuistiek complexe casuistiek aanpak van het zorg en veiligheidsdomein", "only-purpose")]
    public void Check_TrivialText_Refused(string text, string expected) =>
        Assert.Equal(expected, MotivationRules.Check(text, PurposeId, PurposeName));

    [Theory]
    [InlineData(RequestsHub.Necessity)]
    [InlineData(RequestsHub.Proportionality)]
    [InlineData(RequestsHub.Subsidiarity)]
    [InlineData("De jongere is in het casusoverleg besproken; de politie voert actie 3 van het plan uit en heeft daarvoor de naam nodig.")]
    public void Check_RealJustification_Accepted(string text) =>
        Assert.Null(MotivationRules.Check(text, PurposeId, PurposeName));

    [Fact]
    public void SameText_CopiedWithOtherCaseAndPunctuation_True()
    {
        Assert.True(MotivationRules.SameText(RequestsHub.Necessity, RequestsHub.Necessity.ToUpperInvariant() + " !"));
        Assert.False(MotivationRules.SameText(RequestsHub.Necessity, RequestsHub.Proportionality));
    }

    [Theory]
    [InlineData("ok", "placeholder")]
    [InlineData("akkoord", "too-short")]
    [InlineData("Akkoord, is goed.", "too-short")]
    public void CheckReview_TrivialMotivation_Refused(string text, string expected) =>
        Assert.Equal(expected, MotivationRules.CheckReview(text));

    [Fact]
    public void CheckReview_RealMotivation_Accepted() =>
        Assert.Null(MotivationRules.CheckReview("Noodzaak en proportionaliteit zijn voldoende onderbouwd voor deze actie."));
}

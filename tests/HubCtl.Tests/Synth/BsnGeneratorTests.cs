using Bogus;
using SharingHub.HubCtl.Synth;

namespace SharingHub.HubCtl.Tests.Synth;

public sealed class BsnGeneratorTests
{
    [Fact]
    public void Next_TenThousandDraws_AllPassElfproefAndSomeHaveLeadingZero()
    {
        var random = new Randomizer(11);

        var bsns = Enumerable.Range(0, 10_000).Select(_ => BsnGenerator.Next(random)).ToList();

        Assert.All(bsns, bsn => Assert.True(SynthTestData.PassesElfproef(bsn), "generated BSN fails the 11-proef"));
        Assert.Contains(bsns, bsn => bsn[0] == '0');
        Assert.True(bsns.Distinct().Count() > 9_990);
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456781", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678a", false)]
    [InlineData("000000000", false)]
    public void IsValid_KnownValues_MatchesElfproef(string bsn, bool expected)
    {
        Assert.Equal(expected, BsnGenerator.IsValid(bsn));
    }
}

using SharingHub.Pseudonymisation.Linkage.Blocking;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Blocking;

public sealed class DutchPhoneticTests
{
    [Theory]
    [InlineData("bijl", "byl")]
    [InlineData("jansen", "janssen")]
    [InlineData("smid", "smit")]
    [InlineData("schouten", "schoten")]
    [InlineData("claassen", "klaasen")]
    [InlineData("meijer", "meyer")]
    [InlineData("de vries", "devries")]
    [InlineData("philips", "filips")]
    [InlineData("thijssen", "tijsen")]
    [InlineData("verhoeven", "ferhoeven")]
    [InlineData("bakker", "baker")]
    public void Encode_DutchSpellingVariants_ShareKey(string a, string b)
    {
        Assert.Equal(DutchPhonetic.Encode(a), DutchPhonetic.Encode(b));
    }

    [Theory]
    [InlineData("jansen", "pietersen")]
    [InlineData("berg", "bos")]
    [InlineData("smit", "visser")]
    public void Encode_DifferentNames_DifferentKeys(string a, string b)
    {
        Assert.NotEqual(DutchPhonetic.Encode(a), DutchPhonetic.Encode(b));
    }

    [Fact]
    public void Encode_NoLetters_IsEmpty()
    {
        Assert.Equal(string.Empty, DutchPhonetic.Encode("- 12 ."));
    }

    [Fact]
    public void Encode_LongName_IsBounded()
    {
        Assert.True(DutchPhonetic.Encode("wolfeschlegelsteinhausenbergerdorff").Length <= DutchPhonetic.MaxLength);
    }
}

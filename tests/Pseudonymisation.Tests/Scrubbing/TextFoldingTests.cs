using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Özdemir", "ozdemir")]
    [InlineData("ŞAHİN", "sahin")]
    [InlineData("Aydın", "aydin")]
    [InlineData("Gülşen Çelik", "gulsen celik")]
    [InlineData("Chloë Geneviève", "chloe genevieve")]
    [InlineData("Jansen’s", "jansen's")]
    [InlineData("Straße", "strase")]
    public void Fold_NamesWithDiacritics_LowerCaseWithoutMarks(string value, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(value));
    }

    [Property]
    public bool Fold_AnyString_KeepsLength(NonNull<string> value) => TextFolding.Fold(value.Get).Length == value.Get.Length;

    [Property]
    public bool Fold_Twice_SameAsOnce(NonNull<string> value) => TextFolding.Fold(TextFolding.Fold(value.Get)) == TextFolding.Fold(value.Get);
}

using FsCheck;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Ömer Çelik", "omer celik")]
    [InlineData("Zoë", "zoe")]
    [InlineData("Bülent Yılmaz", "bulent yilmaz")]
    [InlineData("Strauß", "strauss")]
    [InlineData("STRAUẞ", "strauss")]
    [InlineData("Æsop Cræ", "aesop crae")]
    [InlineData("Ĳsselmeer", "ijsselmeer")]
    [InlineData("ĳs", "ijs")]
    [InlineData("Søren Østergaard", "soren ostergaard")]
    [InlineData("François Müller", "francois muller")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Đorđević", "dordevic")]
    [InlineData("Þór", "thor")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Nguyễn Thị Minh Khai", "nguyen thi minh khai")]
    [InlineData("Jan-Willem", "jan willem")]
    [InlineData("d'Ancona", "d ancona")]
    [InlineData("d’Ancona", "d ancona")]
    [InlineData("'t Hart", "t hart")]
    [InlineData("  Van   der -- Berg  ", "van der berg")]
    [InlineData("J.W.", "j w")]
    [InlineData("Zo\u200Bë", "zoe")]
    [InlineData("Zoe\u0308", "zoe")]
    [InlineData("Zo\u00ADe", "zoe")]
    [InlineData("\u202EJan\u202C", "jan")]
    [InlineData("Jan\U0001F600Piet", "jan piet")]
    [InlineData("ﬁnn", "finn")]
    [InlineData("Ｊａｎ", "jan")]
    [InlineData("Jan\tPiet\r\n", "jan piet")]
    [InlineData("محمد", "محمد")]
    [InlineData("Ólafur Ragnar", "olafur ragnar")]
    [InlineData("ΆΝΝΑ", "αννα")]
    [InlineData("ŉ", "n")]
    public void Fold_RealWorldNames_FoldsToCanonicalForm(string raw, string expected)
    {
        Assert.Equal(expected, NameFolding.Fold(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    [InlineData("\u200B\u200F")]
    [InlineData("\U0001F600")]
    public void Fold_NoLettersOrDigits_ReturnsEmpty(string? raw)
    {
        Assert.Equal(string.Empty, NameFolding.Fold(raw));
    }

    [Theory]
    [InlineData("Van der Berg", "vanderberg")]
    [InlineData("de Vries-van Dijk", "devriesvandijk")]
    [InlineData("'t Hart", "thart")]
    [InlineData(null, "")]
    public void FoldCompact_Names_RemovesSpaces(string? raw, string expected)
    {
        Assert.Equal(expected, NameFolding.FoldCompact(raw));
    }

    [Fact]
    public void Fold_EveryBmpCharacter_IsIdempotentAndLowerCase()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            string text = "a" + (char)c + "b";
            string once = NameFolding.Fold(text);
            Assert.True(once == NameFolding.Fold(once), $"U+{c:X4} is not idempotent");
            Assert.False(once.Any(char.IsUpper), $"U+{c:X4} folds to upper case");
        }
    }

    [Fact]
    public void Fold_AlreadyFolded_ReturnsSameInstance()
    {
        string folded = "jan willem van der berg";

        Assert.Same(folded, NameFolding.Fold(folded));
    }

    [Fact]
    public void Fold_LongInput_DoesNotThrow()
    {
        string raw = string.Concat(Enumerable.Repeat("Ⅷﬃ Ĳ-ß ", 50_000));

        string folded = NameFolding.Fold(raw);

        Assert.StartsWith("viiiffi ij ss viiiffi ij ss", folded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Fold_LongestExpansion_GrowsTheBuffer(int count)
    {
        // U+FDFA (an Arabic ligature) decomposes into 15 letters: the largest expansion in the table.
        string raw = "Jan " + string.Concat(Enumerable.Repeat("\uFDFA ", count)) + "Piet";

        string folded = NameFolding.Fold(raw);

        Assert.Equal(4 + (16 * count) + 4, folded.Length);
        Assert.StartsWith("jan \u0635\u0644\u0649", folded, StringComparison.Ordinal);
        Assert.EndsWith(" piet", folded, StringComparison.Ordinal);
        Assert.Equal(folded, NameFolding.Fold(folded));
    }

    [Property]
    public bool Fold_ArbitraryUnicode_IsIdempotent(UnicodeString raw)
    {
        string once = NameFolding.Fold(raw.Item);
        return once == NameFolding.Fold(once) && NameFolding.FoldCompact(raw.Item) == NameFolding.FoldCompact(once);
    }

    [Property]
    public bool Fold_ArbitraryString_HasNoEdgeOrDoubleSpaces(string? raw)
    {
        string folded = NameFolding.Fold(raw);
        return !folded.StartsWith(' ') && !folded.EndsWith(' ') && !folded.Contains("  ", StringComparison.Ordinal);
    }
}

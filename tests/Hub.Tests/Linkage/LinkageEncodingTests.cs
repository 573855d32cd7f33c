using SharingHub.Hub.Linkage;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Fuzzy;
using SharingHub.Pseudonymisation.Linkage.Similarity;

namespace SharingHub.Hub.Tests.Linkage;

public sealed class LinkageEncodingTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static DomainKeyRing Ring(string domain = "riec") =>
        DomainKeyRing.FromSecret(domain, 1, new Guid("0193a1b2-0000-7000-8000-000000000001"), Secret, TimeProvider.System);

    private static byte[] Key(DomainKeyRing ring)
    {
        var key = new byte[LinkageEncoding.KeyLength];
        Assert.Equal(ring.ActiveVersion, LinkageEncoding.DeriveKey(ring, key));
        return key;
    }

    private static ulong[] Words(byte[] clk)
    {
        var words = new ulong[BloomFilterStore.Words];
        Assert.True(LinkageEncoding.TryReadClk(clk, words));
        return words;
    }

    [Fact]
    public void DeriveKey_SameRingTwice_SameKeyOtherDomainOrRotatedVersionDiffers()
    {
        using var ring = Ring();
        using var other = Ring("zvh");
        var key = Key(ring);

        Assert.Equal(key, Key(ring));
        Assert.NotEqual(key, Key(other));
        ring.Rotate();
        var rotated = new byte[LinkageEncoding.KeyLength];
        Assert.Equal(2, LinkageEncoding.DeriveKey(ring, rotated));
        Assert.NotEqual(key, rotated);
        var again = new byte[LinkageEncoding.KeyLength];
        LinkageEncoding.DeriveKey(ring, 1, again);
        Assert.Equal(key, again);
    }

    [Fact]
    public void Encode_OnePerson_DocumentedLengthsDeterministicAndKeyed()
    {
        using var ring = Ring();
        using var other = Ring("pmg");
        var person = new TestPerson("Jan", "Jansen", "1980-05-17").QuasiIdentifiers();

        var (clk, blocks) = LinkageEncoding.Encode(Key(ring), person);
        var (clk2, blocks2) = LinkageEncoding.Encode(Key(ring), person);
        var (otherClk, otherBlocks) = LinkageEncoding.Encode(Key(other), person);

        Assert.Equal(BloomFilterStore.Bits / 8, clk.Length);
        Assert.Equal(8 * Enum.GetValues<BlockingPass>().Length, blocks.Length);
        Assert.Equal(clk, clk2);
        Assert.Equal(blocks, blocks2);
        Assert.NotEqual(clk, otherClk);
        Assert.NotEqual(blocks, otherBlocks);
        Assert.NotEqual(0UL, LinkageEncoding.BlockKey(blocks, BlockingPass.YearDayMonthPair));
        Assert.Equal(0UL, LinkageEncoding.BlockKey(blocks, BlockingPass.PostcodeHouse));
    }

    [Fact]
    public void Encode_SameAsTheRecordEncoderOfTheLinkageCore()
    {
        using var ring = Ring();
        var key = Key(ring);
        var person = new TestPerson("Anna", "de Vries", "1991-01-09").QuasiIdentifiers();
        using var encoder = new RecordEncoder(key);
        var words = new ulong[BloomFilterStore.Words];
        var passes = new ulong[BlockKeyer.PassCount];
        encoder.Clk.Encode(person, words);
        encoder.Blocks.Compute(person, passes);

        var (clk, blocks) = LinkageEncoding.Encode(key, person);

        Assert.Equal(words, Words(clk));
        Assert.Equal(passes, Enum.GetValues<BlockingPass>().Select(p => LinkageEncoding.BlockKey(blocks, p)));
    }

    [Fact]
    public void Encode_OneLetterTypoAndAnotherPerson_DiceAboveTheHubAndBelowTheCoreThreshold()
    {
        using var ring = Ring();
        var key = Key(ring);
        var (a, _) = LinkageEncoding.Encode(key, new TestPerson("Willemijn", "Dekker", "1990-03-12").QuasiIdentifiers());
        var (typo, _) = LinkageEncoding.Encode(key, new TestPerson("Willemijn", "Decker", "1990-03-12").QuasiIdentifiers());
        var (other, _) = LinkageEncoding.Encode(key, new TestPerson("Pieter", "Bakker", "1962-11-30").QuasiIdentifiers());

        Assert.True(DiceKernel.Dice(Words(a), Words(typo)) >= LinkageOptions.DefaultThreshold);
        Assert.True(DiceKernel.Dice(Words(a), Words(other)) < FuzzyOptions.Default.Threshold);
    }

    [Fact]
    public void Encode_NothingUsable_AllZeroBytes()
    {
        using var ring = Ring();

        var (clk, blocks) = LinkageEncoding.Encode(Key(ring), new QuasiIdentifiers());

        Assert.All(clk, b => Assert.Equal(0, b));
        Assert.All(blocks, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryReadClk_WrongLength_False()
    {
        Assert.False(LinkageEncoding.TryReadClk(new byte[LinkageEncoding.ClkLength - 1], new ulong[BloomFilterStore.Words]));
        Assert.Equal(0UL, LinkageEncoding.BlockKey(new byte[3], BlockingPass.YearDayMonthPair));
    }

    [Theory]
    [InlineData(0.9312f, "fuzzy:0.93")]
    [InlineData(0.6f, "fuzzy:0.60")]
    [InlineData(1f, "fuzzy:1.00")]
    public void Reason_Score_TwoDecimalsNeverRoundedUp(float score, string expected) => Assert.Equal(expected, SubjectLinker.Reason(score));
}

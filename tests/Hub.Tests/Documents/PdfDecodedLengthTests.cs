using FsCheck;
using FsCheck.Fluent;
using SharingHub.Hub.Documents;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SharingHub.Hub.Tests.Documents;

/// <summary>The pre-counts that stop decompression bombs agree with what PdfPig's own filters produce.</summary>
public sealed class PdfDecodedLengthTests
{
    private static readonly DictionaryToken NoParameters = new(new Dictionary<NameToken, IToken>());

    [Theory]
    [InlineData(300)]
    [InlineData(600)]
    [InlineData(1500)]
    [InlineData(4000)]
    public void Lzw_GrowingEntries_EqualsPdfPigOutput(int lastCode)
    {
        var data = Lzw.Bomb(cycles: 1, lastCode: lastCode);
        var expected = (long)(lastCode - 256) * (lastCode - 255) / 2; // 'A', then 2, 3, … lastCode - 256 bytes

        var decoded = new LzwFilter().Decode(data, NoParameters, DefaultFilterProvider.Instance, 0);

        Assert.Equal(expected, decoded.Length);
        Assert.Equal(expected, PdfDecodedLength.Lzw(data, earlyChange: true, long.MaxValue));
    }

    [Fact]
    public void Lzw_Ceiling_StopsCountingEarly() =>
        Assert.InRange(PdfDecodedLength.Lzw(Lzw.Bomb(cycles: 3), earlyChange: true, 1000), 1000, 1000 + 4096);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property RunLength_AnyInput_EqualsPdfPigOutputWhenDecodable() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>(),
            input =>
            {
                long actual;
                try
                {
                    actual = new RunLengthFilter().Decode(input, NoParameters, DefaultFilterProvider.Instance, 0).Length;
                }
                catch (IndexOutOfRangeException)
                {
                    // A literal run past the end: PdfPig fails, so nothing is decoded; the count is only an upper bound.
                    return true;
                }

                return PdfDecodedLength.RunLength(input, long.MaxValue) >= actual;
            });

    [Fact]
    public void RunLength_RepeatRuns_CountsExpansion()
    {
        byte[] data = [129, (byte)'x', 2, (byte)'a', (byte)'b', (byte)'c', 128, 129, (byte)'y'];

        Assert.Equal(128 + 3, PdfDecodedLength.RunLength(data, long.MaxValue));
        Assert.Equal(131, new RunLengthFilter().Decode(data, NoParameters, DefaultFilterProvider.Instance, 0).Length);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Flate_AnyText_EqualsPdfPigOutput() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>(),
            input =>
            {
                var compressed = RawPdf.Deflate(input);
                var decoded = new FlateFilter().Decode(compressed, NoParameters, DefaultFilterProvider.Instance, 0);
                return PdfDecodedLength.Flate(compressed, long.MaxValue) == input.Length && decoded.Length == input.Length;
            });

    [Fact]
    public void Flate_Ceiling_StopsBeforeInflatingEverything()
    {
        var compressed = RawPdf.Deflate(new byte[16 * 1024 * 1024]);

        Assert.InRange(PdfDecodedLength.Flate(compressed, 100_000), 100_000, 100_000 + (16 * 1024));
    }

    [Fact]
    public void Flate_CorruptData_CountsWhatInflates()
    {
        byte[] garbage = [0x78, 0x9c, 0xff, 0xff, 0xff, 0xff, 0x00];

        Assert.InRange(PdfDecodedLength.Flate(garbage, long.MaxValue), 0, 1024);
    }
}

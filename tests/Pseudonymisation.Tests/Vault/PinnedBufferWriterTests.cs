using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class PinnedBufferWriterTests
{
    [Fact]
    public void Clear_AfterWrite_ZeroesEveryByteHandedOut()
    {
        var writer = new PinnedBufferWriter(initialCapacity: 1024, retainLimit: 4096);
        var span = writer.GetSpan(300);
        span.Fill(0xAB);
        writer.Advance(100);

        writer.Clear();

        Assert.Equal(0, writer.WrittenCount);
        Assert.All(span.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void GetSpan_BeyondCapacity_KeepsWrittenBytesAndZeroesTheOldBuffer()
    {
        var writer = new PinnedBufferWriter(initialCapacity: 256, retainLimit: 4096);
        var old = writer.GetMemory(256);
        old.Span.Fill(0xAB);
        writer.Advance(200);

        var grown = writer.GetSpan(1000);

        Assert.True(grown.Length >= 1000);
        Assert.True(writer.Capacity >= 1200);
        Assert.All(writer.WrittenSpan.ToArray(), b => Assert.Equal(0xAB, b));
        Assert.All(old.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Clear_AfterGrowingBeyondRetainLimit_FallsBackToInitialCapacity()
    {
        var writer = new PinnedBufferWriter(initialCapacity: 256, retainLimit: 1024);
        var big = writer.GetMemory(5000);
        big.Span.Fill(0xAB);
        writer.Advance(5000);

        writer.Clear();

        Assert.Equal(256, writer.Capacity);
        Assert.All(big.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Advance_MoreThanHandedOut_Throws()
    {
        var writer = new PinnedBufferWriter(initialCapacity: 256, retainLimit: 1024);
        writer.GetSpan(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(257));
    }
}

using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>After key set-up, hashing allocates nothing on the managed heap.</summary>
public sealed class AllocationTests
{
    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_WarmCall_AllocatesZeroBytes(HmacImplementation implementation)
    {
        var random = new SeededBytes(21);
        using var key = new HmacSha256Key(random.Bytes(32));
        var offsets = new int[1001];
        for (int i = 0; i < 1000; i++)
        {
            offsets[i + 1] = offsets[i] + random.Next(200);
        }

        var data = random.Bytes(offsets[^1]);
        var destination = new byte[1000 * FastHmacSha256.HashSize];
        FastHmacSha256.ComputeBatch(key, data, offsets, destination, implementation);

        long before = GC.GetAllocatedBytesForCurrentThread();
        FastHmacSha256.ComputeBatch(key, data, offsets, destination, implementation);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    [Fact]
    public void ComputeBatchAndCompute_DefaultImplementation_AllocateZeroBytes()
    {
        var random = new SeededBytes(22);
        using var key = new HmacSha256Key(random.Bytes(32));
        var data = random.Bytes(55 * 64);
        var offsets = Enumerable.Range(0, 65).Select(i => i * 55).ToArray();
        var destination = new byte[64 * FastHmacSha256.HashSize];
        FastHmacSha256.ComputeBatch(key, data, offsets, destination);
        FastHmacSha256.Compute(key, data.AsSpan(0, 55), destination);

        long before = GC.GetAllocatedBytesForCurrentThread();
        FastHmacSha256.ComputeBatch(key, data, offsets, destination);
        FastHmacSha256.Compute(key, data.AsSpan(0, 55), destination);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }
}

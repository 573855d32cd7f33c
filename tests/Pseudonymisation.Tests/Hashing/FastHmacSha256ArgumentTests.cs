using System.Text;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>Argument validation, aliasing, disposal and the privacy of error messages.</summary>
public sealed class FastHmacSha256ArgumentTests
{
    // A plausible identifier: error messages must never echo it.
    private static readonly byte[] Identifier = Encoding.ASCII.GetBytes("BSN111222333");
    private static readonly byte[] KeyBytes = Encoding.ASCII.GetBytes("key-material-0123456789");

    public static TheoryData<string, int[], int, string> InvalidBatches() => new()
    {
        { "empty offsets", [], 0, "SH1701" },
        { "decreasing offsets", [0, 6, 3], 64, "SH1702" },
        { "negative first offset", [-1, 6], 32, "SH1702" },
        { "offset beyond data", [0, 6, 13], 64, "SH1702" },
        { "destination too small", [0, 6, 12], 63, "SH1703" },
    };

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public void ComputeBatch_InvalidArguments_ThrowsArgumentExceptionWithCodeAndNoData(string scenario, int[] offsets, int destinationLength, string code)
    {
        using var key = new HmacSha256Key(KeyBytes);
        var destination = new byte[destinationLength];

        var exception = Assert.ThrowsAny<ArgumentException>(() => FastHmacSha256.ComputeBatch(key, Identifier, offsets, destination));

        Assert.StartsWith(code + ":", exception.Message, StringComparison.Ordinal);
        AssertNoSecrets(exception.Message, scenario);
    }

    [Fact]
    public void ComputeBatch_DestinationOverlapsData_ThrowsArgumentException()
    {
        using var key = new HmacSha256Key(KeyBytes);
        var buffer = new byte[128];
        Identifier.CopyTo(buffer, 0);

        var exception = Assert.Throws<ArgumentException>(() =>
            FastHmacSha256.ComputeBatch(key, buffer.AsSpan(0, 12), [0, 12], buffer.AsSpan(8, 32)));

        Assert.StartsWith("SH1704:", exception.Message, StringComparison.Ordinal);
        Assert.Equal("destination", exception.ParamName);
        AssertNoSecrets(exception.Message, "overlap");
    }

    [Fact]
    public void ComputeBatch_DestinationAdjacentToData_IsAllowed()
    {
        using var key = new HmacSha256Key(KeyBytes);
        var buffer = new byte[12 + 32];
        Identifier.CopyTo(buffer, 0);

        FastHmacSha256.ComputeBatch(key, buffer.AsSpan(0, 12), [0, 12], buffer.AsSpan(12, 32));

        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(KeyBytes, Identifier), buffer[12..]);
    }

    [Fact]
    public void Compute_DestinationAliasesMessage_ReturnsHmacOfOriginalMessage()
    {
        using var key = new HmacSha256Key(KeyBytes);
        var buffer = new byte[100];
        new SeededBytes(7).Fill(buffer);
        var expected = System.Security.Cryptography.HMACSHA256.HashData(KeyBytes, buffer);

        FastHmacSha256.Compute(key, buffer, buffer);

        Assert.Equal(expected, buffer[..32]);
    }

    [Fact]
    public void Compute_DestinationTooSmall_ThrowsArgumentException()
    {
        using var key = new HmacSha256Key(KeyBytes);

        var exception = Assert.Throws<ArgumentException>(() => FastHmacSha256.Compute(key, Identifier, new byte[31]));

        Assert.StartsWith("SH1703:", exception.Message, StringComparison.Ordinal);
        AssertNoSecrets(exception.Message, "small destination");
    }

    [Fact]
    public void ComputeBatch_NullKey_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => FastHmacSha256.ComputeBatch(null!, Identifier, [0, 12], new byte[32]));

    [Fact]
    public void ComputeBatch_ZeroMessages_WritesNothing()
    {
        using var key = new HmacSha256Key(KeyBytes);
        var destination = new byte[32];

        FastHmacSha256.ComputeBatch(key, Identifier, [4], destination);

        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void ComputeBatch_UnknownImplementation_ThrowsArgumentOutOfRange()
    {
        using var key = new HmacSha256Key(KeyBytes);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            FastHmacSha256.ComputeBatch(key, Identifier, [0, 12], new byte[32], (HmacImplementation)42));

        Assert.StartsWith("SH1706:", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HmacImplementation.Scalar)]
    [InlineData(HmacImplementation.Vector256x8)]
    [InlineData(HmacImplementation.Vector512x16)]
    public void ComputeBatch_ForcedImplementation_RunsWhenSupportedElseThrowsPlatformNotSupported(HmacImplementation implementation)
    {
        using var key = new HmacSha256Key(KeyBytes);
        var destination = new byte[32];

        if (FastHmacSha256.IsSupported(implementation))
        {
            FastHmacSha256.ComputeBatch(key, Identifier, [0, 12], destination, implementation);
            Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(KeyBytes, Identifier), destination);
        }
        else
        {
            var exception = Assert.Throws<PlatformNotSupportedException>(() =>
                FastHmacSha256.ComputeBatch(key, Identifier, [0, 12], destination, implementation));
            Assert.StartsWith("SH1705:", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BestAvailable_IsTheWidestSupportedImplementation()
    {
        Assert.True(FastHmacSha256.IsSupported(FastHmacSha256.BestAvailable));
        Assert.Equal(FastHmacSha256.Available[^1], FastHmacSha256.BestAvailable);
        Assert.Equal(
            System.Runtime.Intrinsics.X86.Avx512F.IsSupported && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported,
            FastHmacSha256.IsSupported(HmacImplementation.Vector512x16));
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, FastHmacSha256.IsSupported(HmacImplementation.Vector256x8));
    }

    [Fact]
    public void ComputeBatch_DisposedKey_ThrowsObjectDisposedException()
    {
        var key = new HmacSha256Key(KeyBytes);
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => FastHmacSha256.ComputeBatch(key, Identifier, [0, 12], new byte[32]));
        Assert.Throws<ObjectDisposedException>(() => FastHmacSha256.Compute(key, Identifier, new byte[32]));
    }

    private static void AssertNoSecrets(string text, string scenario)
    {
        Assert.DoesNotContain("BSN111222333", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Identifier), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("key-material", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(scenario));
    }
}

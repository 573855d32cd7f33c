using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

public sealed class HmacSha256KeyTests
{
    [Fact]
    public void Dispose_AfterUse_ZeroesPrecomputedStates()
    {
        var key = new HmacSha256Key(Encoding.ASCII.GetBytes("a secret pseudonymisation key"));
        var before = new uint[16];
        var after = new uint[16];
        key.CopyStatesTo(before);

        key.Dispose();
        key.CopyStatesTo(after);

        Assert.Contains(before, word => word != 0);
        Assert.All(after, word => Assert.Equal(0u, word));
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var key = new HmacSha256Key([1, 2, 3]);
        key.Dispose();

        var exception = Record.Exception(key.Dispose);

        Assert.Null(exception);
    }

    [Fact]
    public void ToString_DoesNotRevealKeyMaterial()
    {
        var keyBytes = Encoding.ASCII.GetBytes("visible-key-material");
        using var key = new HmacSha256Key(keyBytes);
        var states = new uint[16];
        key.CopyStatesTo(states);

        string text = key.ToString() ?? string.Empty;

        Assert.DoesNotContain("visible-key-material", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(keyBytes), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(states[0].ToString("x8", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Constructor_KeyLongerThanBlock_EqualsKeyOfItsSha256()
    {
        // RFC 2104 §2: keys longer than the block size are replaced by their hash.
        var longKey = new SeededBytes(11).Bytes(65);
        using var fromLong = new HmacSha256Key(longKey);
        using var fromHash = new HmacSha256Key(SHA256.HashData(longKey));
        var left = new uint[16];
        var right = new uint[16];

        fromLong.CopyStatesTo(left);
        fromHash.CopyStatesTo(right);

        Assert.Equal(right, left);
    }

    [Fact]
    public void Constructor_KeysThatDifferOnlyInTrailingZeros_AreEquivalent()
    {
        // HMAC pads short keys with zeros, so "k" and "k\0" are the same key; the states must say so too.
        using var shortKey = new HmacSha256Key([0x6b]);
        using var paddedKey = new HmacSha256Key([0x6b, 0x00]);
        var left = new uint[16];
        var right = new uint[16];

        shortKey.CopyStatesTo(left);
        paddedKey.CopyStatesTo(right);

        Assert.Equal(right, left);
        Assert.Equal(HMACSHA256.HashData([0x6b], [1, 2]), HMACSHA256.HashData([0x6b, 0x00], [1, 2]));
    }
}

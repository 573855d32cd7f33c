using System.Collections.Concurrent;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class VaultNoncesTests
{
    [Fact]
    public void Fill_ManyDrawsOfVariousSizesAcrossBlocks_NeverRepeatsANonce()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var drawn = 0;
        for (var i = 0; i < 5000; i++)
        {
            var nonces = new byte[((i % 9) + 1) * VaultNonces.NonceLength];
            VaultNonces.Fill(nonces);
            for (var offset = 0; offset < nonces.Length; offset += VaultNonces.NonceLength)
            {
                Assert.True(seen.Add(Convert.ToHexString(nonces, offset, VaultNonces.NonceLength)));
                drawn++;
            }
        }

        Assert.True(drawn > 20_000);
    }

    [Fact]
    public void Fill_ParallelThreads_NeverShareANonce()
    {
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var duplicates = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            Span<byte> nonces = stackalloc byte[3 * VaultNonces.NonceLength];
            VaultNonces.Fill(nonces);
            for (var offset = 0; offset < nonces.Length; offset += VaultNonces.NonceLength)
            {
                if (!seen.TryAdd(Convert.ToHexString(nonces.Slice(offset, VaultNonces.NonceLength)), 0))
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
        });

        Assert.Equal(0, duplicates);
        Assert.Equal(60_000, seen.Count);
    }

    [Fact]
    public void Fill_MoreThanABlock_FillsEveryNonce()
    {
        var nonces = new byte[255 * VaultNonces.NonceLength];

        VaultNonces.Fill(nonces);

        Assert.Equal(255, Enumerable.Range(0, 255).Select(i => Convert.ToHexString(nonces, i * VaultNonces.NonceLength, VaultNonces.NonceLength)).Distinct().Count());
    }

    [Fact]
    public void Fill_NotAWholeNumberOfNonces_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => VaultNonces.Fill(new byte[13]));

        Assert.Equal("nonces", ex.ParamName);
    }
}

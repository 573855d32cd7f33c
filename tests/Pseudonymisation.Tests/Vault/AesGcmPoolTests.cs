using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class AesGcmPoolTests
{
    [Fact]
    public void Rent_AfterReturn_ReusesTheInstance()
    {
        using var key = new SecretBuffer(RandomNumberGenerator.GetBytes(32));
        using var pool = new AesGcmPool(key);
        var first = pool.Rent();

        pool.Return(first);

        Assert.Same(first, pool.Rent());
    }

    [Fact]
    public void Return_AfterDispose_DisposesTheInstance()
    {
        using var key = new SecretBuffer(RandomNumberGenerator.GetBytes(32));
        var pool = new AesGcmPool(key);
        var rented = pool.Rent();
        pool.Dispose();

        pool.Return(rented);

        Assert.Throws<ObjectDisposedException>(() => rented.Encrypt(new byte[12], new byte[1], new byte[1], new byte[16]));
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Fact]
    public void Dispose_PooledInstances_DisposesThem()
    {
        using var key = new SecretBuffer(RandomNumberGenerator.GetBytes(32));
        var pool = new AesGcmPool(key);
        var instances = new[] { pool.Rent(), pool.Rent() };
        foreach (var aes in instances)
        {
            pool.Return(aes);
        }

        pool.Dispose();

        Assert.All(instances, aes => Assert.Throws<ObjectDisposedException>(() => aes.Encrypt(new byte[12], new byte[1], new byte[1], new byte[16])));
    }

    [Fact]
    public void RentAndReturn_ParallelEncryptions_EachMatchesAFreshInstance()
    {
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        using var key = new SecretBuffer(keyBytes);
        using var pool = new AesGcmPool(key);
        using var reference = new AesGcm(keyBytes, 16);
        var mismatches = 0;

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var nonce = RandomNumberGenerator.GetBytes(12);
            var plain = BitConverter.GetBytes(i);
            var (cipher, tag, expectedCipher, expectedTag) = (new byte[4], new byte[16], new byte[4], new byte[16]);
            var aes = pool.Rent();
            aes.Encrypt(nonce, plain, cipher, tag);
            pool.Return(aes);
            lock (reference)
            {
                reference.Encrypt(nonce, plain, expectedCipher, expectedTag);
            }

            if (!cipher.AsSpan().SequenceEqual(expectedCipher) || !tag.AsSpan().SequenceEqual(expectedTag))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }
}

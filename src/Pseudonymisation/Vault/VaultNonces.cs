using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// Fresh random 96-bit AES-GCM nonces from <see cref="RandomNumberGenerator"/>, drawn in blocks of 85 nonces so that a seal
/// costs a fraction of one call into the random generator instead of one call per payload. Each thread has its own block, so
/// no two callers ever see the same bytes; bytes handed out are zeroed in the block and never handed out again. Nonces are
/// public (they stand in every payload), so keeping the next few in memory exposes nothing; keys are never drawn from here.
/// </summary>
internal static class VaultNonces
{
    public const int NonceLength = 12;

    private const int BlockLength = 85 * NonceLength;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    /// <summary>Fills <paramref name="nonces"/> (a whole number of nonces) with fresh random bytes.</summary>
    public static void Fill(Span<byte> nonces)
    {
        if (nonces.Length % NonceLength != 0)
        {
            throw new ArgumentException("Nonces are drawn 12 bytes at a time.", nameof(nonces));
        }

        if (nonces.Length > BlockLength)
        {
            RandomNumberGenerator.Fill(nonces);
        }
        else
        {
            var block = t_block;
            if (block is null)
            {
                block = t_block = new byte[BlockLength];
                t_used = BlockLength;
            }

            if (BlockLength - t_used < nonces.Length)
            {
                RandomNumberGenerator.Fill(block);
                t_used = 0;
            }

            var source = block.AsSpan(t_used, nonces.Length);
            source.CopyTo(nonces);
            source.Clear();
            t_used += nonces.Length;
        }

        // A random 96-bit nonce is all zeros with probability 2^-96; seeing one means the source is broken, and sealing with
        // it could repeat a nonce under a key. Refuse rather than risk it.
        for (var offset = 0; offset < nonces.Length; offset += NonceLength)
        {
            if (!nonces.Slice(offset, NonceLength).ContainsAnyExcept((byte)0))
            {
                throw new CryptographicException("The random generator returned an all-zero nonce.");
            }
        }
    }
}

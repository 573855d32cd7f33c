namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// Constants shared by every SHA-256 path. Word tables are arrays (a <c>ReadOnlySpan&lt;uint&gt;</c> property
/// allocates on every access in unoptimised builds); byte tables are spans over the assembly's data.
/// </summary>
internal static class Sha256Constants
{
    /// <summary>SHA-256 block size in bytes.</summary>
    public const int BlockSize = 64;

    /// <summary>
    /// Bit length of the outer HMAC message: the 64-byte opad block plus the 32-byte inner digest.
    /// The outer block's words 8..15 are therefore 0x80000000, six zeros, and this value.
    /// </summary>
    public const uint OuterBitLength = (64 + 32) * 8;

    /// <summary>The 64 round constants K (FIPS 180-4 §4.2.2).</summary>
    public static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Byte shuffle that reverses the bytes of every 32-bit word (64 bytes, for one to four 128-bit lanes).</summary>
    public static ReadOnlySpan<byte> ByteSwap =>
    [
        3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
        3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
        3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
        3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
    ];

    /// <summary>
    /// K[t] + W[t] for rounds 8..15 of the outer HMAC block, whose words 8..15 are 0x80000000, six zeros and 768.
    /// </summary>
    public static readonly uint[] OuterRoundInputs =
    [
        0x5807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, // 0xd807aa98 + 0x80000000 (mod 2^32)
        0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf474, // 0xc19bf174 + 768
    ];

    /// <summary>
    /// Constant terms of the outer block's schedule words 17, 22, 23, 24, 30 and 31:
    /// σ1(768), 768, σ0(0x80000000), 0x80000000, σ0(768), 768 (FIPS 180-4 §6.2.2 step 1).
    /// </summary>
    public static readonly uint[] OuterScheduleConstants =
    [
        0x01E00000, OuterBitLength, 0x11002000, 0x80000000, 0x00C00066, OuterBitLength,
    ];

    /// <summary>
    /// 64 bytes of 0xFF then 64 zero bytes: the 64 bytes starting at <c>64 - n</c> keep the first n bytes of a block.
    /// </summary>
    public static ReadOnlySpan<byte> KeepMask =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// 64 zeros, the padding byte 0x80, 63 zeros: the 64 bytes starting at <c>64 - n</c> put 0x80 at position n.
    /// </summary>
    public static ReadOnlySpan<byte> PadByte =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// Number of 64-byte blocks the inner hash compresses after the ipad block for a message of
    /// <paramref name="length"/> bytes: the message, the 0x80 byte and the 8-byte length, rounded up.
    /// </summary>
    public static int InnerBlockCount(int length) => (int)(((uint)length + 9 + 63) >> 6);

    /// <summary>Bit length of the inner HMAC message (ipad block plus message) as a 64-bit value.</summary>
    public static ulong InnerBitLength(int length) => ((ulong)(uint)length + 64) * 8;
}

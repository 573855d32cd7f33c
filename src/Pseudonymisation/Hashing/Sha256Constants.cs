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
    /// <c>vpermt2b</c> indices for x and y (y's bytes are 64..127) that equal the 32-bit interleave of the low halves
    /// of every 128-bit chunk, <c>UnpackLow(x, y)</c>, with the bytes of every word reversed: the byte swap and the
    /// first transpose step in one instruction.
    /// </summary>
    public static ReadOnlySpan<byte> SwapUnpackLow =>
    [
        3, 2, 1, 0, 67, 66, 65, 64, 7, 6, 5, 4, 71, 70, 69, 68,
        19, 18, 17, 16, 83, 82, 81, 80, 23, 22, 21, 20, 87, 86, 85, 84,
        35, 34, 33, 32, 99, 98, 97, 96, 39, 38, 37, 36, 103, 102, 101, 100,
        51, 50, 49, 48, 115, 114, 113, 112, 55, 54, 53, 52, 119, 118, 117, 116,
    ];

    /// <summary>As <see cref="SwapUnpackLow"/> for the high halves, <c>UnpackHigh(x, y)</c>.</summary>
    public static ReadOnlySpan<byte> SwapUnpackHigh =>
    [
        11, 10, 9, 8, 75, 74, 73, 72, 15, 14, 13, 12, 79, 78, 77, 76,
        27, 26, 25, 24, 91, 90, 89, 88, 31, 30, 29, 28, 95, 94, 93, 92,
        43, 42, 41, 40, 107, 106, 105, 104, 47, 46, 45, 44, 111, 110, 109, 108,
        59, 58, 57, 56, 123, 122, 121, 120, 63, 62, 61, 60, 127, 126, 125, 124,
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

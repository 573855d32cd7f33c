using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>Portable scalar SHA-256 compression and the scalar HMAC path built on it.</summary>
[SkipLocalsInit]
internal static unsafe class Sha256Scalar
{
    /// <summary>Words in a message schedule.</summary>
    public const int ScheduleWords = 64;

    /// <summary>Compresses one 64-byte block into <paramref name="state"/>; <paramref name="w"/> is 64 words of scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CompressBlock(ref Sha256State state, byte* block, uint* w)
    {
        for (int i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(block + (4 * i)));
        }

        CompressWords(ref state, w);
    }

    /// <summary>σ0 of FIPS 180-4 §4.1.2 (4.6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    /// <summary>σ1 of FIPS 180-4 §4.1.2 (4.7).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);

    /// <summary>Σ0 of FIPS 180-4 §4.1.2 (4.4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    /// <summary>Σ1 of FIPS 180-4 §4.1.2 (4.5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    /// <summary>Ch of FIPS 180-4 §4.1.2 (4.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Choose(uint x, uint y, uint z) => (x & y) ^ (~x & z);

    /// <summary>Maj of FIPS 180-4 §4.1.2 (4.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Majority(uint x, uint y, uint z) => (x & y) ^ (x & z) ^ (y & z);

    /// <summary>Compresses the block whose first 16 words are in <paramref name="w"/> (the rest is scratch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CompressWords(ref Sha256State state, uint* w)
    {
        for (int t = 16; t < 64; t++)
        {
            w[t] = unchecked(w[t - 16] + SmallSigma0(w[t - 15]) + w[t - 7] + SmallSigma1(w[t - 2]));
        }

        ref uint k = ref MemoryMarshal.GetArrayDataReference(Sha256Constants.K);
        uint a = state[0], b = state[1], c = state[2], d = state[3];
        uint e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t += 8)
        {
            Round(a, b, c, ref d, e, f, g, ref h, Unsafe.Add(ref k, t) + w[t]);
            Round(h, a, b, ref c, d, e, f, ref g, Unsafe.Add(ref k, t + 1) + w[t + 1]);
            Round(g, h, a, ref b, c, d, e, ref f, Unsafe.Add(ref k, t + 2) + w[t + 2]);
            Round(f, g, h, ref a, b, c, d, ref e, Unsafe.Add(ref k, t + 3) + w[t + 3]);
            Round(e, f, g, ref h, a, b, c, ref d, Unsafe.Add(ref k, t + 4) + w[t + 4]);
            Round(d, e, f, ref g, h, a, b, ref c, Unsafe.Add(ref k, t + 5) + w[t + 5]);
            Round(c, d, e, ref f, g, h, a, ref b, Unsafe.Add(ref k, t + 6) + w[t + 6]);
            Round(b, c, d, ref e, f, g, h, ref a, Unsafe.Add(ref k, t + 7) + w[t + 7]);
        }

        unchecked
        {
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }

    /// <summary>
    /// HMAC of one message from the key's precomputed states. <paramref name="w"/> is 64 words and
    /// <paramref name="block"/> 64 bytes of scratch; the caller clears both. Reads the whole message
    /// before it writes <paramref name="destination"/>, so the two may overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hmac(in Sha256State inner, in Sha256State outer, byte* message, int length, byte* destination, uint* w, byte* block)
    {
        var state = inner;
        int full = length >> 6;
        for (int i = 0; i < full; i++)
        {
            CompressBlock(ref state, message + (i * 64), w);
        }

        int tail = length & 63;
        var blockSpan = new Span<byte>(block, 64);
        new ReadOnlySpan<byte>(message + (full * 64), tail).CopyTo(blockSpan);
        block[tail] = 0x80;
        if (tail >= 56)
        {
            blockSpan[(tail + 1)..].Clear();
            CompressBlock(ref state, block, w);
            blockSpan[..56].Clear();
        }
        else
        {
            blockSpan[(tail + 1)..56].Clear();
        }

        BinaryPrimitives.WriteUInt64BigEndian(blockSpan[56..], Sha256Constants.InnerBitLength(length));
        CompressBlock(ref state, block, w);

        CompressOuter(ref state, outer, w);
        WriteDigest(state, destination);
    }

    /// <summary>Replaces <paramref name="state"/> (the inner digest) by the outer compression over it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CompressOuter(ref Sha256State state, in Sha256State outer, uint* w)
    {
        for (int i = 0; i < 8; i++)
        {
            w[i] = state[i];
        }

        w[8] = 0x80000000;
        for (int i = 9; i < 15; i++)
        {
            w[i] = 0;
        }

        w[15] = Sha256Constants.OuterBitLength;
        state = outer;
        CompressWords(ref state, w);
    }

    /// <summary>Writes the eight state words big-endian.</summary>
    public static void WriteDigest(in Sha256State state, byte* destination)
    {
        for (int i = 0; i < 8; i++)
        {
            Unsafe.WriteUnaligned(destination + (4 * i), BinaryPrimitives.ReverseEndianness(state[i]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint kw)
    {
        uint t1 = unchecked(h + BigSigma1(e) + Choose(e, f, g) + kw);
        uint s0 = BigSigma0(a);
        uint maj = Majority(a, b, c);
        d = unchecked(d + t1);
        h = unchecked(t1 + s0 + maj);
    }
}

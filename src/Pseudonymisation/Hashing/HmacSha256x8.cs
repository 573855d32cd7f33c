using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// Eight-lane HMAC-SHA256 in <see cref="Vector256{T}"/> (AVX2). Uses AVX-512VL rotates and ternary logic when
/// the processor has them, plain AVX2 shifts and bitwise operations otherwise. A partial block is read with
/// full-width loads only when those stay inside the data; otherwise it is copied into a zeroed scratch block.
/// </summary>
[SkipLocalsInit]
internal static unsafe class HmacSha256x8
{
    /// <summary>Messages per group.</summary>
    public const int Lanes = 8;

    /// <summary>Scratch a caller passes: 64 schedule vectors, 8 output vectors and one 64-byte copy block.</summary>
    public const int ScratchBytes = (64 + 8 + 2) * 32;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// HMAC of messages <paramref name="first"/> .. <paramref name="first"/> + <paramref name="active"/> - 1
    /// (1 &lt;= active &lt;= 8); the unused lanes repeat the last message and their results are dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Group(HmacSha256Key key, byte* data, byte* dataEnd, int* offsets, int first, int active, byte* destination, Vector256<uint>* scratch)
    {
        uint* lengths = stackalloc uint[Lanes];
        uint* blocks = stackalloc uint[Lanes];
        uint* bitsLow = stackalloc uint[Lanes];
        uint* bitsHigh = stackalloc uint[Lanes];
        byte** starts = stackalloc byte*[Lanes];
        int maxBlocks = 0;
        int minBlocks = int.MaxValue;
        for (int k = 0; k < Lanes; k++)
        {
            int index = first + Math.Min(k, active - 1);
            int start = offsets[index];
            int length = offsets[index + 1] - start;
            int count = Sha256Constants.InnerBlockCount(length);
            ulong bits = Sha256Constants.InnerBitLength(length);
            starts[k] = data + start;
            lengths[k] = (uint)length;
            blocks[k] = (uint)count;
            bitsLow[k] = (uint)bits;
            bitsHigh[k] = (uint)(bits >> 32);
            maxBlocks = Math.Max(maxBlocks, count);
            minBlocks = Math.Min(minBlocks, count);
        }

        var blockCounts = Vector256.Load(blocks);
        var lengthLow = Vector256.Load(bitsLow);
        var lengthHigh = Vector256.Load(bitsHigh);
        Vector256<uint>* w = scratch;
        byte* copy = (byte*)(scratch + 64 + 8);

        ref readonly Sha256State inner = ref key.Inner;
        var a = Vector256.Create(inner[0]);
        var b = Vector256.Create(inner[1]);
        var c = Vector256.Create(inner[2]);
        var d = Vector256.Create(inner[3]);
        var e = Vector256.Create(inner[4]);
        var f = Vector256.Create(inner[5]);
        var g = Vector256.Create(inner[6]);
        var h = Vector256.Create(inner[7]);

        for (int j = 0; j < maxBlocks; j++)
        {
            var r0 = LoadLane(starts[0], lengths[0], blocks[0], j, dataEnd, copy, out var s0);
            var r1 = LoadLane(starts[1], lengths[1], blocks[1], j, dataEnd, copy, out var s1);
            var r2 = LoadLane(starts[2], lengths[2], blocks[2], j, dataEnd, copy, out var s2);
            var r3 = LoadLane(starts[3], lengths[3], blocks[3], j, dataEnd, copy, out var s3);
            var r4 = LoadLane(starts[4], lengths[4], blocks[4], j, dataEnd, copy, out var s4);
            var r5 = LoadLane(starts[5], lengths[5], blocks[5], j, dataEnd, copy, out var s5);
            var r6 = LoadLane(starts[6], lengths[6], blocks[6], j, dataEnd, copy, out var s6);
            var r7 = LoadLane(starts[7], lengths[7], blocks[7], j, dataEnd, copy, out var s7);
            Transpose(r0, r1, r2, r3, r4, r5, r6, r7, w);
            Transpose(s0, s1, s2, s3, s4, s5, s6, s7, w + 8);

            var last = Vector256.Equals(blockCounts, Vector256.Create((uint)j + 1));
            w[14] |= lengthHigh & last;
            w[15] |= lengthLow & last;
            if (j < minBlocks)
            {
                Compress(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, w);
            }
            else
            {
                var (a0, b0, c0, d0, e0, f0, g0, h0) = (a, b, c, d, e, f, g, h);
                Compress(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, w);
                var running = Vector256.GreaterThan(blockCounts, Vector256.Create((uint)j));
                a = Vector256.ConditionalSelect(running, a, a0);
                b = Vector256.ConditionalSelect(running, b, b0);
                c = Vector256.ConditionalSelect(running, c, c0);
                d = Vector256.ConditionalSelect(running, d, d0);
                e = Vector256.ConditionalSelect(running, e, e0);
                f = Vector256.ConditionalSelect(running, f, f0);
                g = Vector256.ConditionalSelect(running, g, g0);
                h = Vector256.ConditionalSelect(running, h, h0);
            }
        }

        w[0] = a;
        w[1] = b;
        w[2] = c;
        w[3] = d;
        w[4] = e;
        w[5] = f;
        w[6] = g;
        w[7] = h;
        w[8] = Vector256.Create(0x80000000u);
        w[9] = Vector256<uint>.Zero;
        w[10] = Vector256<uint>.Zero;
        w[11] = Vector256<uint>.Zero;
        w[12] = Vector256<uint>.Zero;
        w[13] = Vector256<uint>.Zero;
        w[14] = Vector256<uint>.Zero;
        w[15] = Vector256.Create(Sha256Constants.OuterBitLength);
        ref readonly Sha256State outer = ref key.Outer;
        a = Vector256.Create(outer[0]);
        b = Vector256.Create(outer[1]);
        c = Vector256.Create(outer[2]);
        d = Vector256.Create(outer[3]);
        e = Vector256.Create(outer[4]);
        f = Vector256.Create(outer[5]);
        g = Vector256.Create(outer[6]);
        h = Vector256.Create(outer[7]);
        Compress(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, w);

        // Byte-swap the words, transpose so vector k holds lane k's digest, and store the active lanes.
        var swap = ByteSwapMask();
        Vector256<uint>* digests = scratch + 64;
        Transpose(
            Avx2.Shuffle(a.AsByte(), swap).AsUInt32(), Avx2.Shuffle(b.AsByte(), swap).AsUInt32(),
            Avx2.Shuffle(c.AsByte(), swap).AsUInt32(), Avx2.Shuffle(d.AsByte(), swap).AsUInt32(),
            Avx2.Shuffle(e.AsByte(), swap).AsUInt32(), Avx2.Shuffle(f.AsByte(), swap).AsUInt32(),
            Avx2.Shuffle(g.AsByte(), swap).AsUInt32(), Avx2.Shuffle(h.AsByte(), swap).AsUInt32(),
            digests);
        byte* target = destination + ((long)first * FastHmacSha256.HashSize);
        for (int lane = 0; lane < active; lane++)
        {
            Vector256.Store(digests[lane], (uint*)(target + (lane * FastHmacSha256.HashSize)));
        }
    }

    /// <summary>
    /// Block j of one lane's message as big-endian words (words 0..7 returned, 8..15 in <paramref name="high"/>),
    /// with the 0x80 padding byte; the length words are added by the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> LoadLane(byte* message, uint length, uint blockCount, int j, byte* dataEnd, byte* copy, out Vector256<uint> high)
    {
        int remaining = (int)length - (j * 64);
        if ((uint)j >= blockCount || remaining < 0)
        {
            high = Vector256<uint>.Zero;
            return Vector256<uint>.Zero;
        }

        byte* block = message + (j * 64);
        Vector256<byte> lo;
        Vector256<byte> hi;
        if (remaining >= 64)
        {
            lo = Vector256.Load(block);
            hi = Vector256.Load(block + 32);
        }
        else
        {
            ref byte pad = ref MemoryMarshal.GetReference(Sha256Constants.PadByte);
            nuint at = (nuint)(64 - remaining);
            if (dataEnd - block >= 64)
            {
                ref byte keep = ref MemoryMarshal.GetReference(Sha256Constants.KeepMask);
                lo = Vector256.Load(block) & Vector256.LoadUnsafe(ref keep, at);
                hi = Vector256.Load(block + 32) & Vector256.LoadUnsafe(ref keep, at + 32);
            }
            else
            {
                var copySpan = new Span<byte>(copy, 64);
                copySpan.Clear();
                new ReadOnlySpan<byte>(block, remaining).CopyTo(copySpan);
                lo = Vector256.Load(copy);
                hi = Vector256.Load(copy + 32);
            }

            lo |= Vector256.LoadUnsafe(ref pad, at);
            hi |= Vector256.LoadUnsafe(ref pad, at + 32);
        }

        var swap = ByteSwapMask();
        high = Avx2.Shuffle(hi, swap).AsUInt32();
        return Avx2.Shuffle(lo, swap).AsUInt32();
    }

    /// <summary>Transposes an 8x8 matrix of words: output vector i holds word i of every input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector256<uint> r0, Vector256<uint> r1, Vector256<uint> r2, Vector256<uint> r3,
        Vector256<uint> r4, Vector256<uint> r5, Vector256<uint> r6, Vector256<uint> r7,
        Vector256<uint>* output)
    {
        var t0 = Avx2.UnpackLow(r0, r1);
        var t1 = Avx2.UnpackHigh(r0, r1);
        var t2 = Avx2.UnpackLow(r2, r3);
        var t3 = Avx2.UnpackHigh(r2, r3);
        var t4 = Avx2.UnpackLow(r4, r5);
        var t5 = Avx2.UnpackHigh(r4, r5);
        var t6 = Avx2.UnpackLow(r6, r7);
        var t7 = Avx2.UnpackHigh(r6, r7);

        var u0 = Lo64(t0, t2);
        var u1 = Hi64(t0, t2);
        var u2 = Lo64(t1, t3);
        var u3 = Hi64(t1, t3);
        var u4 = Lo64(t4, t6);
        var u5 = Hi64(t4, t6);
        var u6 = Lo64(t5, t7);
        var u7 = Hi64(t5, t7);

        output[0] = Avx2.Permute2x128(u0, u4, 0x20);
        output[1] = Avx2.Permute2x128(u1, u5, 0x20);
        output[2] = Avx2.Permute2x128(u2, u6, 0x20);
        output[3] = Avx2.Permute2x128(u3, u7, 0x20);
        output[4] = Avx2.Permute2x128(u0, u4, 0x31);
        output[5] = Avx2.Permute2x128(u1, u5, 0x31);
        output[6] = Avx2.Permute2x128(u2, u6, 0x31);
        output[7] = Avx2.Permute2x128(u3, u7, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ByteSwapMask() =>
        Vector256.Create(Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Lo64(Vector256<uint> x, Vector256<uint> y) =>
        Avx2.UnpackLow(x.AsUInt64(), y.AsUInt64()).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Hi64(Vector256<uint> x, Vector256<uint> y) =>
        Avx2.UnpackHigh(x.AsUInt64(), y.AsUInt64()).AsUInt32();

    /// <summary>One SHA-256 compression of eight lanes; w[0..15] holds the block, w[16..63] is filled here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress(
        ref Vector256<uint> sa, ref Vector256<uint> sb, ref Vector256<uint> sc, ref Vector256<uint> sd,
        ref Vector256<uint> se, ref Vector256<uint> sf, ref Vector256<uint> sg, ref Vector256<uint> sh,
        Vector256<uint>* w)
    {
        for (int t = 16; t < 64; t++)
        {
            var x = w[t - 15];
            var y = w[t - 2];
            var s0 = Xor3(Rotr(x, 7), Rotr(x, 18), Vector256.ShiftRightLogical(x, 3));
            var s1 = Xor3(Rotr(y, 17), Rotr(y, 19), Vector256.ShiftRightLogical(y, 10));
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        ref uint k = ref MemoryMarshal.GetArrayDataReference(Sha256Constants.K);
        var a = sa;
        var b = sb;
        var c = sc;
        var d = sd;
        var e = se;
        var f = sf;
        var g = sg;
        var h = sh;
        ref uint kt = ref k;
        Vector256<uint>* wt = w;
        for (int t = 0; t < 64; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector256.Create(kt));
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector256.Create(Unsafe.Add(ref kt, 1)));
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector256.Create(Unsafe.Add(ref kt, 2)));
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector256.Create(Unsafe.Add(ref kt, 3)));
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector256.Create(Unsafe.Add(ref kt, 4)));
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector256.Create(Unsafe.Add(ref kt, 5)));
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector256.Create(Unsafe.Add(ref kt, 6)));
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector256.Create(Unsafe.Add(ref kt, 7)));
        }

        sa += a;
        sb += b;
        sc += c;
        sd += d;
        se += e;
        sf += f;
        sg += g;
        sh += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, ref Vector256<uint> d,
        Vector256<uint> e, Vector256<uint> f, Vector256<uint> g, ref Vector256<uint> h, Vector256<uint> kw)
    {
        var sigma1 = Xor3(Rotr(e, 6), Rotr(e, 11), Rotr(e, 25));
        var ch = Vector256.ConditionalSelect(e, f, g);
        var t1 = h + kw + sigma1 + ch;
        var sigma0 = Xor3(Rotr(a, 2), Rotr(a, 13), Rotr(a, 22));
        var maj = Vector256.ConditionalSelect(a ^ b, c, b);
        d += t1;
        h = t1 + sigma0 + maj;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] byte n) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(x, n)
            : Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, 0x96) : x ^ y ^ z;
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// Sixteen-lane HMAC-SHA256: lane k of every <see cref="Vector512{T}"/> belongs to message k of a group of
/// sixteen. Messages are loaded with masked byte loads (which never touch bytes outside the message), padded
/// in registers, byte-swapped and transposed into words. Lanes of different lengths share a group: a lane
/// whose message has fewer blocks keeps its state while the others continue.
/// </summary>
[SkipLocalsInit]
internal static unsafe class HmacSha256x16
{
    /// <summary>Messages per group.</summary>
    public const int Lanes = 16;

    /// <summary>Scratch a caller passes: 64 schedule vectors plus 8 output vectors.</summary>
    public const int ScratchBytes = (64 + 8) * 64;

    public static bool IsSupported => Avx512F.IsSupported && Avx512BW.IsSupported;

    /// <summary>
    /// HMAC of messages <paramref name="first"/> .. <paramref name="first"/> + <paramref name="active"/> - 1
    /// (1 &lt;= active &lt;= 16); the unused lanes repeat the last message and their results are dropped.
    /// <paramref name="innerStart"/> and <paramref name="outerStart"/> are the key's two states folded by
    /// <see cref="Sha256FoldedStart.From"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Group(
        HmacSha256Key key, in Sha256FoldedStart innerStart, in Sha256FoldedStart outerStart, byte* data, int* offsets, int first, int active, byte* destination, Vector512<uint>* scratch)
    {
        int* starts = stackalloc int[Lanes];
        uint* lengths = stackalloc uint[Lanes];
        uint* blocks = stackalloc uint[Lanes];
        Vector512<uint> blockCounts;
        Vector512<uint> lengthLow;
        Vector512<uint> lengthHigh;
        int maxBlocks;
        int minBlocks;
        int uniformShortLength = -1;
        if (active == Lanes)
        {
            var begin = Vector512.Load(offsets + first);
            var length = (Vector512.Load(offsets + first + 1) - begin).AsUInt32();
            blockCounts = (length + Vector512.Create(9u + 63u)) >> 6;
            var bytes = length + Vector512.Create(64u);
            lengthLow = bytes << 3;
            lengthHigh = bytes >> 29;
            begin.Store(starts);
            length.Store(lengths);
            blockCounts.Store(blocks);
            maxBlocks = minBlocks = (int)blocks[0];
            if (Vector512.EqualsAll(length, Vector512.Create(lengths[0])) && lengths[0] <= MaxSingleBlockLength)
            {
                uniformShortLength = (int)lengths[0];
            }
            else if (!Vector512.EqualsAll(blockCounts, Vector512.Create(blocks[0])))
            {
                for (int k = 1; k < Lanes; k++)
                {
                    maxBlocks = Math.Max(maxBlocks, (int)blocks[k]);
                    minBlocks = Math.Min(minBlocks, (int)blocks[k]);
                }
            }
        }
        else
        {
            SetUpPartial(offsets, first, active, starts, lengths, blocks, out lengthLow, out lengthHigh, out maxBlocks, out minBlocks);
            blockCounts = Vector512.Load(blocks);
        }

        Vector512<uint>* w = scratch;

        ref readonly Sha256State inner = ref key.Inner;
        var a = Vector512.Create(inner[0]);
        var b = Vector512.Create(inner[1]);
        var c = Vector512.Create(inner[2]);
        var d = Vector512.Create(inner[3]);
        var e = Vector512.Create(inner[4]);
        var f = Vector512.Create(inner[5]);
        var g = Vector512.Create(inner[6]);
        var h = Vector512.Create(inner[7]);

        if (uniformShortLength >= 0)
        {
            LoadUniformShort(data, starts, uniformShortLength, w);
            if (uniformShortLength == FastHmacSha256.HashSize)
            {
                // A 32-byte message pads exactly like the outer block (0x80000000, six zeros, 768 bits).
                CompressOuter(inner, innerStart, w, out a, out b, out c, out d, out e, out f, out g, out h);
            }
            else
            {
                CompressSingleBlock(
                    inner, innerStart, w, (uint)Sha256Constants.InnerBitLength(uniformShortLength),
                    out a, out b, out c, out d, out e, out f, out g, out h);
            }

            maxBlocks = 0;
        }

        for (int j = 0; j < maxBlocks; j++)
        {
            LoadBlocks(data, starts, lengths, blocks, j, w);
            var last = Vector512.Equals(blockCounts, Vector512.Create((uint)j + 1));
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
                var running = Vector512.GreaterThan(blockCounts, Vector512.Create((uint)j));
                a = Vector512.ConditionalSelect(running, a, a0);
                b = Vector512.ConditionalSelect(running, b, b0);
                c = Vector512.ConditionalSelect(running, c, c0);
                d = Vector512.ConditionalSelect(running, d, d0);
                e = Vector512.ConditionalSelect(running, e, e0);
                f = Vector512.ConditionalSelect(running, f, f0);
                g = Vector512.ConditionalSelect(running, g, g0);
                h = Vector512.ConditionalSelect(running, h, h0);
            }
        }

        // Outer hash: one block holding the inner digest, the padding byte and the fixed bit length.
        w[0] = a;
        w[1] = b;
        w[2] = c;
        w[3] = d;
        w[4] = e;
        w[5] = f;
        w[6] = g;
        w[7] = h;
        CompressOuter(key.Outer, outerStart, w, out a, out b, out c, out d, out e, out f, out g, out h);

        StoreDigests(a, b, c, d, e, f, g, h, destination + ((long)first * FastHmacSha256.HashSize), active, scratch + 64);
    }

    /// <summary>Lane set-up for a group of fewer than sixteen messages: the unused lanes repeat the last one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SetUpPartial(
        int* offsets, int first, int active, int* starts, uint* lengths, uint* blocks,
        out Vector512<uint> lengthLow, out Vector512<uint> lengthHigh, out int maxBlocks, out int minBlocks)
    {
        uint* bitsLow = stackalloc uint[Lanes];
        uint* bitsHigh = stackalloc uint[Lanes];
        maxBlocks = 0;
        minBlocks = int.MaxValue;
        for (int k = 0; k < Lanes; k++)
        {
            int index = first + Math.Min(k, active - 1);
            int start = offsets[index];
            int length = offsets[index + 1] - start;
            int count = Sha256Constants.InnerBlockCount(length);
            ulong bits = Sha256Constants.InnerBitLength(length);
            starts[k] = start;
            lengths[k] = (uint)length;
            blocks[k] = (uint)count;
            bitsLow[k] = (uint)bits;
            bitsHigh[k] = (uint)(bits >> 32);
            maxBlocks = Math.Max(maxBlocks, count);
            minBlocks = Math.Min(minBlocks, count);
        }

        lengthLow = Vector512.Load(bitsLow);
        lengthHigh = Vector512.Load(bitsHigh);
    }

    /// <summary>Longest message whose inner hash is one block: 64 - 1 (0x80) - 8 (bit length).</summary>
    private const int MaxSingleBlockLength = 55;

    /// <summary>
    /// The common case of sixteen messages of one length of at most 55 bytes (fixed-length identifiers): one
    /// mask serves every lane, and the padding byte and bit length are the same word in every lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LoadUniformShort(byte* data, int* starts, int length, Vector512<uint>* w)
    {
        if (length == 0)
        {
            for (int i = 0; i < 16; i++)
            {
                w[i] = Vector512<uint>.Zero;
            }
        }
        else
        {
            var keep = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(Sha256Constants.KeepMask), (nuint)(64 - length));
            Transpose(
                LoadMasked(data + starts[0], keep), LoadMasked(data + starts[1], keep),
                LoadMasked(data + starts[2], keep), LoadMasked(data + starts[3], keep),
                LoadMasked(data + starts[4], keep), LoadMasked(data + starts[5], keep),
                LoadMasked(data + starts[6], keep), LoadMasked(data + starts[7], keep),
                LoadMasked(data + starts[8], keep), LoadMasked(data + starts[9], keep),
                LoadMasked(data + starts[10], keep), LoadMasked(data + starts[11], keep),
                LoadMasked(data + starts[12], keep), LoadMasked(data + starts[13], keep),
                LoadMasked(data + starts[14], keep), LoadMasked(data + starts[15], keep),
                w);
        }

        // Padding byte 0x80 at byte `length` of the big-endian words; bit length in word 15 (word 14 stays 0).
        w[length >> 2] |= Vector512.Create(0x80000000u >> (8 * (length & 3)));
        w[15] = Vector512.Create((uint)Sha256Constants.InnerBitLength(length));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> LoadMasked(byte* message, Vector512<byte> keep) =>
        Avx512BW.MaskLoad(message, keep, Vector512<byte>.Zero);

    /// <summary>Loads block <paramref name="j"/> of every lane (padded) and transposes it into w[0..15].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LoadBlocks(byte* data, int* starts, uint* lengths, uint* blocks, int j, Vector512<uint>* w)
    {
        var r0 = LoadLane(data + starts[0], lengths[0], blocks[0], j);
        var r1 = LoadLane(data + starts[1], lengths[1], blocks[1], j);
        var r2 = LoadLane(data + starts[2], lengths[2], blocks[2], j);
        var r3 = LoadLane(data + starts[3], lengths[3], blocks[3], j);
        var r4 = LoadLane(data + starts[4], lengths[4], blocks[4], j);
        var r5 = LoadLane(data + starts[5], lengths[5], blocks[5], j);
        var r6 = LoadLane(data + starts[6], lengths[6], blocks[6], j);
        var r7 = LoadLane(data + starts[7], lengths[7], blocks[7], j);
        var r8 = LoadLane(data + starts[8], lengths[8], blocks[8], j);
        var r9 = LoadLane(data + starts[9], lengths[9], blocks[9], j);
        var r10 = LoadLane(data + starts[10], lengths[10], blocks[10], j);
        var r11 = LoadLane(data + starts[11], lengths[11], blocks[11], j);
        var r12 = LoadLane(data + starts[12], lengths[12], blocks[12], j);
        var r13 = LoadLane(data + starts[13], lengths[13], blocks[13], j);
        var r14 = LoadLane(data + starts[14], lengths[14], blocks[14], j);
        var r15 = LoadLane(data + starts[15], lengths[15], blocks[15], j);

        Transpose(r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, w);
    }

    /// <summary>
    /// Byte-swaps and transposes sixteen lanes' blocks (rK = lane K's 64 message bytes) into w[i] = big-endian
    /// word i of every lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector512<byte> r0, Vector512<byte> r1, Vector512<byte> r2, Vector512<byte> r3,
        Vector512<byte> r4, Vector512<byte> r5, Vector512<byte> r6, Vector512<byte> r7,
        Vector512<byte> r8, Vector512<byte> r9, Vector512<byte> r10, Vector512<byte> r11,
        Vector512<byte> r12, Vector512<byte> r13, Vector512<byte> r14, Vector512<byte> r15,
        Vector512<uint>* w)
    {
        // 32-bit interleave of lane pairs (with the byte swap), then 64-bit interleave of pair pairs: in 128-bit
        // chunk q, uX holds word 4q+m of four consecutive lanes.
        SwapUnpack(r0, r1, out var t0, out var t1);
        SwapUnpack(r2, r3, out var t2, out var t3);
        SwapUnpack(r4, r5, out var t4, out var t5);
        SwapUnpack(r6, r7, out var t6, out var t7);
        SwapUnpack(r8, r9, out var t8, out var t9);
        SwapUnpack(r10, r11, out var t10, out var t11);
        SwapUnpack(r12, r13, out var t12, out var t13);
        SwapUnpack(r14, r15, out var t14, out var t15);

        var u0 = Lo64(t0, t2);
        var u1 = Hi64(t0, t2);
        var u2 = Lo64(t1, t3);
        var u3 = Hi64(t1, t3);
        var u4 = Lo64(t4, t6);
        var u5 = Hi64(t4, t6);
        var u6 = Lo64(t5, t7);
        var u7 = Hi64(t5, t7);
        var u8 = Lo64(t8, t10);
        var u9 = Hi64(t8, t10);
        var u10 = Lo64(t9, t11);
        var u11 = Hi64(t9, t11);
        var u12 = Lo64(t12, t14);
        var u13 = Hi64(t12, t14);
        var u14 = Lo64(t13, t15);
        var u15 = Hi64(t13, t15);

        Gather128(u0, u4, u8, u12, w, 0);
        Gather128(u1, u5, u9, u13, w, 1);
        Gather128(u2, u6, u10, u14, w, 2);
        Gather128(u3, u7, u11, u15, w, 3);
    }

    /// <summary>Combines chunk q of the four inputs into w[4q + m] for q = 0..3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gather128(Vector512<uint> p, Vector512<uint> q, Vector512<uint> r, Vector512<uint> s, Vector512<uint>* w, int m)
    {
        var pq01 = Avx512F.Shuffle4x128(p, q, 0x44);
        var pq23 = Avx512F.Shuffle4x128(p, q, 0xEE);
        var rs01 = Avx512F.Shuffle4x128(r, s, 0x44);
        var rs23 = Avx512F.Shuffle4x128(r, s, 0xEE);
        w[m] = Avx512F.Shuffle4x128(pq01, rs01, 0x88);
        w[4 + m] = Avx512F.Shuffle4x128(pq01, rs01, 0xDD);
        w[8 + m] = Avx512F.Shuffle4x128(pq23, rs23, 0x88);
        w[12 + m] = Avx512F.Shuffle4x128(pq23, rs23, 0xDD);
    }

    /// <summary>Block j of one lane's message bytes, with the 0x80 padding byte; length words are added later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> LoadLane(byte* message, uint length, uint blockCount, int j)
    {
        if ((uint)j >= blockCount)
        {
            return Vector512<byte>.Zero;
        }

        int remaining = (int)length - (j * 64);
        Vector512<byte> bytes;
        if (remaining >= 64)
        {
            bytes = Vector512.Load(message + (j * 64));
        }
        else if (remaining > 0)
        {
            ref byte keep = ref MemoryMarshal.GetReference(Sha256Constants.KeepMask);
            ref byte pad = ref MemoryMarshal.GetReference(Sha256Constants.PadByte);
            var mask = Vector512.LoadUnsafe(ref keep, (nuint)(64 - remaining));
            bytes = Avx512BW.MaskLoad(message + (j * 64), mask, Vector512<byte>.Zero)
                | Vector512.LoadUnsafe(ref pad, (nuint)(64 - remaining));
        }
        else if (remaining == 0)
        {
            bytes = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(Sha256Constants.PadByte), 64);
        }
        else
        {
            return Vector512<byte>.Zero;
        }

        return bytes;
    }

    /// <summary>
    /// <c>UnpackLow(x, y)</c> and <c>UnpackHigh(x, y)</c> of the byte-swapped words: one <c>vpermt2b</c> each with
    /// AVX-512 VBMI, else a <c>vpshufb</c> per input and the two unpacks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SwapUnpack(Vector512<byte> x, Vector512<byte> y, out Vector512<uint> low, out Vector512<uint> high)
    {
        if (Avx512Vbmi.IsSupported)
        {
            low = Avx512Vbmi.PermuteVar64x8x2(x, Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(Sha256Constants.SwapUnpackLow)), y).AsUInt32();
            high = Avx512Vbmi.PermuteVar64x8x2(x, Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(Sha256Constants.SwapUnpackHigh)), y).AsUInt32();
        }
        else
        {
            var swap = ByteSwapMask();
            var xs = Avx512BW.Shuffle(x, swap).AsUInt32();
            var ys = Avx512BW.Shuffle(y, swap).AsUInt32();
            low = Avx512F.UnpackLow(xs, ys);
            high = Avx512F.UnpackHigh(xs, ys);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ByteSwapMask() =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(Sha256Constants.ByteSwap));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Lo64(Vector512<uint> x, Vector512<uint> y) =>
        Avx512F.UnpackLow(x.AsUInt64(), y.AsUInt64()).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Hi64(Vector512<uint> x, Vector512<uint> y) =>
        Avx512F.UnpackHigh(x.AsUInt64(), y.AsUInt64()).AsUInt32();

    /// <summary>Writes lane k's digest (eight big-endian words) to destination[32k..] for k &lt; active.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StoreDigests(
        Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, Vector512<uint> h,
        byte* destination, int active, Vector512<uint>* scratch)
    {
        SwapUnpack(a.AsByte(), b.AsByte(), out var ab0, out var ab1);
        SwapUnpack(c.AsByte(), d.AsByte(), out var cd0, out var cd1);
        SwapUnpack(e.AsByte(), f.AsByte(), out var ef0, out var ef1);
        SwapUnpack(g.AsByte(), h.AsByte(), out var gh0, out var gh1);

        // uM chunk q = words 0..3 of lane 4q+m; vM chunk q = words 4..7 of lane 4q+m.
        var u0 = Lo64(ab0, cd0);
        var u1 = Hi64(ab0, cd0);
        var u2 = Lo64(ab1, cd1);
        var u3 = Hi64(ab1, cd1);
        var v0 = Lo64(ef0, gh0);
        var v1 = Hi64(ef0, gh0);
        var v2 = Lo64(ef1, gh1);
        var v3 = Hi64(ef1, gh1);
        if (active == Lanes)
        {
            StoreLanePairs(u0, v0, u1, v1, destination);
            StoreLanePairs(u2, v2, u3, v3, destination + (2 * FastHmacSha256.HashSize));
            return;
        }

        scratch[0] = u0;
        scratch[1] = u1;
        scratch[2] = u2;
        scratch[3] = u3;
        scratch[4] = v0;
        scratch[5] = v1;
        scratch[6] = v2;
        scratch[7] = v3;
        var chunks = (Vector128<uint>*)scratch;
        for (int lane = 0; lane < active; lane++)
        {
            int m = lane & 3;
            int q = lane >> 2;
            byte* target = destination + (lane * FastHmacSha256.HashSize);
            Vector128.Store(chunks[(m * 4) + q], (uint*)target);
            Vector128.Store(chunks[((4 + m) * 4) + q], (uint*)(target + 16));
        }
    }

    /// <summary>
    /// Stores lanes m, m + 1, 4 + m, 5 + m, 8 + m, 9 + m, 12 + m and 13 + m (m = 0 or 2) as four 64-byte rows of two
    /// digests: chunk q of <paramref name="low0"/> and <paramref name="high0"/> holds words 0..3 and 4..7 of lane
    /// 4q + m, of <paramref name="low1"/> and <paramref name="high1"/> those of lane 4q + m + 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreLanePairs(Vector512<uint> low0, Vector512<uint> high0, Vector512<uint> low1, Vector512<uint> high1, byte* lane)
    {
        var first0 = Avx512F.Shuffle4x128(low0, high0, 0x44);   // lanes m, 4 + m: low, low, high, high
        var last0 = Avx512F.Shuffle4x128(low0, high0, 0xEE);    // lanes 8 + m, 12 + m
        var first1 = Avx512F.Shuffle4x128(low1, high1, 0x44);
        var last1 = Avx512F.Shuffle4x128(low1, high1, 0xEE);
        Avx512F.Shuffle4x128(first0, first1, 0x88).Store((uint*)lane);
        Avx512F.Shuffle4x128(first0, first1, 0xDD).Store((uint*)(lane + (4 * FastHmacSha256.HashSize)));
        Avx512F.Shuffle4x128(last0, last1, 0x88).Store((uint*)(lane + (8 * FastHmacSha256.HashSize)));
        Avx512F.Shuffle4x128(last0, last1, 0xDD).Store((uint*)(lane + (12 * FastHmacSha256.HashSize)));
    }

    /// <summary>
    /// One SHA-256 compression of sixteen lanes; w[0..15] holds the block, w[16..63] is filled here. The message
    /// schedule runs sixteen rounds ahead inside the round loop, so it fills the gaps of the rounds' dependency chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress(
        ref Vector512<uint> sa, ref Vector512<uint> sb, ref Vector512<uint> sc, ref Vector512<uint> sd,
        ref Vector512<uint> se, ref Vector512<uint> sf, ref Vector512<uint> sg, ref Vector512<uint> sh,
        Vector512<uint>* w)
    {
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
        Vector512<uint>* wt = w;
        for (int t = 0; t < 48; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector512.Create(kt));
            Schedule(wt);
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector512.Create(Unsafe.Add(ref kt, 1)));
            Schedule(wt + 1);
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector512.Create(Unsafe.Add(ref kt, 2)));
            Schedule(wt + 2);
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector512.Create(Unsafe.Add(ref kt, 3)));
            Schedule(wt + 3);
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector512.Create(Unsafe.Add(ref kt, 4)));
            Schedule(wt + 4);
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector512.Create(Unsafe.Add(ref kt, 5)));
            Schedule(wt + 5);
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector512.Create(Unsafe.Add(ref kt, 6)));
            Schedule(wt + 6);
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector512.Create(Unsafe.Add(ref kt, 7)));
            Schedule(wt + 7);
        }

        kt = ref Unsafe.Add(ref k, 48);
        wt = w + 48;
        for (int t = 48; t < 64; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector512.Create(kt));
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector512.Create(Unsafe.Add(ref kt, 1)));
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector512.Create(Unsafe.Add(ref kt, 2)));
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector512.Create(Unsafe.Add(ref kt, 3)));
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector512.Create(Unsafe.Add(ref kt, 4)));
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector512.Create(Unsafe.Add(ref kt, 5)));
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector512.Create(Unsafe.Add(ref kt, 6)));
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector512.Create(Unsafe.Add(ref kt, 7)));
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

    /// <summary>
    /// The inner compression of messages of at most 55 bytes, all of one length: word 14 is zero and word 15 the
    /// same bit length in every lane, so their schedule terms and round inputs fold into constants.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompressSingleBlock(
        in Sha256State start, in Sha256FoldedStart folded, Vector512<uint>* w, uint bitLength,
        out Vector512<uint> sa, out Vector512<uint> sb, out Vector512<uint> sc, out Vector512<uint> sd,
        out Vector512<uint> se, out Vector512<uint> sf, out Vector512<uint> sg, out Vector512<uint> sh)
    {
        ref uint k = ref MemoryMarshal.GetArrayDataReference(Sha256Constants.K);
        var c15 = Vector512.Create(bitLength);
        var s17 = Vector512.Create(Sha256Scalar.SmallSigma1(bitLength));
        var s30 = Vector512.Create(Sha256Scalar.SmallSigma0(bitLength));
        var k15 = Vector512.Create(unchecked(Unsafe.Add(ref k, 15) + bitLength));

        // Round 0 from the key's start state is two additions; rounds 1..3 add h + K[t] as one constant.
        var w0 = w[0];
        var a = Vector512.Create(start[0]);
        var b = Vector512.Create(start[1]);
        var c = Vector512.Create(start[2]);
        var d = w0 + Vector512.Create(folded.E1);
        var e = Vector512.Create(start[4]);
        var f = Vector512.Create(start[5]);
        var g = Vector512.Create(start[6]);
        var h = w0 + Vector512.Create(folded.A1);
        w[16] = w0 + SmallSigma0(w[1]) + w[9];
        RoundSummed(h, a, b, ref c, d, e, f, ref g, w[1] + Vector512.Create(folded.HK1));
        w[17] = w[1] + SmallSigma0(w[2]) + w[10] + s17;
        RoundSummed(g, h, a, ref b, c, d, e, ref f, w[2] + Vector512.Create(folded.HK2));
        w[18] = w[2] + SmallSigma0(w[3]) + w[11] + SmallSigma1(w[16]);
        RoundSummed(f, g, h, ref a, b, c, d, ref e, w[3] + Vector512.Create(folded.HK3));
        w[19] = w[3] + SmallSigma0(w[4]) + w[12] + SmallSigma1(w[17]);
        Round(e, f, g, ref h, a, b, c, ref d, w[4] + Vector512.Create(Unsafe.Add(ref k, 4)));
        w[20] = w[4] + SmallSigma0(w[5]) + w[13] + SmallSigma1(w[18]);
        Round(d, e, f, ref g, h, a, b, ref c, w[5] + Vector512.Create(Unsafe.Add(ref k, 5)));
        w[21] = w[5] + SmallSigma0(w[6]) + SmallSigma1(w[19]);
        Round(c, d, e, ref f, g, h, a, ref b, w[6] + Vector512.Create(Unsafe.Add(ref k, 6)));
        w[22] = w[6] + SmallSigma0(w[7]) + SmallSigma1(w[20]) + c15;
        Round(b, c, d, ref e, f, g, h, ref a, w[7] + Vector512.Create(Unsafe.Add(ref k, 7)));
        w[23] = w[7] + SmallSigma0(w[8]) + w[16] + SmallSigma1(w[21]);

        Round(a, b, c, ref d, e, f, g, ref h, w[8] + Vector512.Create(Unsafe.Add(ref k, 8)));
        w[24] = w[8] + SmallSigma0(w[9]) + w[17] + SmallSigma1(w[22]);
        Round(h, a, b, ref c, d, e, f, ref g, w[9] + Vector512.Create(Unsafe.Add(ref k, 9)));
        w[25] = w[9] + SmallSigma0(w[10]) + w[18] + SmallSigma1(w[23]);
        Round(g, h, a, ref b, c, d, e, ref f, w[10] + Vector512.Create(Unsafe.Add(ref k, 10)));
        w[26] = w[10] + SmallSigma0(w[11]) + w[19] + SmallSigma1(w[24]);
        Round(f, g, h, ref a, b, c, d, ref e, w[11] + Vector512.Create(Unsafe.Add(ref k, 11)));
        w[27] = w[11] + SmallSigma0(w[12]) + w[20] + SmallSigma1(w[25]);
        Round(e, f, g, ref h, a, b, c, ref d, w[12] + Vector512.Create(Unsafe.Add(ref k, 12)));
        w[28] = w[12] + SmallSigma0(w[13]) + w[21] + SmallSigma1(w[26]);
        Round(d, e, f, ref g, h, a, b, ref c, w[13] + Vector512.Create(Unsafe.Add(ref k, 13)));
        w[29] = w[13] + w[22] + SmallSigma1(w[27]);
        Round(c, d, e, ref f, g, h, a, ref b, Vector512.Create(Unsafe.Add(ref k, 14)));
        w[30] = w[23] + SmallSigma1(w[28]) + s30;
        Round(b, c, d, ref e, f, g, h, ref a, k15);
        w[31] = c15 + SmallSigma0(w[16]) + w[24] + SmallSigma1(w[29]);

        ref uint kt = ref Unsafe.Add(ref k, 16);
        Vector512<uint>* wt = w + 16;
        for (int t = 16; t < 48; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector512.Create(kt));
            Schedule(wt);
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector512.Create(Unsafe.Add(ref kt, 1)));
            Schedule(wt + 1);
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector512.Create(Unsafe.Add(ref kt, 2)));
            Schedule(wt + 2);
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector512.Create(Unsafe.Add(ref kt, 3)));
            Schedule(wt + 3);
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector512.Create(Unsafe.Add(ref kt, 4)));
            Schedule(wt + 4);
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector512.Create(Unsafe.Add(ref kt, 5)));
            Schedule(wt + 5);
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector512.Create(Unsafe.Add(ref kt, 6)));
            Schedule(wt + 6);
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector512.Create(Unsafe.Add(ref kt, 7)));
            Schedule(wt + 7);
        }

        kt = ref Unsafe.Add(ref k, 48);
        wt = w + 48;
        for (int t = 48; t < 64; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector512.Create(kt));
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector512.Create(Unsafe.Add(ref kt, 1)));
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector512.Create(Unsafe.Add(ref kt, 2)));
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector512.Create(Unsafe.Add(ref kt, 3)));
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector512.Create(Unsafe.Add(ref kt, 4)));
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector512.Create(Unsafe.Add(ref kt, 5)));
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector512.Create(Unsafe.Add(ref kt, 6)));
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector512.Create(Unsafe.Add(ref kt, 7)));
        }

        sa = a + Vector512.Create(start[0]);
        sb = b + Vector512.Create(start[1]);
        sc = c + Vector512.Create(start[2]);
        sd = d + Vector512.Create(start[3]);
        se = e + Vector512.Create(start[4]);
        sf = f + Vector512.Create(start[5]);
        sg = g + Vector512.Create(start[6]);
        sh = h + Vector512.Create(start[7]);
    }

    /// <summary>
    /// The outer compression: w[0..7] holds the inner digest, and words 8..15 are the fixed padding
    /// (0x80000000, six zeros, the bit length 768), so their schedule terms and round inputs are constants.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompressOuter(
        in Sha256State start, in Sha256FoldedStart folded, Vector512<uint>* w,
        out Vector512<uint> sa, out Vector512<uint> sb, out Vector512<uint> sc, out Vector512<uint> sd,
        out Vector512<uint> se, out Vector512<uint> sf, out Vector512<uint> sg, out Vector512<uint> sh)
    {
        ref uint k = ref MemoryMarshal.GetArrayDataReference(Sha256Constants.K);
        ref uint kw = ref MemoryMarshal.GetArrayDataReference(Sha256Constants.OuterRoundInputs);
        ref uint cs = ref MemoryMarshal.GetArrayDataReference(Sha256Constants.OuterScheduleConstants);

        // Rounds 0..7 (message words 0..7) while words 16..23 are scheduled without the zero terms. Round 0 from
        // the key's start state is two additions; rounds 1..3 add h + K[t] as one constant.
        var w0 = w[0];
        var a = Vector512.Create(start[0]);
        var b = Vector512.Create(start[1]);
        var c = Vector512.Create(start[2]);
        var d = w0 + Vector512.Create(folded.E1);
        var e = Vector512.Create(start[4]);
        var f = Vector512.Create(start[5]);
        var g = Vector512.Create(start[6]);
        var h = w0 + Vector512.Create(folded.A1);
        w[16] = w0 + SmallSigma0(w[1]);
        RoundSummed(h, a, b, ref c, d, e, f, ref g, w[1] + Vector512.Create(folded.HK1));
        w[17] = w[1] + SmallSigma0(w[2]) + Vector512.Create(Unsafe.Add(ref cs, 0));
        RoundSummed(g, h, a, ref b, c, d, e, ref f, w[2] + Vector512.Create(folded.HK2));
        w[18] = w[2] + SmallSigma0(w[3]) + SmallSigma1(w[16]);
        RoundSummed(f, g, h, ref a, b, c, d, ref e, w[3] + Vector512.Create(folded.HK3));
        w[19] = w[3] + SmallSigma0(w[4]) + SmallSigma1(w[17]);
        Round(e, f, g, ref h, a, b, c, ref d, w[4] + Vector512.Create(Unsafe.Add(ref k, 4)));
        w[20] = w[4] + SmallSigma0(w[5]) + SmallSigma1(w[18]);
        Round(d, e, f, ref g, h, a, b, ref c, w[5] + Vector512.Create(Unsafe.Add(ref k, 5)));
        w[21] = w[5] + SmallSigma0(w[6]) + SmallSigma1(w[19]);
        Round(c, d, e, ref f, g, h, a, ref b, w[6] + Vector512.Create(Unsafe.Add(ref k, 6)));
        w[22] = w[6] + SmallSigma0(w[7]) + SmallSigma1(w[20]) + Vector512.Create(Unsafe.Add(ref cs, 1));
        Round(b, c, d, ref e, f, g, h, ref a, w[7] + Vector512.Create(Unsafe.Add(ref k, 7)));
        w[23] = w[7] + w[16] + SmallSigma1(w[21]) + Vector512.Create(Unsafe.Add(ref cs, 2));

        // Rounds 8..15 take the constant padding words; words 24..31 lose their zero terms.
        Round(a, b, c, ref d, e, f, g, ref h, Vector512.Create(Unsafe.Add(ref kw, 0)));
        w[24] = w[17] + SmallSigma1(w[22]) + Vector512.Create(Unsafe.Add(ref cs, 3));
        Round(h, a, b, ref c, d, e, f, ref g, Vector512.Create(Unsafe.Add(ref kw, 1)));
        w[25] = w[18] + SmallSigma1(w[23]);
        Round(g, h, a, ref b, c, d, e, ref f, Vector512.Create(Unsafe.Add(ref kw, 2)));
        w[26] = w[19] + SmallSigma1(w[24]);
        Round(f, g, h, ref a, b, c, d, ref e, Vector512.Create(Unsafe.Add(ref kw, 3)));
        w[27] = w[20] + SmallSigma1(w[25]);
        Round(e, f, g, ref h, a, b, c, ref d, Vector512.Create(Unsafe.Add(ref kw, 4)));
        w[28] = w[21] + SmallSigma1(w[26]);
        Round(d, e, f, ref g, h, a, b, ref c, Vector512.Create(Unsafe.Add(ref kw, 5)));
        w[29] = w[22] + SmallSigma1(w[27]);
        Round(c, d, e, ref f, g, h, a, ref b, Vector512.Create(Unsafe.Add(ref kw, 6)));
        w[30] = w[23] + SmallSigma1(w[28]) + Vector512.Create(Unsafe.Add(ref cs, 4));
        Round(b, c, d, ref e, f, g, h, ref a, Vector512.Create(Unsafe.Add(ref kw, 7)));
        w[31] = w[24] + SmallSigma0(w[16]) + SmallSigma1(w[29]) + Vector512.Create(Unsafe.Add(ref cs, 5));

        ref uint kt = ref Unsafe.Add(ref k, 16);
        Vector512<uint>* wt = w + 16;
        for (int t = 16; t < 48; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector512.Create(kt));
            Schedule(wt);
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector512.Create(Unsafe.Add(ref kt, 1)));
            Schedule(wt + 1);
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector512.Create(Unsafe.Add(ref kt, 2)));
            Schedule(wt + 2);
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector512.Create(Unsafe.Add(ref kt, 3)));
            Schedule(wt + 3);
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector512.Create(Unsafe.Add(ref kt, 4)));
            Schedule(wt + 4);
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector512.Create(Unsafe.Add(ref kt, 5)));
            Schedule(wt + 5);
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector512.Create(Unsafe.Add(ref kt, 6)));
            Schedule(wt + 6);
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector512.Create(Unsafe.Add(ref kt, 7)));
            Schedule(wt + 7);
        }

        kt = ref Unsafe.Add(ref k, 48);
        wt = w + 48;
        for (int t = 48; t < 64; t += 8, wt += 8, kt = ref Unsafe.Add(ref kt, 8))
        {
            Round(a, b, c, ref d, e, f, g, ref h, wt[0] + Vector512.Create(kt));
            Round(h, a, b, ref c, d, e, f, ref g, wt[1] + Vector512.Create(Unsafe.Add(ref kt, 1)));
            Round(g, h, a, ref b, c, d, e, ref f, wt[2] + Vector512.Create(Unsafe.Add(ref kt, 2)));
            Round(f, g, h, ref a, b, c, d, ref e, wt[3] + Vector512.Create(Unsafe.Add(ref kt, 3)));
            Round(e, f, g, ref h, a, b, c, ref d, wt[4] + Vector512.Create(Unsafe.Add(ref kt, 4)));
            Round(d, e, f, ref g, h, a, b, ref c, wt[5] + Vector512.Create(Unsafe.Add(ref kt, 5)));
            Round(c, d, e, ref f, g, h, a, ref b, wt[6] + Vector512.Create(Unsafe.Add(ref kt, 6)));
            Round(b, c, d, ref e, f, g, h, ref a, wt[7] + Vector512.Create(Unsafe.Add(ref kt, 7)));
        }

        sa = a + Vector512.Create(start[0]);
        sb = b + Vector512.Create(start[1]);
        sc = c + Vector512.Create(start[2]);
        sd = d + Vector512.Create(start[3]);
        se = e + Vector512.Create(start[4]);
        sf = f + Vector512.Create(start[5]);
        sg = g + Vector512.Create(start[6]);
        sh = h + Vector512.Create(start[7]);
    }

    /// <summary>w[16] = w[0] + σ0(w[1]) + w[9] + σ1(w[14]), relative to <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Schedule(Vector512<uint>* w) =>
        w[16] = w[0] + SmallSigma0(w[1]) + w[9] + SmallSigma1(w[14]);

    /// <summary>One round; <paramref name="kw"/> is K[t] + W[t].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, Vector512<uint> kw) =>
        RoundSummed(a, b, c, ref d, e, f, g, ref h, h + kw);

    /// <summary>
    /// One round whose h + K[t] + W[t] is already summed in <paramref name="hkw"/>; <paramref name="h"/> only
    /// receives the new a. The sums put the terms that depend on this round's e and a last, so e to the next e
    /// is four operations deep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundSummed(
        Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, Vector512<uint> hkw)
    {
        var sigma1 = Avx512F.TernaryLogic(Avx512F.RotateRight(e, 6), Avx512F.RotateRight(e, 11), Avx512F.RotateRight(e, 25), 0x96);
        var ch = Avx512F.TernaryLogic(e, f, g, 0xCA);
        var t1 = (hkw + ch) + sigma1;
        var sigma0 = Avx512F.TernaryLogic(Avx512F.RotateRight(a, 2), Avx512F.RotateRight(a, 13), Avx512F.RotateRight(a, 22), 0x96);
        var maj = Avx512F.TernaryLogic(a, b, c, 0xE8);
        d += t1;
        h = t1 + (sigma0 + maj);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> SmallSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 7), Avx512F.RotateRight(x, 18), Avx512F.ShiftRightLogical(x, 3), 0x96);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> SmallSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 17), Avx512F.RotateRight(x, 19), Avx512F.ShiftRightLogical(x, 10), 0x96);
}

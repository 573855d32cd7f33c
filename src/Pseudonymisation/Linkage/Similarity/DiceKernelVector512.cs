using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>
/// AVX-512 Dice kernel. .NET 10 exposes no VPOPCNTQ, so bytes are counted with a 128-entry table look-up
/// (vpermi2b reads the low 7 bits of each index byte). The eighth bit of the bytes of both halves is counted in
/// one go: vpavgb of the two masked halves gives 64 × (number of set top bits) per byte, which a shift turns
/// into 0, 1 or 2. Eight queries sit in registers (16 zmm); each candidate (two 512-bit loads) is read once per
/// eight comparisons. The per-lane sums (vpsadbw) of four queries are packed into the 16-bit fields of one
/// vector, the two packed vectors are reduced together, and the eight scores are computed and stored as one
/// 256-bit vector of floats.
/// </summary>
internal static class DiceKernelVector512
{
    public const int Tile = 8;

    private const int W = BloomFilterStore.Words;

    private static ReadOnlySpan<byte> Table =>
    [
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5,
        1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
        1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5, 2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
        2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6, 3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7,
    ];

    /// <summary>Scores <c>scores[c * nq + q]</c>; queries beyond the last full tile go one at a time.</summary>
    public static void Score(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ushort> queryPopcounts,
        ReadOnlySpan<ulong> candidates,
        ReadOnlySpan<ushort> candidatePopcounts,
        Span<float> scores)
    {
        var nq = queryPopcounts.Length;
        var nc = candidatePopcounts.Length;
        var lower = Vector512.Create(Table[..64]);
        var upper = Vector512.Create(Table[64..]);
        var top = Vector512.Create((byte)0x80);
        ref var qB = ref MemoryMarshal.GetReference(queries);
        ref var cB = ref MemoryMarshal.GetReference(candidates);
        ref var cP = ref MemoryMarshal.GetReference(candidatePopcounts);
        ref var sB = ref MemoryMarshal.GetReference(scores);

        var q = 0;
        for (; q + Tile <= nq; q += Tile)
        {
            var o = (nuint)(q * W);
            var q0a = Vector512.LoadUnsafe(ref qB, o).AsByte();
            var q0b = Vector512.LoadUnsafe(ref qB, o + 8).AsByte();
            var q1a = Vector512.LoadUnsafe(ref qB, o + 16).AsByte();
            var q1b = Vector512.LoadUnsafe(ref qB, o + 24).AsByte();
            var q2a = Vector512.LoadUnsafe(ref qB, o + 32).AsByte();
            var q2b = Vector512.LoadUnsafe(ref qB, o + 40).AsByte();
            var q3a = Vector512.LoadUnsafe(ref qB, o + 48).AsByte();
            var q3b = Vector512.LoadUnsafe(ref qB, o + 56).AsByte();
            var q4a = Vector512.LoadUnsafe(ref qB, o + 64).AsByte();
            var q4b = Vector512.LoadUnsafe(ref qB, o + 72).AsByte();
            var q5a = Vector512.LoadUnsafe(ref qB, o + 80).AsByte();
            var q5b = Vector512.LoadUnsafe(ref qB, o + 88).AsByte();
            var q6a = Vector512.LoadUnsafe(ref qB, o + 96).AsByte();
            var q6b = Vector512.LoadUnsafe(ref qB, o + 104).AsByte();
            var q7a = Vector512.LoadUnsafe(ref qB, o + 112).AsByte();
            var q7b = Vector512.LoadUnsafe(ref qB, o + 120).AsByte();
            var pa = Vector256.Create(
                (int)queryPopcounts[q], queryPopcounts[q + 1], queryPopcounts[q + 2], queryPopcounts[q + 3],
                queryPopcounts[q + 4], queryPopcounts[q + 5], queryPopcounts[q + 6], queryPopcounts[q + 7]);

            for (var c = 0; c < nc; c++)
            {
                var ca = Vector512.LoadUnsafe(ref cB, (nuint)(c * W)).AsByte();
                var cb = Vector512.LoadUnsafe(ref cB, (nuint)((c * W) + 8)).AsByte();
                var s0 = Lanes(q0a & ca, q0b & cb, lower, upper, top);
                var s1 = Lanes(q1a & ca, q1b & cb, lower, upper, top);
                var s2 = Lanes(q2a & ca, q2b & cb, lower, upper, top);
                var s3 = Lanes(q3a & ca, q3b & cb, lower, upper, top);
                var s4 = Lanes(q4a & ca, q4b & cb, lower, upper, top);
                var s5 = Lanes(q5a & ca, q5b & cb, lower, upper, top);
                var s6 = Lanes(q6a & ca, q6b & cb, lower, upper, top);
                var s7 = Lanes(q7a & ca, q7b & cb, lower, upper, top);
                var a = s0 | (s1 << 16) | (s2 << 32) | (s3 << 48);
                var b = s4 | (s5 << 16) | (s6 << 32) | (s7 << 48);
                var ab = Avx512F.Shuffle4x128(a, b, 0x44) + Avx512F.Shuffle4x128(a, b, 0xEE);
                ab += Avx512F.Shuffle4x128(ab, ab, 0xB1);
                ab += Avx512F.Shuffle(ab.AsUInt32(), 0x4E).AsUInt64();
                var packed = Vector128.Create(ab.GetElement(0), ab.GetElement(4)).AsUInt16();
                var counts = Vector256.WidenLower(packed.ToVector256Unsafe()).AsInt32();
                var sums = pa + Vector256.Create((int)Unsafe.Add(ref cP, c));
                var dice = Vector256.ConvertToSingle(counts + counts) / Vector256.ConvertToSingle(sums);
                dice = Vector256.ConditionalSelect(Vector256.Equals(sums, Vector256<int>.Zero).AsSingle(), Vector256<float>.Zero, dice);
                dice.StoreUnsafe(ref sB, (nuint)((c * nq) + q));
            }
        }

        for (; q < nq; q++)
        {
            var o = (nuint)(q * W);
            var qa = Vector512.LoadUnsafe(ref qB, o).AsByte();
            var qb = Vector512.LoadUnsafe(ref qB, o + 8).AsByte();
            int pq = queryPopcounts[q];
            for (var c = 0; c < nc; c++)
            {
                var ca = Vector512.LoadUnsafe(ref cB, (nuint)(c * W)).AsByte();
                var cb = Vector512.LoadUnsafe(ref cB, (nuint)((c * W) + 8)).AsByte();
                var count = (int)Vector512.Sum(Lanes(qa & ca, qb & cb, lower, upper, top));
                Unsafe.Add(ref sB, (c * nq) + q) = DiceKernel.FromCounts(count, pq + Unsafe.Add(ref cP, c));
            }
        }
    }

    /// <summary>Per-64-bit-lane popcount of the two halves of one intersection.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Lanes(Vector512<byte> x0, Vector512<byte> x1, Vector512<byte> lower, Vector512<byte> upper, Vector512<byte> top)
    {
        var topBits = Avx512BW.Average(x0 & top, x1 & top);
        var bytes = Avx512Vbmi.PermuteVar64x8x2(lower, x0, upper)
            + Avx512Vbmi.PermuteVar64x8x2(lower, x1, upper)
            + Vector512.ShiftRightLogical(topBits.AsUInt16(), 6).AsByte();
        return Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
    }
}

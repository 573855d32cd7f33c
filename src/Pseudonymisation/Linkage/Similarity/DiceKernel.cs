using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>
/// Dice similarity 2|A∧B| / (|A| + |B|) of 1024-bit encodings, scored many at a time: <c>scores[c * queryCount + q]</c> (candidate-major, so a tile of queries is one store). The popcounts |A| and |B|
/// are precomputed per record; the kernel only counts the intersection. Scores are single-precision and
/// bit-identical on every path (the same integer counts go through the same IEEE division). Two empty
/// encodings score 0: no evidence is not agreement. The kernel allocates nothing.
/// </summary>
public static class DiceKernel
{
    private const int W = BloomFilterStore.Words;

    /// <summary>The fastest path this machine supports, chosen once at start.</summary>
    public static DiceKernelPath Best { get; } =
        IsSupported(DiceKernelPath.Vector512HarleySeal) ? DiceKernelPath.Vector512HarleySeal
        : IsSupported(DiceKernelPath.Vector512) ? DiceKernelPath.Vector512
        : IsSupported(DiceKernelPath.Vector256) ? DiceKernelPath.Vector256
        : DiceKernelPath.Scalar;

    /// <summary>Whether <paramref name="path"/> can run on this machine.</summary>
    public static bool IsSupported(DiceKernelPath path) => path switch
    {
        DiceKernelPath.Scalar => true,
        DiceKernelPath.Vector256 => Avx2.IsSupported,
        DiceKernelPath.Vector512 => Avx512BW.IsSupported && Avx512Vbmi.IsSupported,
        DiceKernelPath.Vector512HarleySeal => Avx512F.IsSupported && Avx512BW.IsSupported && Avx512Vbmi.IsSupported,
        _ => false,
    };

    /// <summary>Dice of one pair of encodings (16 words each).</summary>
    public static float Dice(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(a.Length, W, nameof(a));
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Length, W, nameof(b));
        int pa = 0, pb = 0, pab = 0;
        for (var i = 0; i < W; i++)
        {
            pa += BitOperations.PopCount(a[i]);
            pb += BitOperations.PopCount(b[i]);
            pab += BitOperations.PopCount(a[i] & b[i]);
        }

        return FromCounts(pab, pa + pb);
    }

    /// <summary>The score for an intersection count and a popcount sum; the one formula every path uses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FromCounts(int intersection, int popcountSum) =>
        popcountSum == 0 ? 0f : (2f * intersection) / popcountSum;

    /// <summary>
    /// Scores every query against every candidate: <c>scores[c * queryCount + q]</c>.
    /// Queries and candidates are contiguous encodings of 16 words each.
    /// </summary>
    public static void Score(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ushort> queryPopcounts,
        ReadOnlySpan<ulong> candidates,
        ReadOnlySpan<ushort> candidatePopcounts,
        Span<float> scores) =>
        Score(queries, queryPopcounts, candidates, candidatePopcounts, scores, Best);

    /// <summary>As <see cref="Score(ReadOnlySpan{ulong}, ReadOnlySpan{ushort}, ReadOnlySpan{ulong}, ReadOnlySpan{ushort}, Span{float})"/>, on a chosen path.</summary>
    public static void Score(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ushort> queryPopcounts,
        ReadOnlySpan<ulong> candidates,
        ReadOnlySpan<ushort> candidatePopcounts,
        Span<float> scores,
        DiceKernelPath path)
    {
        var nq = queryPopcounts.Length;
        var nc = candidatePopcounts.Length;
        ArgumentOutOfRangeException.ThrowIfNotEqual(queries.Length, nq * W, nameof(queries));
        ArgumentOutOfRangeException.ThrowIfNotEqual(candidates.Length, nc * W, nameof(candidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, nq * nc, nameof(scores));
        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException($"Dice kernel path {path} is not supported on this machine.");
        }

        if (nq == 0 || nc == 0)
        {
            return;
        }

        switch (path)
        {
            case DiceKernelPath.Vector512HarleySeal:
                DiceKernelHarleySeal.Score(queries, queryPopcounts, candidates, candidatePopcounts, scores);
                break;
            case DiceKernelPath.Vector512:
                DiceKernelVector512.Score(queries, queryPopcounts, candidates, candidatePopcounts, scores);
                break;
            case DiceKernelPath.Vector256:
                DiceKernelVector256.Score(queries, queryPopcounts, candidates, candidatePopcounts, scores);
                break;
            default:
                ScoreScalar(queries, queryPopcounts, candidates, candidatePopcounts, scores);
                break;
        }
    }

    private static void ScoreScalar(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ushort> queryPopcounts,
        ReadOnlySpan<ulong> candidates,
        ReadOnlySpan<ushort> candidatePopcounts,
        Span<float> scores)
    {
        var nc = candidatePopcounts.Length;
        var nq = queryPopcounts.Length;
        ref var cBase = ref MemoryMarshal.GetReference(candidates);
        for (var q = 0; q < nq; q++)
        {
            ref var qw = ref Unsafe.AsRef(in queries[q * W]);
            var pa = queryPopcounts[q];
            for (var c = 0; c < nc; c++)
            {
                ref var cw = ref Unsafe.Add(ref cBase, c * W);
                var count = 0;
                for (var i = 0; i < W; i += 4)
                {
                    count += BitOperations.PopCount(Unsafe.Add(ref qw, i) & Unsafe.Add(ref cw, i))
                        + BitOperations.PopCount(Unsafe.Add(ref qw, i + 1) & Unsafe.Add(ref cw, i + 1))
                        + BitOperations.PopCount(Unsafe.Add(ref qw, i + 2) & Unsafe.Add(ref cw, i + 2))
                        + BitOperations.PopCount(Unsafe.Add(ref qw, i + 3) & Unsafe.Add(ref cw, i + 3));
                }

                scores[(c * nq) + q] = FromCounts(count, pa + candidatePopcounts[c]);
            }
        }
    }
}

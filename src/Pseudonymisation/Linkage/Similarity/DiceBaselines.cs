using System.Numerics;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>
/// Straightforward Dice implementations that benchmarks measure beside <see cref="DiceKernel"/> in the same run,
/// and that tests use as the reference. Not for production use: they are slow on purpose.
/// </summary>
public static class DiceBaselines
{
    private const int W = BloomFilterStore.Words;

    /// <summary>Layout as <see cref="DiceKernel"/>. One pair at a time: a loop of <see cref="BitOperations.PopCount(ulong)"/> over the 16 words.</summary>
    public static void ScorePopCountLoop(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ushort> queryPopcounts,
        ReadOnlySpan<ulong> candidates,
        ReadOnlySpan<ushort> candidatePopcounts,
        Span<float> scores)
    {
        var nc = candidatePopcounts.Length;
        for (var q = 0; q < queryPopcounts.Length; q++)
        {
            var a = queries.Slice(q * W, W);
            for (var c = 0; c < nc; c++)
            {
                var b = candidates.Slice(c * W, W);
                var count = 0;
                for (var i = 0; i < W; i++)
                {
                    count += BitOperations.PopCount(a[i] & b[i]);
                }

                scores[(c * queryPopcounts.Length) + q] = DiceKernel.FromCounts(count, queryPopcounts[q] + candidatePopcounts[c]);
            }
        }
    }

    /// <summary>One pair at a time, one bit at a time.</summary>
    public static void ScoreBitByBit(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ulong> candidates,
        Span<float> scores)
    {
        var nq = queries.Length / W;
        var nc = candidates.Length / W;
        for (var q = 0; q < nq; q++)
        {
            for (var c = 0; c < nc; c++)
            {
                int pa = 0, pb = 0, pab = 0;
                for (var bit = 0; bit < BloomFilterStore.Bits; bit++)
                {
                    var wa = (queries[(q * W) + (bit >> 6)] >> (bit & 63)) & 1;
                    var wb = (candidates[(c * W) + (bit >> 6)] >> (bit & 63)) & 1;
                    pa += (int)wa;
                    pb += (int)wb;
                    pab += (int)(wa & wb);
                }

                scores[(c * nq) + q] = DiceKernel.FromCounts(pab, pa + pb);
            }
        }
    }
}

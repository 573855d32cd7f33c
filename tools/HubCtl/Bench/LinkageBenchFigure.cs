using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Similarity;

namespace SharingHub.HubCtl.Bench;

/// <summary>
/// Record linkage: single-core Dice comparisons per second on 1024-bit encodings (64 queries × 2048
/// candidates per batch) with <see cref="DiceKernel"/> on its best path and on the portable scalar path, against
/// a PopCount loop over the 16 words and a bit-by-bit loop, all in the same run.
/// </summary>
internal sealed class LinkageBenchFigure : IBenchFigure
{
    private const int Queries = 64;
    private const int Candidates = 2048;
    private const int BitQueries = 4;
    private const int BitCandidates = 64;

    public string Title => "Record linkage (Dice on 1024-bit encodings)";

    public IReadOnlyList<BenchValue> Measure(BenchSettings settings, CancellationToken cancellationToken)
    {
        var q = DiceBenchmarkData.RandomStore(Queries);
        var c = DiceBenchmarkData.RandomStore(Candidates);
        var scores = new float[Queries * Candidates];
        var path = DiceKernel.Best;
        var ours = Throughput.Measure(
            () => DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores, path), Queries * Candidates, settings, cancellationToken);
        var lut = DiceKernel.IsSupported(DiceKernelPath.Vector512)
            ? (Rate?)Throughput.Measure(
                () => DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores, DiceKernelPath.Vector512), Queries * Candidates, settings, cancellationToken)
            : null;
        var scalar = Throughput.Measure(
            () => DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores, DiceKernelPath.Scalar), Queries * Candidates, settings, cancellationToken);
        var popCountLoop = Throughput.Measure(
            () => DiceBaselines.ScorePopCountLoop(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores), Queries * Candidates, settings, cancellationToken);
        var bitByBit = Throughput.Measure(
            () => DiceBaselines.ScoreBitByBit(q.AllWords[..(BitQueries * BloomFilterStore.Words)], c.AllWords[..(BitCandidates * BloomFilterStore.Words)], scores),
            BitQueries * BitCandidates,
            settings with { Rounds = Math.Min(settings.Rounds, 3) },
            cancellationToken);
        var values = new List<BenchValue>
        {
            BenchValue.Of("dice_comparisons_per_sec_core", $"DiceKernel ({path})", Math.Round(ours.PerSecond), "/s"),
            BenchValue.Of("dice_scalar_per_sec_core", "DiceKernel (Scalar, portable)", Math.Round(scalar.PerSecond), "/s"),
            BenchValue.Of("dice_popcount_loop_per_sec", "PopCount loop over 16 words (baseline)", Math.Round(popCountLoop.PerSecond), "/s"),
            BenchValue.Of("dice_bit_by_bit_per_sec", "bit-by-bit loop (baseline)", Math.Round(bitByBit.PerSecond), "/s"),
            BenchValue.Of("dice_ratio_vs_popcount_loop", "ratio vs PopCount loop", Math.Round(ours.PerSecond / popCountLoop.PerSecond, 3), "x"),
            BenchValue.Of("dice_ratio_vs_bit_by_bit", "ratio vs bit-by-bit", Math.Round(ours.PerSecond / bitByBit.PerSecond, 1), "x"),
            BenchValue.Of("dice_implementation", "implementation", path.ToString()),
            BenchValue.Of("dice_bits", "encoding length", BloomFilterStore.Bits, "bits"),
        };

        if (lut is { } lutRate)
        {
            values.Add(BenchValue.Of("dice_vector512_lut_per_sec_core", "DiceKernel (Vector512, per-word table look-up)", Math.Round(lutRate.PerSecond), "/s"));
            if (lutRate.PerCpuSecond > 0)
            {
                values.Add(BenchValue.Of("dice_vector512_lut_per_cpu_sec", "DiceKernel (Vector512) per CPU second", Math.Round(lutRate.PerCpuSecond), "/s"));
            }
        }

        // Per CPU second of the measuring thread: what the core does when it is not shared.
        if (ours.PerCpuSecond > 0 && popCountLoop.PerCpuSecond > 0)
        {
            values.Add(BenchValue.Of("dice_comparisons_per_cpu_sec", "DiceKernel per CPU second", Math.Round(ours.PerCpuSecond), "/s"));
            values.Add(BenchValue.Of("dice_popcount_loop_per_cpu_sec", "PopCount loop per CPU second", Math.Round(popCountLoop.PerCpuSecond), "/s"));
            values.Add(BenchValue.Of("dice_ratio_vs_popcount_loop_cpu", "ratio vs PopCount loop (CPU time)", Math.Round(ours.PerCpuSecond / popCountLoop.PerCpuSecond, 3), "x"));
            values.Add(BenchValue.Of("dice_cpu_share", "CPU share of the measuring thread", Math.Round(ours.PerSecond / ours.PerCpuSecond, 3), "of wall time"));
        }

        return values;
    }
}

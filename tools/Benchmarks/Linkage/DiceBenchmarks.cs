using BenchmarkDotNet.Attributes;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Similarity;

namespace SharingHub.Benchmarks.Linkage;

/// <summary>
/// Dice on 1024-bit encodings: 64 queries × 2048 candidates (131,072 comparisons per operation; the candidate
/// block is 256 KiB, so it stays in L2 like a large blocking block). The kernel paths and the two baselines
/// (a PopCount loop over the 16 words, a bit-by-bit loop) run in the same job; divide 131,072 by the mean
/// time for comparisons per second.
/// </summary>
[MemoryDiagnoser]
public class DiceBenchmarks
{
    private const int Queries = 64;
    private const int Candidates = 2048;
    private BloomFilterStore _queries = null!;
    private BloomFilterStore _candidates = null!;
    private float[] _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        _queries = DiceBenchmarkData.RandomStore(Queries);
        _candidates = DiceBenchmarkData.RandomStore(Candidates);
        _scores = new float[Queries * Candidates];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries * Candidates)]
    public void PopCountLoop() =>
        DiceBaselines.ScorePopCountLoop(_queries.AllWords, _queries.Popcounts, _candidates.AllWords, _candidates.Popcounts, _scores);

    [Benchmark(OperationsPerInvoke = Queries * Candidates)]
    public void KernelScalar() =>
        DiceKernel.Score(_queries.AllWords, _queries.Popcounts, _candidates.AllWords, _candidates.Popcounts, _scores, DiceKernelPath.Scalar);

    [Benchmark(OperationsPerInvoke = Queries * Candidates)]
    public void KernelVector256() =>
        DiceKernel.Score(_queries.AllWords, _queries.Popcounts, _candidates.AllWords, _candidates.Popcounts, _scores, DiceKernelPath.Vector256);

    [Benchmark(OperationsPerInvoke = Queries * Candidates)]
    public void KernelVector512() =>
        DiceKernel.Score(_queries.AllWords, _queries.Popcounts, _candidates.AllWords, _candidates.Popcounts, _scores, DiceKernelPath.Vector512);

    [Benchmark(OperationsPerInvoke = Queries * Candidates)]
    public void KernelVector512HarleySeal() =>
        DiceKernel.Score(_queries.AllWords, _queries.Popcounts, _candidates.AllWords, _candidates.Popcounts, _scores, DiceKernelPath.Vector512HarleySeal);

    [Benchmark(OperationsPerInvoke = 8 * 256)]
    public void BitByBit() =>
        DiceBaselines.ScoreBitByBit(_queries.AllWords[..(8 * BloomFilterStore.Words)], _candidates.AllWords[..(256 * BloomFilterStore.Words)], _scores);
}

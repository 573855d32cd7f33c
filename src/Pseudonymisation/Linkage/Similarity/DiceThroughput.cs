using System.Diagnostics;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>Which implementation <see cref="DiceThroughput.Measure"/> times.</summary>
public enum DiceThroughputSubject
{
    /// <summary><see cref="DiceKernel"/> on its best path.</summary>
    Kernel,

    /// <summary><see cref="DiceKernel"/> on the portable scalar path.</summary>
    KernelScalar,

    /// <summary>Baseline: <see cref="DiceBaselines.ScorePopCountLoop"/>.</summary>
    PopCountLoop,

    /// <summary>Baseline: <see cref="DiceBaselines.ScoreBitByBit"/>.</summary>
    BitByBit,
}

/// <summary>
/// A single-threaded timing of Dice comparisons per second on random 1024-bit encodings with realistic fill
/// (about a quarter of the bits set). Used by <c>hubctl bench</c>; BenchmarkDotNet's DiceBenchmarks is the
/// detailed equivalent.
/// </summary>
public static class DiceThroughput
{
    /// <summary>Comparisons per second of <paramref name="subject"/> over at least <paramref name="minimum"/> of work.</summary>
    public static double Measure(DiceThroughputSubject subject, TimeSpan minimum, int queries = 64, int candidates = 2048)
    {
        var q = RandomStore(queries);
        var c = RandomStore(candidates);
        var scores = new float[queries * candidates];
        var comparisons = (long)queries * candidates;
        Run(subject, q, c, scores);
        long done = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < minimum)
        {
            Run(subject, q, c, scores);
            done += comparisons;
        }

        return done / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Random encodings (cryptographic randomness, no seed needed) with about 25 % of bits set.</summary>
    public static BloomFilterStore RandomStore(int count)
    {
        var store = new BloomFilterStore(count);
        Span<ulong> noise = stackalloc ulong[BloomFilterStore.Words * 2];
        for (var i = 0; i < count; i++)
        {
            RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(noise));
            var words = store.GetWritable(i);
            for (var w = 0; w < BloomFilterStore.Words; w++)
            {
                words[w] = noise[w] & noise[w + BloomFilterStore.Words];
            }

            store.UpdatePopcount(i);
        }

        return store;
    }

    private static void Run(DiceThroughputSubject subject, BloomFilterStore q, BloomFilterStore c, float[] scores)
    {
        switch (subject)
        {
            case DiceThroughputSubject.Kernel:
                DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores);
                break;
            case DiceThroughputSubject.KernelScalar:
                DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores, DiceKernelPath.Scalar);
                break;
            case DiceThroughputSubject.PopCountLoop:
                DiceBaselines.ScorePopCountLoop(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores);
                break;
            default:
                DiceBaselines.ScoreBitByBit(q.AllWords, c.AllWords, scores);
                break;
        }
    }
}

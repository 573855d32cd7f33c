using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>Benchmark data for the Dice kernel (hubctl bench and BenchmarkDotNet use the same).</summary>
public static class DiceBenchmarkData
{
    /// <summary>Random encodings (cryptographic randomness, no seed needed) with about 25 % of bits set, like real ones.</summary>
    public static BloomFilterStore RandomStore(int count)
    {
        var store = new BloomFilterStore(count);
        Span<ulong> noise = stackalloc ulong[BloomFilterStore.Words * 2];
        for (var i = 0; i < count; i++)
        {
            RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(noise));
            var words = store.GetWritable(i);
            for (var w = 0; w < BloomFilterStore.Words; w++)
            {
                words[w] = noise[w] & noise[w + BloomFilterStore.Words];
            }

            store.UpdatePopcount(i);
        }

        return store;
    }
}

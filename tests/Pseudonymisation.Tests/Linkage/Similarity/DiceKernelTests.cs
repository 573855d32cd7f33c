using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Similarity;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Similarity;

public sealed class DiceKernelTests
{
    private static BloomFilterStore Store(ulong seed, int count, int density)
    {
        var store = new BloomFilterStore(count);
        var s = seed | 1;
        for (var i = 0; i < count; i++)
        {
            var words = store.GetWritable(i);
            for (var w = 0; w < words.Length; w++)
            {
                var value = LinkageTestData.Next(ref s);
                for (var d = 0; d < density; d++)
                {
                    value &= LinkageTestData.Next(ref s);
                }

                words[w] = density < 0 ? ~0UL : value;
            }

            store.UpdatePopcount(i);
        }

        return store;
    }

    [Property(MaxTest = 60)]
    public void Score_EveryPath_EqualsBitByBitReference(ulong seed, byte queryCount, byte candidateCount, byte density)
    {
        var nq = 1 + (queryCount % 21);
        var nc = 1 + (candidateCount % 13);
        var q = Store(seed, nq, density % 4);
        var c = Store(seed ^ 0x9E3779B97F4A7C15UL, nc, (density / 4) % 4);
        var expected = new float[nq * nc];
        DiceBaselines.ScoreBitByBit(q.AllWords, c.AllWords, expected);
        foreach (var path in Enum.GetValues<DiceKernelPath>().Where(DiceKernel.IsSupported))
        {
            var actual = new float[nq * nc];
            DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, actual, path);
            Assert.Equal(expected, actual);
        }

        var loop = new float[nq * nc];
        DiceBaselines.ScorePopCountLoop(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, loop);
        Assert.Equal(expected, loop);
    }

    [Property(MaxTest = 40)]
    public void Score_HarleySealFullTiles_EqualsBitByBitReference(ulong seed, byte queryCount, byte candidateCount, byte density)
    {
        if (!DiceKernel.IsSupported(DiceKernelPath.Vector512HarleySeal))
        {
            return;
        }

        // Enough queries and candidates for whole transposed tiles plus a remainder; dense filters push every
        // bit-plane of the carry-save adder (up to 16 set bits per position).
        var nq = 8 + (queryCount % 27);
        var nc = DiceKernelHarleySeal.MinCandidates + (candidateCount % 29);
        var q = Store(seed, nq, (density % 3) - 1);
        var c = Store(seed ^ 0xD1B54A32D192ED03UL, nc, ((density / 3) % 3) - 1);
        var expected = new float[nq * nc];
        DiceBaselines.ScoreBitByBit(q.AllWords, c.AllWords, expected);
        var actual = new float[nq * nc];
        DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, actual, DiceKernelPath.Vector512HarleySeal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Score_AllBitsSetAndEmpty_GivesOneAndZero()
    {
        var full = Store(1, 9, -1);
        var empty = new BloomFilterStore(9);
        foreach (var path in Enum.GetValues<DiceKernelPath>().Where(DiceKernel.IsSupported))
        {
            var scores = new float[81];
            DiceKernel.Score(full.AllWords, full.Popcounts, full.AllWords, full.Popcounts, scores, path);
            Assert.All(scores, s => Assert.Equal(1f, s));
            DiceKernel.Score(empty.AllWords, empty.Popcounts, empty.AllWords, empty.Popcounts, scores, path);
            Assert.All(scores, s => Assert.Equal(0f, s));
        }
    }

    [Property(MaxTest = 200)]
    public void Dice_AnyPair_IsSymmetricAndInUnitInterval(ulong seed)
    {
        var store = Store(seed, 2, (int)(seed % 3));
        var ab = DiceKernel.Dice(store[0], store[1]);
        var ba = DiceKernel.Dice(store[1], store[0]);
        Assert.Equal(ab, ba);
        Assert.InRange(ab, 0f, 1f);
    }

    [Property(MaxTest = 200)]
    public Property Dice_IdenticalNonEmpty_IsOne(ulong seed)
    {
        var store = Store(seed, 1, 1);
        return (store.Popcounts[0] > 0).Implies(DiceKernel.Dice(store[0], store[0]) == 1f);
    }

    [Fact]
    public void Dice_KnownCounts_MatchesFormula()
    {
        var a = new ulong[16];
        var b = new ulong[16];
        a[0] = 0b1111;
        b[0] = 0b0011;
        b[15] = 1UL << 63;
        Assert.Equal(2f * 2 / 7, DiceKernel.Dice(a, b));
    }

    [Fact]
    public void Score_Best_IsHarleySealOnAvx512VbmiMachines()
    {
        var expected = System.Runtime.Intrinsics.X86.Avx512Vbmi.IsSupported && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported
            ? DiceKernelPath.Vector512HarleySeal
            : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? DiceKernelPath.Vector256 : DiceKernelPath.Scalar;
        Assert.Equal(expected, DiceKernel.Best);
    }

    [Fact]
    public void Score_ZeroAllocations()
    {
        var q = Store(3, 16, 1);
        var c = Store(4, 64, 1);
        var scores = new float[16 * 64];
        DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            DiceKernel.Score(q.AllWords, q.Popcounts, c.AllWords, c.Popcounts, scores);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void BloomFilterStore_Filters_Are64ByteAligned()
    {
        var store = new BloomFilterStore(3);
        unsafe
        {
            fixed (ulong* p = store.AllWords)
            {
                Assert.Equal(0, (long)p % 64);
            }
        }
    }
}

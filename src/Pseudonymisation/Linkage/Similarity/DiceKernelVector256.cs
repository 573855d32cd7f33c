using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>AVX2 Dice kernel: nibble look-up popcount (vpshufb), byte sums with vpsadbw.</summary>
internal static class DiceKernelVector256
{
    private const int W = BloomFilterStore.Words;

    public static void Score(
        ReadOnlySpan<ulong> queries,
        ReadOnlySpan<ushort> queryPopcounts,
        ReadOnlySpan<ulong> candidates,
        ReadOnlySpan<ushort> candidatePopcounts,
        Span<float> scores)
    {
        var nc = candidatePopcounts.Length;
        var table = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var nibble = Vector256.Create((byte)0x0F);
        ref var qBase = ref MemoryMarshal.GetReference(queries);
        ref var cBase = ref MemoryMarshal.GetReference(candidates);
        for (var q = 0; q < queryPopcounts.Length; q++)
        {
            var q0 = Vector256.LoadUnsafe(ref qBase, (nuint)(q * W));
            var q1 = Vector256.LoadUnsafe(ref qBase, (nuint)((q * W) + 4));
            var q2 = Vector256.LoadUnsafe(ref qBase, (nuint)((q * W) + 8));
            var q3 = Vector256.LoadUnsafe(ref qBase, (nuint)((q * W) + 12));
            int pq = queryPopcounts[q];
            for (var c = 0; c < nc; c++)
            {
                var bytes = Count(q0 & Vector256.LoadUnsafe(ref cBase, (nuint)(c * W)), table, nibble)
                    + Count(q1 & Vector256.LoadUnsafe(ref cBase, (nuint)((c * W) + 4)), table, nibble)
                    + Count(q2 & Vector256.LoadUnsafe(ref cBase, (nuint)((c * W) + 8)), table, nibble)
                    + Count(q3 & Vector256.LoadUnsafe(ref cBase, (nuint)((c * W) + 12)), table, nibble);
                var count = (int)Vector256.Sum(Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64());
                scores[(c * queryPopcounts.Length) + q] = DiceKernel.FromCounts(count, pq + candidatePopcounts[c]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Count(Vector256<ulong> value, Vector256<byte> table, Vector256<byte> nibble)
    {
        var bytes = value.AsByte();
        var low = bytes & nibble;
        var high = Vector256.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble;
        return Avx2.Shuffle(table, low) + Avx2.Shuffle(table, high);
    }
}

namespace SharingHub.Pseudonymisation.Linkage.Similarity;

/// <summary>An implementation of the Dice kernel. All paths give bit-identical scores.</summary>
public enum DiceKernelPath
{
    /// <summary>Portable: <see cref="System.Numerics.BitOperations.PopCount(ulong)"/> over the 16 words, four queries per pass.</summary>
    Scalar = 0,

    /// <summary>AVX2: nibble look-up popcount (vpshufb) in 256-bit vectors.</summary>
    Vector256 = 1,

    /// <summary>AVX-512 VBMI: 7-bit byte look-up (vpermi2b) plus sign-bit masks, four queries tiled per candidate load.</summary>
    Vector512 = 2,

    /// <summary>
    /// AVX-512 VBMI with a Harley-Seal carry-save adder (vpternlogq full adders) over the 16 words of eight
    /// transposed queries; one table look-up per bit-plane instead of per word (<see cref="DiceKernelHarleySeal"/>).
    /// </summary>
    Vector512HarleySeal = 3,
}

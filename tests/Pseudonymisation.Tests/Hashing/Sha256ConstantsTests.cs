using System.Numerics;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>The folded constants of the outer block, recomputed from FIPS 180-4 §4.1.2 and §6.2.2.</summary>
public sealed class Sha256ConstantsTests
{
    private static readonly uint[] OuterPadding = [0x80000000, 0, 0, 0, 0, 0, 0, 768];

    [Fact]
    public void OuterRoundInputs_EqualRoundConstantPlusPaddingWord()
    {
        for (int t = 8; t < 16; t++)
        {
            Assert.Equal(unchecked(Sha256Constants.K[t] + OuterPadding[t - 8]), Sha256Constants.OuterRoundInputs[t - 8]);
        }
    }

    [Fact]
    public void OuterScheduleConstants_EqualSigmaOfPaddingWords()
    {
        uint[] expected = [Sigma1(768), 768, Sigma0(0x80000000), 0x80000000, Sigma0(768), 768];

        Assert.Equal(expected, Sha256Constants.OuterScheduleConstants.ToArray());
    }

    [Fact]
    public void RoundConstants_AreFractionalPartsOfPrimeCubeRoots()
    {
        // K[t] is the first 32 bits of the fractional part of the cube root of the t-th prime.
        int[] primes = Enumerable.Range(2, 400).Where(n => Enumerable.Range(2, Math.Max(0, (int)Math.Sqrt(n) - 1)).All(d => n % d != 0)).Take(64).ToArray();
        for (int t = 0; t < 64; t++)
        {
            double root = Math.Cbrt(primes[t]);
            uint expected = (uint)((root - Math.Floor(root)) * 4294967296.0);
            Assert.Equal(expected, Sha256Constants.K[t]);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SwapUnpackIndices_PickTheByteSwappedInterleavedWords(bool high)
    {
        // Output word s of 128-bit chunk q is word 4q + s/2 (+ 2 for the high half) of x (s even) or y (s odd),
        // with its four bytes reversed; y's bytes are indices 64..127.
        var table = high ? Sha256Constants.SwapUnpackHigh : Sha256Constants.SwapUnpackLow;
        Assert.Equal(64, table.Length);
        for (int position = 0; position < 64; position++)
        {
            int chunk = position / 16;
            int slot = position % 16 / 4;
            int word = (4 * chunk) + (high ? 2 : 0) + (slot / 2);
            int expected = (slot % 2 == 1 ? 64 : 0) + (4 * word) + 3 - (position % 4);
            Assert.Equal(expected, table[position]);
        }
    }

    private static uint Sigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    private static uint Sigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
}

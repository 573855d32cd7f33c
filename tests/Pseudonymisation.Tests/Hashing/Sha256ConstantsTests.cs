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

    private static uint Sigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    private static uint Sigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
}

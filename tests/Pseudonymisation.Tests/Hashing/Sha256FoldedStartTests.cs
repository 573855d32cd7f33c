using System.Numerics;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>
/// The first-round folding of <see cref="Sha256FoldedStart"/> against SHA-256 rounds written out from FIPS 180-4
/// §6.2.2 step 3, for random start states and random message words.
/// </summary>
public sealed class Sha256FoldedStartTests
{
    [Fact]
    public void From_RandomStates_RoundsZeroToThreeEqualTheUnfoldedRounds()
    {
        var random = new SeededBytes(0x5eed_0f01);
        for (int trial = 0; trial < 10_000; trial++)
        {
            var start = default(Sha256State);
            uint[] s = new uint[8];
            for (int i = 0; i < 8; i++)
            {
                s[i] = (uint)random.NextUInt64();
                start[i] = s[i];
            }

            uint[] w = [(uint)random.NextUInt64(), (uint)random.NextUInt64(), (uint)random.NextUInt64(), (uint)random.NextUInt64()];
            var folded = Sha256FoldedStart.From(start);

            // Round 0 written out: the new e and a are W0 plus the folded constants.
            uint[] v = (uint[])s.Clone();
            Round(v, w[0], 0);
            Assert.Equal(unchecked(w[0] + folded.E1), v[4]);
            Assert.Equal(unchecked(w[0] + folded.A1), v[0]);

            // Rounds 1..3 still take a start word as h: h + K[t] is the folded constant.
            uint[] hk = [folded.HK1, folded.HK2, folded.HK3];
            for (int t = 1; t <= 3; t++)
            {
                Assert.Equal(unchecked(v[7] + Sha256Constants.K[t]), hk[t - 1]);
                Round(v, w[t], t);
            }
        }
    }

    [Fact]
    public void Clear_AfterFrom_ZeroesEveryWord()
    {
        var start = Sha256State.Initial;
        var folded = Sha256FoldedStart.From(start);
        Assert.NotEqual(0u, folded.A1 | folded.E1 | folded.HK1 | folded.HK2 | folded.HK3);

        folded.Clear();

        Assert.Equal(0u, folded.A1 | folded.E1 | folded.HK1 | folded.HK2 | folded.HK3);
    }

    /// <summary>One round on v = [a, b, c, d, e, f, g, h], shifted in place.</summary>
    private static void Round(uint[] v, uint word, int t)
    {
        uint a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
        uint sigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
        uint ch = (e & f) ^ (~e & g);
        uint t1 = unchecked(h + sigma1 + ch + Sha256Constants.K[t] + word);
        uint sigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
        uint maj = (a & b) ^ (a & c) ^ (b & c);
        uint t2 = unchecked(sigma0 + maj);
        v[7] = g;
        v[6] = f;
        v[5] = e;
        v[4] = unchecked(d + t1);
        v[3] = c;
        v[2] = b;
        v[1] = a;
        v[0] = unchecked(t1 + t2);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// The parts of rounds 0..3 of a SHA-256 compression that depend only on its start state. HMAC starts every
/// compression of a short message from a state fixed per key (after the ipad or the opad block), so the vector
/// kernels fold these into constants: round 0 becomes <c>e = W0 + <see cref="E1"/></c> and
/// <c>a = W0 + <see cref="A1"/></c> (T1 is the only term that holds W0), and rounds 1..3, whose h is still a
/// start word, add <c>h + K[t]</c> as one constant. As secret as the key; <see cref="Clear"/> zeroes it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Sha256FoldedStart
{
    /// <summary>H3 + T1 of round 0 without W0: the new e is W0 + E1.</summary>
    public uint E1;

    /// <summary>T1 + T2 of round 0 without W0: the new a is W0 + A1.</summary>
    public uint A1;

    /// <summary>H6 + K[1], the h + K of round 1.</summary>
    public uint HK1;

    /// <summary>H5 + K[2], the h + K of round 2.</summary>
    public uint HK2;

    /// <summary>H4 + K[3], the h + K of round 3.</summary>
    public uint HK3;

    /// <summary>Folds the first rounds that start from <paramref name="start"/>.</summary>
    public static Sha256FoldedStart From(in Sha256State start)
    {
        ReadOnlySpan<uint> k = Sha256Constants.K;
        uint e = start[4];
        uint a = start[0];
        uint t1 = unchecked(start[7] + Sha256Scalar.BigSigma1(e) + Sha256Scalar.Choose(e, start[5], start[6]) + k[0]);
        uint t2 = unchecked(Sha256Scalar.BigSigma0(a) + Sha256Scalar.Majority(a, start[1], start[2]));
        return new Sha256FoldedStart
        {
            E1 = unchecked(start[3] + t1),
            A1 = unchecked(t1 + t2),
            HK1 = unchecked(start[6] + k[1]),
            HK2 = unchecked(start[5] + k[2]),
            HK3 = unchecked(start[4] + k[3]),
        };
    }

    /// <summary>Zeroes the folded words.</summary>
    public void Clear() =>
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref Unsafe.AsRef(in this), 1)));
}

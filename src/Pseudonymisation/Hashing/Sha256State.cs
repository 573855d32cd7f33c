using System.Runtime.CompilerServices;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>The eight 32-bit chaining words of SHA-256 (FIPS 180-4, H0..H7).</summary>
[InlineArray(8)]
internal struct Sha256State
{
    private uint _word;

    /// <summary>The SHA-256 initial hash value (FIPS 180-4 §5.3.3).</summary>
    public static Sha256State Initial
    {
        get
        {
            var state = default(Sha256State);
            state[0] = 0x6a09e667;
            state[1] = 0xbb67ae85;
            state[2] = 0x3c6ef372;
            state[3] = 0xa54ff53a;
            state[4] = 0x510e527f;
            state[5] = 0x9b05688c;
            state[6] = 0x1f83d9ab;
            state[7] = 0x5be0cd19;
            return state;
        }
    }
}

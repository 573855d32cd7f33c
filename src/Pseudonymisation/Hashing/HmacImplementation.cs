namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>The code paths <see cref="FastHmacSha256"/> can run; all give bit-identical results.</summary>
public enum HmacImplementation
{
    /// <summary>Portable scalar SHA-256, one message at a time. Always available.</summary>
    Scalar,

    /// <summary>Eight messages at once in <c>Vector256&lt;uint&gt;</c> lanes (AVX2; AVX-512VL rotates when present).</summary>
    Vector256x8,

    /// <summary>Sixteen messages at once in <c>Vector512&lt;uint&gt;</c> lanes (AVX-512 F and BW).</summary>
    Vector512x16,
}

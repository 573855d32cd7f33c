namespace SharingHub.Hub.Linkage;

/// <summary>
/// The keyed fuzzy-linkage encoding of one signal's subject (table <c>subject_encodings</c>), written at ingress: a CLK
/// (Bloom-filter encoding under the convenant's linkage key) and the keyed blocking keys. Never an identifier; the
/// background linker compares these to find subjects that exact keys missed (typos).
/// </summary>
public sealed class SubjectEncoding
{
    public Guid SignalId { get; set; }

    public required string ConvenantId { get; set; }

    /// <summary>The subject the signal was stored under (not followed through merges).</summary>
    public Guid SubjectId { get; set; }

    /// <summary>Version of the convenant domain key the encoding was made with; only equal versions compare.</summary>
    public int KeyVersion { get; set; }

    /// <summary>The CLK bits (<c>ClkOptions.Bits</c>/8 bytes).</summary>
    public required byte[] Clk { get; set; }

    /// <summary>The blocking keys, one little-endian <c>ulong</c> per blocking pass, in pass order (0 = none).</summary>
    public required byte[] BlockKeys { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once the background linker has compared this encoding; null while pending.</summary>
    public DateTimeOffset? LinkedAt { get; set; }
}

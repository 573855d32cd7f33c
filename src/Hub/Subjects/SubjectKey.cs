namespace SharingHub.Hub.Subjects;

/// <summary>
/// A match-key or identifier pseudonym of a subject (table <c>subject_keys</c>): what exact linkage at ingress matches on.
/// Several subjects may share a weak key (twins at one address); the resolver prefers the strongest key.
/// </summary>
public sealed class SubjectKey
{
    public const int PseudonymMaxLength = 64;

    public required string ConvenantId { get; set; }

    /// <summary>The pseudonym in text form (tag, key version and hash).</summary>
    public required string Pseudonym { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary><see cref="Pseudonymisation.Pseudonyms.PseudonymKind"/> value.</summary>
    public int Kind { get; set; }
}

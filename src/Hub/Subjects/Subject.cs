namespace SharingHub.Hub.Subjects;

/// <summary>
/// A data subject under one convenant (table <c>subjects</c>). It holds no identifier: only its type and its anchor,
/// the hub pseudonym partner subject references are derived from. Identities live in the vault under <see cref="VaultId"/>.
/// </summary>
public sealed class Subject
{
    public const int AnchorMaxLength = 64;

    public Guid Id { get; set; }

    public required string ConvenantId { get; set; }

    /// <summary>person/address/company/vehicle (<see cref="Pseudonymisation.Pseudonyms.SubjectType"/> value).</summary>
    public int SubjectType { get; set; }

    /// <summary>The strongest match-key pseudonym the subject was created with (text form, e.g. <c>p1.1.…</c>).</summary>
    public required string Anchor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when linkage found this subject to be the same as another: the id of the cluster's root subject (always the
    /// root itself, never a chain). Null for a root. Rows are never re-pointed: signals keep the subject (and so the vault id)
    /// they were sealed under, and partners' references keep resolving; <see cref="SubjectDirectory"/> follows this link.
    /// </summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>The vault subject id of this subject's identity records.</summary>
    public string VaultId => VaultIdOf(Id);

    public static string VaultIdOf(Guid id) => "s-" + id.ToString("N");
}

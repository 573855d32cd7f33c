namespace SharingHub.Hub.Subjects;

/// <summary>
/// A partner's subject reference (table <c>subject_refs</c>): what a partner sees instead of the subject, different for
/// every partner and stable per partner. The hub resolves a partner's reference back to its subject through this table.
/// </summary>
public sealed class SubjectRef
{
    public const int ReferenceMaxLength = 64;

    public required string ConvenantId { get; set; }

    public required string PartnerId { get; set; }

    public required string Reference { get; set; }

    public Guid SubjectId { get; set; }
}

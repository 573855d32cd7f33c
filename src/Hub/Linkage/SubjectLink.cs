namespace SharingHub.Hub.Linkage;

/// <summary>
/// A link found between two subjects of one convenant (table <c>subject_links</c>): the decision that
/// <see cref="LinkedSubjectId"/> is the same subject as <see cref="SubjectId"/> (its cluster root at the time), how it was
/// found and with which score. The history of merges; <see cref="Subjects.Subject.MergedIntoId"/> is the current state.
/// </summary>
public sealed class SubjectLink
{
    public const int ReasonMaxLength = 64;

    public Guid Id { get; set; }

    public required string ConvenantId { get; set; }

    public Guid SubjectId { get; set; }

    public Guid LinkedSubjectId { get; set; }

    /// <summary><c>exact</c> or <c>fuzzy</c>.</summary>
    public required string Method { get; set; }

    /// <summary>Match key or comparison that decided, e.g. <c>name+dob</c> or <c>fuzzy:0.93</c>.</summary>
    public required string Reason { get; set; }

    public double Score { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// A grant (table <c>grants</c>): what an approved access request allows: subject, categories, fields, purpose, recipient and
/// expiry. Disclosure re-identifies exactly these fields, and only while the grant is valid (not expired, not revoked).
/// </summary>
public sealed class Grant
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public required string ConvenantId { get; set; }

    /// <summary>The subject (cluster root when granted).</summary>
    public Guid SubjectId { get; set; }

    public required string RecipientPartnerId { get; set; }

    public required string RecipientRole { get; set; }

    public required string Purpose { get; set; }

    /// <summary>Category ids, comma separated.</summary>
    public required string Categories { get; set; }

    /// <summary>Field ids, comma separated.</summary>
    public required string Fields { get; set; }

    /// <summary><c>pseudonymised</c> or <c>identified</c>.</summary>
    public required string Mode { get; set; }

    /// <summary>Actors whose approvals made the grant (<c>person:&lt;id&gt;</c>), comma separated; empty for a direct permit.</summary>
    public required string Approvers { get; set; }

    /// <summary>The clause that permitted it.</summary>
    public required string Clause { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

namespace SharingHub.Hub.Pseudonyms;

/// <summary>One wrapped domain key version (table <c>domain_keys</c>): the secret only as DataProtection ciphertext.</summary>
public sealed class DomainKeyRow
{
    public const int DomainMaxLength = 63;

    public required string Domain { get; set; }

    public int Version { get; set; }

    public Guid KeyId { get; set; }

    public int Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required byte[] WrappedKey { get; set; }
}

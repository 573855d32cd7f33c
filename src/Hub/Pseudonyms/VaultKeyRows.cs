namespace SharingHub.Hub.Pseudonyms;

/// <summary>A subject's vault data key, wrapped by a vault master key (table <c>vault_data_keys</c>). Deleting it crypto-shreds the subject.</summary>
public sealed class VaultDataKeyRow
{
    public const int SubjectIdMaxLength = 128;

    public required string SubjectId { get; set; }

    public Guid DataKeyId { get; set; }

    public Guid MasterKeyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required byte[] Wrapped { get; set; }
}

/// <summary>A vault master key, protected by the hub's DataProtection key ring (table <c>vault_master_keys</c>).</summary>
public sealed class VaultMasterKeyRow
{
    public Guid MasterKeyId { get; set; }

    public int Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required byte[] Protected { get; set; }
}

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// Persists the vault's wrapped keys: one data key per subject and the DataProtection-protected master keys.
/// Deleting a subject's data key is crypto-shredding: its payloads can never be opened again.
/// </summary>
public interface IVaultKeyStore
{
    Task<WrappedDataKey?> GetDataKeyAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="key"/>; when the subject already has one, replaces it only if <paramref name="overwrite"/> and returns false otherwise.</summary>
    Task<bool> PutDataKeyAsync(WrappedDataKey key, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>Deletes the subject's data key; false when there was none.</summary>
    Task<bool> DeleteDataKeyAsync(string subjectId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MasterKeyRecord>> GetMasterKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the set of master key records atomically.</summary>
    Task SaveMasterKeysAsync(IReadOnlyList<MasterKeyRecord> records, CancellationToken cancellationToken = default);
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// Keeps the real identity of subjects only encrypted: AES-256-GCM per field under a random 256-bit data key
/// per subject; the data key wrapped by a master key; the master key protected by DataProtection
/// ("SharingHub.Vault.v1"). <see cref="ShredAsync"/> deletes the data key, after which the subject's
/// payloads can never be opened (SH1104) while its pseudonyms stay valid for audit. Every failure is a
/// <see cref="VaultException"/>; the vault never returns wrong plaintext.
/// </summary>
public sealed class IdentityVault : IDisposable
{
    private readonly IVaultKeyStore _store;
    private readonly TimeProvider _time;
    private readonly VaultMasterKeys _masterKeys;

    public IdentityVault(IVaultKeyStore store, IDataProtectionProvider provider, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _masterKeys = new VaultMasterKeys(store, provider, time);
    }

    /// <summary>The names of the fields a payload holds, read from its header without any key.</summary>
    public static IReadOnlyList<string> GetFieldNames(ReadOnlySpan<byte> payload) =>
        [.. VaultPayload.Parse(payload).Fields.Select(f => f.Name)];

    /// <summary>Encrypts <paramref name="identity"/> for <paramref name="subjectId"/>, creating the subject's data key on first use.</summary>
    public async Task<byte[]> SealAsync(string subjectId, IdentityRecord identity, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        ArgumentNullException.ThrowIfNull(identity);
        var record = await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false)
            ?? await CreateDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
        var dataKey = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        try
        {
            await UnwrapAsync(subjectId, record, dataKey, cancellationToken).ConfigureAwait(false);
            return VaultPayload.Seal(dataKey, record.DataKeyId, subjectId, identity);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Decrypts every field of the payload.</summary>
    public Task<IdentityRecord> OpenAsync(string subjectId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(subjectId, payload, fields: null, cancellationToken);

    /// <summary>
    /// Decrypts only the fields named in <paramref name="fields"/> (disclosure re-identifies only what was
    /// granted); the other fields stay encrypted and are not in the result.
    /// </summary>
    public Task<IdentityRecord> OpenFieldsAsync(string subjectId, ReadOnlyMemory<byte> payload, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return OpenCoreAsync(subjectId, payload, new HashSet<string>(fields, StringComparer.Ordinal), cancellationToken);
    }

    /// <summary>Crypto-shredding: deletes the subject's data key. False when the subject had none.</summary>
    public Task<bool> ShredAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        return _store.DeleteDataKeyAsync(subjectId, cancellationToken);
    }

    /// <summary>Creates a new active master key; data keys wrapped by older master keys stay readable until rewrapped.</summary>
    public Task<Guid> RotateMasterKeyAsync(CancellationToken cancellationToken = default) => _masterKeys.RotateAsync(cancellationToken);

    /// <summary>Rewraps the subject's data key under the active master key; payloads stay valid. False when the subject has no data key.</summary>
    public async Task<bool> RewrapDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        var record = await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return false;
        }

        var dataKey = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        try
        {
            await UnwrapAsync(subjectId, record, dataKey, cancellationToken).ConfigureAwait(false);
            var rewrapped = await _masterKeys.WithActiveAsync(
                (masterKeyId, masterKey) => record with
                {
                    MasterKeyId = masterKeyId,
                    Wrapped = DataKeyWrapping.Wrap(masterKey, masterKeyId, record.DataKeyId, subjectId, dataKey),
                },
                cancellationToken).ConfigureAwait(false);
            return await _store.PutDataKeyAsync(rewrapped, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public void Dispose() => _masterKeys.Dispose();

    private async Task<IdentityRecord> OpenCoreAsync(string subjectId, ReadOnlyMemory<byte> payload, HashSet<string>? fields, CancellationToken cancellationToken)
    {
        SubjectId.Validate(subjectId);
        var layout = VaultPayload.Parse(payload.Span);
        var record = await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false)
            ?? throw new VaultException(VaultErrorCodes.DataKeyNotFound, "The subject has no data key: its identity was crypto-shredded or never sealed here.");
        if (record.DataKeyId != layout.DataKeyId)
        {
            throw new VaultException(VaultErrorCodes.DataKeyMismatch, "The payload was sealed under another data key than the subject's.");
        }

        var dataKey = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        try
        {
            await UnwrapAsync(subjectId, record, dataKey, cancellationToken).ConfigureAwait(false);
            using var aes = new AesGcm(dataKey, 16);
            var opened = new List<KeyValuePair<string, IdentityField>>();
            for (var i = 0; i < layout.Fields.Count; i++)
            {
                var name = layout.Fields[i].Name;
                if (fields is null || fields.Contains(name))
                {
                    opened.Add(new(name, VaultPayload.OpenField(aes, payload.Span, layout, i, subjectId)));
                }
            }

            return new IdentityRecord(opened);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private async Task<WrappedDataKey> CreateDataKeyAsync(string subjectId, CancellationToken cancellationToken)
    {
        var dataKeyId = Guid.NewGuid();
        var dataKey = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(dataKey);
            var record = await _masterKeys.WithActiveAsync(
                (masterKeyId, masterKey) => new WrappedDataKey(
                    subjectId,
                    dataKeyId,
                    masterKeyId,
                    _time.GetUtcNow(),
                    DataKeyWrapping.Wrap(masterKey, masterKeyId, dataKeyId, subjectId, dataKey)),
                cancellationToken).ConfigureAwait(false);
            if (await _store.PutDataKeyAsync(record, overwrite: false, cancellationToken).ConfigureAwait(false))
            {
                return record;
            }

            // Another writer created the subject's key first: use theirs so no payload is sealed under a lost key.
            return await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false)
                ?? throw new VaultException(VaultErrorCodes.DataKeyNotFound, "The subject's data key vanished while it was created.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private Task<bool> UnwrapAsync(string subjectId, WrappedDataKey record, byte[] dataKey, CancellationToken cancellationToken)
    {
        var masterKeyId = DataKeyWrapping.ReadMasterKeyId(record.Wrapped.Span);
        if (masterKeyId != record.MasterKeyId)
        {
            throw new VaultException(VaultErrorCodes.WrappedDataKeyInvalid, "The wrapped data key names another master key than its record.");
        }

        return _masterKeys.WithKeyAsync(
            masterKeyId,
            masterKey =>
            {
                DataKeyWrapping.Unwrap(masterKey, record.Wrapped.Span, record.DataKeyId, subjectId, dataKey);
                return true;
            },
            cancellationToken);
    }
}

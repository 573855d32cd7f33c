using System.Collections.Concurrent;
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
    /// <summary>How often <see cref="GetOrCreateDataKeyAsync"/> reads or creates a key that concurrent writers keep changing.</summary>
    internal const int MaxKeyAttempts = 16;

    private readonly IVaultKeyStore _store;
    private readonly TimeProvider _time;
    private readonly VaultMasterKeys _masterKeys;
    private readonly ConcurrentDictionary<VaultSealScope, byte> _scopes = new();
    private long _shredCount;

    public IdentityVault(IVaultKeyStore store, IDataProtectionProvider provider, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _masterKeys = new VaultMasterKeys(store, provider, time);
    }

    /// <summary>Shreds so far: a scope that loaded a key while this changed loads it again (<see cref="VaultSealScope"/>).</summary>
    internal long ShredCount => Interlocked.Read(ref _shredCount);

    /// <summary>The names of the fields a payload holds, read from its header without any key.</summary>
    public static IReadOnlyList<string> GetFieldNames(ReadOnlySpan<byte> payload) =>
        [.. VaultPayload.Parse(payload).Fields.Select(f => f.Name)];

    /// <summary>Encrypts <paramref name="identity"/> for <paramref name="subjectId"/>, creating the subject's data key on first use.</summary>
    public async Task<byte[]> SealAsync(string subjectId, IdentityRecord identity, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        ArgumentNullException.ThrowIfNull(identity);
        using var key = await GetOrCreateDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
        return key.TrySeal(subjectId, identity, out var payload) ? payload : throw new ObjectDisposedException(nameof(UnwrappedDataKey));
    }

    /// <summary>
    /// Loads the master keys now (creating the first one in an empty store), so that the seals that follow write nothing to the
    /// key store but new data keys. Ingress calls this before it begins the write transaction its seals run under: the first
    /// master key of a fresh store is written on its own connection, which would otherwise wait for that transaction.
    /// </summary>
    public async Task LoadMasterKeysAsync(CancellationToken cancellationToken = default) =>
        _ = await _masterKeys.GetRingAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Starts a unit of work that seals many payloads with each subject's data key unwrapped or created once (ingress batches).
    /// Dispose it when the unit ends: that zeroes the keys it holds.
    /// </summary>
    public VaultSealScope BeginSealScope()
    {
        var scope = new VaultSealScope(this);
        _scopes[scope] = 0;
        return scope;
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

    /// <summary>
    /// Crypto-shredding: deletes the subject's data key, and evicts and zeroes it in every live <see cref="VaultSealScope"/>,
    /// so no cache of this vault seals under it afterwards. False when the subject had none.
    /// </summary>
    public async Task<bool> ShredAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        try
        {
            return await _store.DeleteDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // After the delete: a scope loading the key now either sees the count change and loads again, or is evicted below.
            Interlocked.Increment(ref _shredCount);
            foreach (var scope in _scopes.Keys)
            {
                scope.Evict(subjectId);
            }
        }
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

        var ring = await _masterKeys.GetRingAsync(cancellationToken).ConfigureAwait(false);
        var dataKey = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        WrappedDataKey rewrapped;
        try
        {
            ring.Unwrap(subjectId, record, dataKey);
            var wrapped = ring.Wrap(subjectId, record.DataKeyId, dataKey, record.CreatedAt);
            rewrapped = record with { MasterKeyId = wrapped.MasterKeyId, Wrapped = wrapped.Wrapped };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return await _store.PutDataKeyAsync(rewrapped, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Zeroes the keys of every live scope and the master keys.</summary>
    public void Dispose()
    {
        foreach (var scope in _scopes.Keys)
        {
            scope.Dispose();
        }

        _masterKeys.Dispose();
    }

    internal void Unregister(VaultSealScope scope) => _scopes.TryRemove(scope, out _);

    /// <summary>
    /// The subject's data key in plaintext: unwrapped from the store, or created, wrapped and stored when the subject has none
    /// (then used as created, without unwrapping it again). The caller owns (and disposes) the result.
    /// <para>
    /// When another writer creates the key first, theirs is used, so no payload is sealed under a lost key. When a shred
    /// deletes that key before it could be read, the subject has no key again and one is created: a seal that races a shred
    /// never fails for it and never uses the shredded key. Each retry means another writer changed the subject's key; after
    /// <see cref="MaxKeyAttempts"/> of them the seal gives up (SH1104) instead of spinning.
    /// </para>
    /// </summary>
    internal async Task<UnwrappedDataKey> GetOrCreateDataKeyAsync(string subjectId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxKeyAttempts; attempt++)
        {
            var record = await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
            if (record is not null)
            {
                return await UnwrapAsync(subjectId, record, cancellationToken).ConfigureAwait(false);
            }

            if (await TryCreateDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false) is { } created)
            {
                return created;
            }

            // Another writer created the subject's key first: read theirs (unless a shred deleted it meanwhile).
        }

        throw new VaultException(
            VaultErrorCodes.DataKeyNotFound,
            "The subject's data key kept changing while it was created (concurrent creates and shreds); the seal was not made.");
    }

    /// <summary>A new data key, stored if the subject has none; null when another writer's key is already there.</summary>
    private async Task<UnwrappedDataKey?> TryCreateDataKeyAsync(string subjectId, CancellationToken cancellationToken)
    {
        var dataKeyId = Guid.NewGuid();
        var ring = await _masterKeys.GetRingAsync(cancellationToken).ConfigureAwait(false);
        var buffer = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        UnwrappedDataKey? created = null;
        try
        {
            RandomNumberGenerator.Fill(buffer);
            var wrapped = ring.Wrap(subjectId, dataKeyId, buffer, _time.GetUtcNow());
            if (await _store.PutDataKeyAsync(wrapped, overwrite: false, cancellationToken).ConfigureAwait(false))
            {
                created = new UnwrappedDataKey(dataKeyId, buffer);
            }

            return created;
        }
        finally
        {
            if (created is null)
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
    }

    private async Task<UnwrappedDataKey> UnwrapAsync(string subjectId, WrappedDataKey record, CancellationToken cancellationToken)
    {
        var ring = await _masterKeys.GetRingAsync(cancellationToken).ConfigureAwait(false);
        var buffer = GC.AllocateUninitializedArray<byte>(DataKeyWrapping.KeyLength, pinned: true);
        try
        {
            ring.Unwrap(subjectId, record, buffer);
            return new UnwrappedDataKey(record.DataKeyId, buffer);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw;
        }
    }

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

        using var key = await UnwrapAsync(subjectId, record, cancellationToken).ConfigureAwait(false);
        return key.Open(subjectId, payload.Span, layout, fields);
    }
}

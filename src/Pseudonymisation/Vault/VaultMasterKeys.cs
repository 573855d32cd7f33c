using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The vault's master keys, unprotected in memory (pinned, zeroed on dispose). They are persisted only
/// protected by DataProtection, purpose "SharingHub.Vault.v1"; the protected plaintext names its own id so a
/// protected key moved to another record is refused. The first use creates one active master key.
/// </summary>
internal sealed class VaultMasterKeys : IDisposable
{
    public delegate T ActiveKeyFunc<out T>(Guid masterKeyId, ReadOnlySpan<byte> masterKey);

    public delegate T KeyFunc<out T>(ReadOnlySpan<byte> masterKey);

    public const string Purpose = "SharingHub.Vault.v1";

    private const byte PlainFormat = 1;
    private const int PlainLength = 1 + 16 + 32;

    private readonly IVaultKeyStore _store;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, SecretBuffer> _keys = [];
    private List<MasterKeyRecord>? _records;
    private Guid _activeId;

    public VaultMasterKeys(IVaultKeyStore store, IDataProtectionProvider provider, TimeProvider time)
    {
        _store = store;
        _protector = provider.CreateProtector(Purpose);
        _time = time;
    }

    /// <summary>Runs <paramref name="use"/> with the active master key and its id.</summary>
    public async Task<T> WithActiveAsync<T>(ActiveKeyFunc<T> use, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            return use(_activeId, _keys[_activeId].Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="use"/> with master key <paramref name="id"/>; SH1107 when it is unknown.</summary>
    public async Task<T> WithKeyAsync<T>(Guid id, KeyFunc<T> use, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            if (!_keys.TryGetValue(id, out var key))
            {
                throw new VaultException(VaultErrorCodes.MasterKeyNotFound, "The master key that wrapped this data key is not in the key store.");
            }

            return use(key.Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates, persists and activates a new master key; older master keys stay usable for unwrapping.</summary>
    public async Task<Guid> RotateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            await AddNewKeyAsync(cancellationToken).ConfigureAwait(false);
            return _activeId;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
        _gate.Dispose();
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_records is not null)
        {
            return;
        }

        var records = await _store.GetMasterKeysAsync(cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            _records = [];
            await AddNewKeyAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (records.Count(r => r.Status == KeyStatus.Active) != 1 || records.Select(r => r.MasterKeyId).Distinct().Count() != records.Count)
        {
            throw new VaultException(VaultErrorCodes.StoreCorrupt, "The master key records need unique ids and exactly one active key.");
        }

        foreach (var record in records)
        {
            _keys[record.MasterKeyId] = Unprotect(record);
            if (record.Status == KeyStatus.Active)
            {
                _activeId = record.MasterKeyId;
            }
        }

        _records = [.. records];
    }

    private async Task AddNewKeyAsync(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var plain = GC.AllocateUninitializedArray<byte>(PlainLength, pinned: true);
        try
        {
            plain[0] = PlainFormat;
            id.TryWriteBytes(plain.AsSpan(1, 16));
            RandomNumberGenerator.Fill(plain.AsSpan(17));
            var record = new MasterKeyRecord(id, KeyStatus.Active, _time.GetUtcNow(), _protector.Protect(plain));
            var records = _records!.Select(r => r with { Status = KeyStatus.Retired }).Append(record).ToList();
            await _store.SaveMasterKeysAsync(records, cancellationToken).ConfigureAwait(false);
            _keys[id] = new SecretBuffer(plain.AsSpan(17));
            _records = records;
            _activeId = id;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private SecretBuffer Unprotect(MasterKeyRecord record)
    {
        byte[] plain;
        try
        {
            plain = _protector.Unprotect(record.Protected.ToArray());
        }
        catch (CryptographicException ex)
        {
            throw new VaultException(VaultErrorCodes.MasterKeyUnwrapFailed, "A vault master key could not be unprotected.", ex);
        }

        try
        {
            if (plain.Length != PlainLength || plain[0] != PlainFormat || new Guid(plain.AsSpan(1, 16)) != record.MasterKeyId)
            {
                throw new VaultException(VaultErrorCodes.MasterKeyUnwrapFailed, "A protected master key does not belong to its record.");
            }

            return new SecretBuffer(plain.AsSpan(17));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The vault's master keys, unprotected in memory (pinned, zeroed on dispose). They are persisted only
/// protected by DataProtection, purpose "SharingHub.Vault.v1"; the protected plaintext names its own id so a
/// protected key moved to another record is refused. The first use creates one active master key.
/// Loading and rotation run behind one gate; once loaded, wrapping and unwrapping read an immutable
/// <see cref="MasterKeyRing"/> without any lock, and a rotation publishes a new ring (older keys stay in it).
/// </summary>
internal sealed class VaultMasterKeys : IDisposable
{
    public const string Purpose = "SharingHub.Vault.v1";

    private const byte PlainFormat = 1;
    private const int PlainLength = 1 + 16 + 32;

    private readonly IVaultKeyStore _store;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MasterKeyRing? _ring;
    private List<MasterKeyRecord>? _records;
    private int _users;
    private int _disposed;

    public VaultMasterKeys(IVaultKeyStore store, IDataProtectionProvider provider, TimeProvider time)
    {
        _store = store;
        _protector = provider.CreateProtector(Purpose);
        _time = time;
    }

    /// <summary>The current ring; loads (or creates) the master keys on first use.</summary>
    public ValueTask<MasterKeyRing> GetRingAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _ring) is { } ring ? ValueTask.FromResult(ring) : new(LoadAsync(cancellationToken));

    /// <summary>Creates, persists and activates a new master key; older master keys stay usable for unwrapping.</summary>
    public async Task<Guid> RotateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ring = await LoadUnderGateAsync(cancellationToken).ConfigureAwait(false);
            return (await AddNewKeyAsync(ring.Keys, cancellationToken).ConfigureAwait(false)).ActiveId;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Zeroes every master key, after waiting for wraps and unwraps in progress; later uses throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref _users) != 0)
        {
            spin.SpinOnce();
        }

        foreach (var key in Volatile.Read(ref _ring)?.Keys.Values ?? [])
        {
            key.Dispose();
        }

        _gate.Dispose();
    }

    /// <summary>Marks a use of the key bytes; Dispose waits for it to end before it zeroes them.</summary>
    internal void Enter()
    {
        Interlocked.Increment(ref _users);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Decrement(ref _users);
            throw new ObjectDisposedException(nameof(IdentityVault));
        }
    }

    internal void Exit() => Interlocked.Decrement(ref _users);

    private async Task<MasterKeyRing> LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadUnderGateAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<MasterKeyRing> LoadUnderGateAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_ring is { } loaded)
        {
            return loaded;
        }

        var records = await _store.GetMasterKeysAsync(cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            _records = [];
            return await AddNewKeyAsync(new Dictionary<Guid, MasterKey>(), cancellationToken).ConfigureAwait(false);
        }

        if (records.Count(r => r.Status == KeyStatus.Active) != 1 || records.Select(r => r.MasterKeyId).Distinct().Count() != records.Count)
        {
            throw new VaultException(VaultErrorCodes.StoreCorrupt, "The master key records need unique ids and exactly one active key.");
        }

        var keys = new Dictionary<Guid, MasterKey>();
        try
        {
            foreach (var record in records)
            {
                keys[record.MasterKeyId] = Unprotect(record);
            }
        }
        catch
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            throw;
        }

        _records = [.. records];
        var ring = new MasterKeyRing(this, keys, records.Single(r => r.Status == KeyStatus.Active).MasterKeyId);
        Volatile.Write(ref _ring, ring);
        return ring;
    }

    private async Task<MasterKeyRing> AddNewKeyAsync(IReadOnlyDictionary<Guid, MasterKey> current, CancellationToken cancellationToken)
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
            var keys = new Dictionary<Guid, MasterKey>(current) { [id] = new MasterKey(plain.AsSpan(17)) };
            _records = records;
            var ring = new MasterKeyRing(this, keys, id);
            Volatile.Write(ref _ring, ring);
            return ring;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private MasterKey Unprotect(MasterKeyRecord record)
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

            return new MasterKey(plain.AsSpan(17));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

/// <summary>
/// An in-memory key store that counts calls, records the id of every data key it deletes (puts and deletes are serialised so
/// the record is exact) and can be told to fail lookups.
/// </summary>
internal sealed class RecordingVaultKeyStore : IVaultKeyStore
{
    private readonly InMemoryVaultKeyStore _inner = new();
    private readonly Lock _writes = new();
    private readonly HashSet<Guid> _deleted = [];
    private int _gets;
    private int _puts;
    private int _masterSaves;

    public int Gets => Volatile.Read(ref _gets);

    public int Puts => Volatile.Read(ref _puts);

    public int MasterSaves => Volatile.Read(ref _masterSaves);

    /// <summary>When set, <see cref="GetDataKeyAsync"/> throws it.</summary>
    public Exception? FailGets { get; set; }

    /// <summary>The ids of the data keys deleted so far (a copy).</summary>
    public HashSet<Guid> Deleted
    {
        get
        {
            lock (_writes)
            {
                return [.. _deleted];
            }
        }
    }

    /// <summary>When set, a lookup reads the key first and then awaits this before it answers (a slow store, a stale read).</summary>
    public Func<Task>? AfterRead { get; set; }

    public async Task<WrappedDataKey?> GetDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _gets);
        if (FailGets is { } failure)
        {
            throw failure;
        }

        var key = await _inner.GetDataKeyAsync(subjectId, cancellationToken);
        if (AfterRead is { } pause)
        {
            await pause();
        }

        return key;
    }

    /// <summary>When set, runs before a put is applied (another writer acting just before this one).</summary>
    public Func<WrappedDataKey, Task>? BeforePut { get; set; }

    /// <summary>When set, runs after a put with its result (another writer acting just after this one).</summary>
    public Func<WrappedDataKey, bool, Task>? AfterPut { get; set; }

    public async Task<bool> PutDataKeyAsync(WrappedDataKey key, bool overwrite, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _puts);
        if (BeforePut is { } before)
        {
            await before(key);
        }

        bool stored;
        lock (_writes)
        {
            stored = _inner.PutDataKeyAsync(key, overwrite, cancellationToken).GetAwaiter().GetResult();
        }

        if (AfterPut is { } after)
        {
            await after(key, stored);
        }

        return stored;
    }

    /// <summary>Stores a key as another writer would, without counting it or running the hooks.</summary>
    public void PutAsAnotherWriter(WrappedDataKey key)
    {
        lock (_writes)
        {
            _inner.PutDataKeyAsync(key, overwrite: false).GetAwaiter().GetResult();
        }
    }

    public Task<bool> DeleteDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        lock (_writes)
        {
            var current = _inner.GetDataKeyAsync(subjectId, cancellationToken).GetAwaiter().GetResult();
            if (current is not null)
            {
                _deleted.Add(current.DataKeyId);
            }

            return _inner.DeleteDataKeyAsync(subjectId, cancellationToken);
        }
    }

    public Task<IReadOnlyList<MasterKeyRecord>> GetMasterKeysAsync(CancellationToken cancellationToken = default) => _inner.GetMasterKeysAsync(cancellationToken);

    public Task SaveMasterKeysAsync(IReadOnlyList<MasterKeyRecord> records, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _masterSaves);
        return _inner.SaveMasterKeysAsync(records, cancellationToken);
    }
}

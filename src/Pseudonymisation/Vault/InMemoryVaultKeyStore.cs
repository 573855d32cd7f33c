using System.Collections.Concurrent;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>A vault key store in memory, for tests and ephemeral tools.</summary>
public sealed class InMemoryVaultKeyStore : IVaultKeyStore
{
    private readonly ConcurrentDictionary<string, WrappedDataKey> _dataKeys = new(StringComparer.Ordinal);
    private IReadOnlyList<MasterKeyRecord> _masterKeys = [];

    public Task<WrappedDataKey?> GetDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        return Task.FromResult(_dataKeys.TryGetValue(subjectId, out var key) ? key : null);
    }

    public Task<bool> PutDataKeyAsync(WrappedDataKey key, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        SubjectId.Validate(key.SubjectId);
        var copy = key with { Wrapped = key.Wrapped.ToArray() };
        if (overwrite)
        {
            _dataKeys[key.SubjectId] = copy;
            return Task.FromResult(true);
        }

        return Task.FromResult(_dataKeys.TryAdd(key.SubjectId, copy));
    }

    public Task<bool> DeleteDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        return Task.FromResult(_dataKeys.TryRemove(subjectId, out _));
    }

    public Task<IReadOnlyList<MasterKeyRecord>> GetMasterKeysAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Volatile.Read(ref _masterKeys));

    public Task SaveMasterKeysAsync(IReadOnlyList<MasterKeyRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        Volatile.Write(ref _masterKeys, [.. records.Select(r => r with { Protected = r.Protected.ToArray() })]);
        return Task.CompletedTask;
    }
}

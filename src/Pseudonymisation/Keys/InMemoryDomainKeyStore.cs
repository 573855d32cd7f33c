using System.Collections.Concurrent;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>A key store in memory, for tests and ephemeral tools.</summary>
public sealed class InMemoryDomainKeyStore : IDomainKeyStore
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<WrappedKeyRecord>> _domains = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<WrappedKeyRecord>> LoadAsync(string domain, CancellationToken cancellationToken = default)
    {
        DomainId.Validate(domain);
        return Task.FromResult(_domains.TryGetValue(domain, out var records) ? records : []);
    }

    public Task SaveAsync(string domain, IReadOnlyList<WrappedKeyRecord> records, CancellationToken cancellationToken = default)
    {
        DomainId.Validate(domain);
        ArgumentNullException.ThrowIfNull(records);
        _domains[domain] = [.. records.Select(r => r with { WrappedKey = r.WrappedKey.ToArray() })];
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// Loads, creates and rotates the key rings of domains. A domain's first use creates key version 1; keys are
/// persisted only wrapped by DataProtection (purpose "SharingHub.Keys.v1" / domain). Rotation persists the
/// new version before it becomes active in memory, so no pseudonym is ever made under an unsaved key.
/// </summary>
public sealed class DomainKeyService : IDisposable
{
    private readonly IDomainKeyStore _store;
    private readonly IDataProtectionProvider _provider;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DomainKeyRing> _rings = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public DomainKeyService(IDomainKeyStore store, IDataProtectionProvider provider, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _provider = provider;
        _time = time;
    }

    /// <summary>
    /// The ring of <paramref name="domain"/>; created with version 1 and saved when the store has none. The ring
    /// is cached and owned by this service: do not dispose it; disposing the service zeroes every ring.
    /// </summary>
    public async Task<DomainKeyRing> GetRingAsync(string domain, CancellationToken cancellationToken = default)
    {
        DomainId.Validate(domain);
        if (_rings.TryGetValue(domain, out var cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await GetRingLockedAsync(domain, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates, persists and activates a new key version; the previous versions stay resolvable.</summary>
    public async Task<DomainKeyInfo> RotateAsync(string domain, CancellationToken cancellationToken = default)
    {
        DomainId.Validate(domain);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ring = await GetRingLockedAsync(domain, cancellationToken).ConfigureAwait(false);
            var plan = ring.PlanRotation();
            try
            {
                await _store.SaveAsync(domain, plan.Records, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                plan.Material.Dispose();
                throw;
            }

            ring.Apply(plan);
            return plan.NewInfo;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var ring in _rings.Values)
        {
            ring.Dispose();
        }

        _rings.Clear();
        _gate.Dispose();
    }

    private async Task<DomainKeyRing> GetRingLockedAsync(string domain, CancellationToken cancellationToken)
    {
        if (_rings.TryGetValue(domain, out var cached))
        {
            return cached;
        }

        var wrapper = new DomainKeyWrapper(_provider, domain);
        var records = await _store.LoadAsync(domain, cancellationToken).ConfigureAwait(false);
        DomainKeyRing ring;
        if (records.Count == 0)
        {
            ring = DomainKeyRing.CreateNew(wrapper, _time);
            try
            {
                await _store.SaveAsync(domain, ring.ToRecords(), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                ring.Dispose();
                throw;
            }
        }
        else
        {
            ring = DomainKeyRing.Load(wrapper, records, _time);
        }

        _rings[domain] = ring;
        return ring;
    }
}

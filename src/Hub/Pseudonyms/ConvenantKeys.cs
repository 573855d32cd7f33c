using System.Collections.Concurrent;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>
/// Per convenant (one key domain per convenant id): the <see cref="Pseudonymiser"/> for match keys and the
/// <see cref="SubjectReferenceDeriver"/> for partner subject references, built once from the domain's key ring.
/// </summary>
public sealed class ConvenantKeys(DomainKeyService keys) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DomainTools>>> _domains = new(StringComparer.Ordinal);

    /// <summary>The tools of one convenant's domain (the ring is created on first use and stored wrapped).</summary>
    public Task<DomainTools> GetAsync(string convenantId) =>
        _domains.GetOrAdd(convenantId, id => new Lazy<Task<DomainTools>>(() => CreateAsync(id, CancellationToken.None))).Value;

    public void Dispose()
    {
        foreach (var entry in _domains.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.References.Dispose();
            }
        }
    }

    private async Task<DomainTools> CreateAsync(string convenantId, CancellationToken cancellationToken)
    {
        var ring = await keys.GetRingAsync(convenantId, cancellationToken).ConfigureAwait(false);
        return new DomainTools(new Pseudonymiser(ring), new SubjectReferenceDeriver(ring));
    }
}

/// <summary>The pseudonymisation tools of one key domain.</summary>
public sealed record DomainTools(Pseudonymiser Pseudonymiser, SubjectReferenceDeriver References);

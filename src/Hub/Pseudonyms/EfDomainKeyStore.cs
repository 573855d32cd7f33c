using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Hub.Pseudonyms;

/// <summary><see cref="IDomainKeyStore"/> on the hub database: the wrapped key versions of a domain in <c>domain_keys</c>.</summary>
internal sealed class EfDomainKeyStore(IServiceScopeFactory scopes) : IDomainKeyStore
{
    public async Task<IReadOnlyList<WrappedKeyRecord>> LoadAsync(string domain, CancellationToken cancellationToken = default)
    {
        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await db.Set<DomainKeyRow>().AsNoTracking().Where(r => r.Domain == domain).OrderBy(r => r.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new WrappedKeyRecord(r.Domain, r.Version, r.KeyId, (KeyStatus)r.Status, r.CreatedAt, r.WrappedKey))];
    }

    public async Task SaveAsync(string domain, IReadOnlyList<WrappedKeyRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        await db.Set<DomainKeyRow>().Where(r => r.Domain == domain).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.Set<DomainKeyRow>().AddRange(records.Select(r => new DomainKeyRow
        {
            Domain = domain,
            Version = r.Version,
            KeyId = r.KeyId,
            Status = (int)r.Status,
            CreatedAt = r.CreatedAt.ToUniversalTime(),
            WrappedKey = r.WrappedKey.ToArray(),
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

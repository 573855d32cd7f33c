using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>
/// <see cref="IVaultKeyStore"/> on the hub database (<c>vault_data_keys</c>, <c>vault_master_keys</c>). Outside a unit of
/// work every call commits on its own. Inside <see cref="Enlist"/> (retention) data-key deletes join the caller's transaction.
/// Inside <see cref="PrepareAsync"/> (ingress), new data keys are only collected in the unit
/// (<see cref="VaultKeyUnit.NewRows"/>), so they commit in the same transaction as the payloads sealed under them, and lookups are answered from the
/// keys the unit prefetched in one query.
/// </summary>
internal sealed class EfVaultKeyStore(IServiceScopeFactory scopes) : IVaultKeyStore
{
    private static readonly AsyncLocal<VaultKeyUnit?> Ambient = new();

    /// <summary>
    /// Prefetches the data keys of <paramref name="existingSubjects"/> (one query) and marks <paramref name="newSubjects"/>
    /// as keyless. Call <see cref="VaultKeyUnit.Activate"/> (synchronously, in the caller) to make it the vault's unit of work
    /// for the current async flow until disposed.
    /// </summary>
    public static async Task<VaultKeyUnit> PrepareAsync(HubDbContext db, IReadOnlyCollection<string> existingSubjects, IReadOnlyCollection<string> newSubjects, CancellationToken cancellationToken)
    {
        var unit = new VaultKeyUnit(db);
        if (existingSubjects.Count > 0)
        {
            var ids = existingSubjects.ToList();
            var rows = await db.Set<VaultDataKeyRow>().AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.SubjectId)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                unit.Keys[row.SubjectId] = ToRecord(row);
            }

            foreach (var id in ids)
            {
                unit.Keys.TryAdd(id, null);
            }
        }

        foreach (var id in newSubjects)
        {
            unit.Keys[id] = null;
        }

        return unit;
    }

    /// <summary>
    /// A unit of work for a caller that already holds a transaction on <paramref name="db"/> (retention): once activated, the
    /// vault's reads and crypto-shreds (<see cref="IdentityVault.ShredAsync"/>) run on that connection inside that transaction, so a
    /// shred commits or rolls back together with the caller's other changes.
    /// </summary>
    public static VaultKeyUnit Enlist(HubDbContext db) => new(db);

    public async Task<WrappedDataKey?> GetDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        if (Ambient.Value is { } unit)
        {
            if (unit.Keys.TryGetValue(subjectId, out var known))
            {
                return known;
            }

            // Not prefetched (rare): one query at a time on the unit's context, which is not thread-safe.
            await unit.DbGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (unit.Keys.TryGetValue(subjectId, out known))
                {
                    return known;
                }

                var found = await unit.Db.Set<VaultDataKeyRow>().AsNoTracking().SingleOrDefaultAsync(r => r.SubjectId == subjectId, cancellationToken).ConfigureAwait(false);
                return unit.Keys.GetOrAdd(subjectId, found is null ? null : ToRecord(found));
            }
            finally
            {
                unit.DbGate.Release();
            }
        }

        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var row = await db.Set<VaultDataKeyRow>().AsNoTracking().SingleOrDefaultAsync(r => r.SubjectId == subjectId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    public async Task<bool> PutDataKeyAsync(WrappedDataKey key, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Ambient.Value is { } unit && !overwrite)
        {
            if (await GetDataKeyAsync(key.SubjectId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            lock (unit.NewRows)
            {
                // Seals run in parallel: the first key put for a subject wins, the others use it.
                if (unit.Keys.TryGetValue(key.SubjectId, out var current) && current is not null)
                {
                    return false;
                }

                unit.NewRows.Add(ToRow(key));
                unit.Keys[key.SubjectId] = key;
                return true;
            }
        }

        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var existing = await db.Set<VaultDataKeyRow>().SingleOrDefaultAsync(r => r.SubjectId == key.SubjectId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !overwrite)
        {
            return false;
        }

        if (existing is not null)
        {
            db.Remove(existing);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        db.Add(ToRow(key));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException) when (!overwrite)
        {
            return false;
        }
    }

    public async Task<bool> DeleteDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        if (Ambient.Value is { } unit)
        {
            unit.Keys[subjectId] = null;
            return await unit.Db.Set<VaultDataKeyRow>().Where(r => r.SubjectId == subjectId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Set<VaultDataKeyRow>().Where(r => r.SubjectId == subjectId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<MasterKeyRecord>> GetMasterKeysAsync(CancellationToken cancellationToken = default)
    {
        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await db.Set<VaultMasterKeyRow>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new MasterKeyRecord(r.MasterKeyId, (KeyStatus)r.Status, r.CreatedAt, r.Protected))];
    }

    public async Task SaveMasterKeysAsync(IReadOnlyList<MasterKeyRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var scope = scopes.CreateAsyncScope();
        await using var disposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        await db.Set<VaultMasterKeyRow>().ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.Set<VaultMasterKeyRow>().AddRange(records.Select(r => new VaultMasterKeyRow
        {
            MasterKeyId = r.MasterKeyId,
            Status = (int)r.Status,
            CreatedAt = r.CreatedAt.ToUniversalTime(),
            Protected = r.Protected.ToArray(),
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static WrappedDataKey ToRecord(VaultDataKeyRow row) => new(row.SubjectId, row.DataKeyId, row.MasterKeyId, row.CreatedAt, row.Wrapped);

    private static VaultDataKeyRow ToRow(WrappedDataKey key) => new()
    {
        SubjectId = key.SubjectId,
        DataKeyId = key.DataKeyId,
        MasterKeyId = key.MasterKeyId,
        CreatedAt = key.CreatedAt.ToUniversalTime(),
        Wrapped = key.Wrapped.ToArray(),
    };

    /// <summary>
    /// The ingress unit of work the vault writes its new data keys into. Safe for parallel seals within one unit: lookups of
    /// prefetched keys are lock-free, new keys are added under a lock, a rare query on <see cref="Db"/> goes one at a time.
    /// </summary>
    internal sealed class VaultKeyUnit(HubDbContext db) : IDisposable
    {
        public HubDbContext Db { get; } = db;

        public System.Collections.Concurrent.ConcurrentDictionary<string, WrappedDataKey?> Keys { get; } = new(StringComparer.Ordinal);

        public SemaphoreSlim DbGate { get; } = new(1, 1);

        /// <summary>The data keys created in this unit: the caller inserts them in its transaction (lock it to add).</summary>
        public List<VaultDataKeyRow> NewRows { get; } = [];

        /// <summary>Makes this unit ambient for the caller's async flow (must not be called from inside an awaited helper).</summary>
        public VaultKeyUnit Activate()
        {
            Ambient.Value = this;
            return this;
        }

        public void Dispose()
        {
            Ambient.Value = null;
            DbGate.Dispose();
        }
    }
}

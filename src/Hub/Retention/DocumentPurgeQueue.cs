using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Retention;

/// <summary>
/// Document-store deletes of a purge, made safe across the database commit. Before the purge transaction commits, the names
/// of the documents it will unlink are written as a manifest (<c>retention/pending/&lt;id&gt;</c>, JSON list of store names:
/// random ids, never an identifier). After the commit the documents are deleted and the manifest removed. Any manifest left
/// over (the delete failed, or the process stopped) is worked off at the start of the next run, idempotently, and only for
/// names no <c>signal_documents</c> row refers to any more: a manifest whose transaction rolled back deletes nothing.
/// The database is therefore never half-written, and no document outlives its row for longer than one run.
/// </summary>
internal sealed class DocumentPurgeQueue(IDocumentStore store)
{
    public const string Prefix = "retention/pending/";

    public async Task<DocumentName?> WriteAsync(Guid id, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var manifest = DocumentName.Parse(Prefix + id.ToString("N"));
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(names), writable: false);
        await store.PutAsync(manifest, content, "application/json", cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Deletes the documents of one committed manifest, then the manifest; returns how many documents were deleted.</summary>
    public async Task<int> CompleteAsync(DocumentName manifest, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var name in names)
        {
            if (DocumentName.TryParse(name, out var parsed) && await store.DeleteAsync(parsed.Value, cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        await store.DeleteAsync(manifest, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>Works off manifests left by earlier runs: deletes only documents no row refers to; returns (deleted, manifests still pending).</summary>
    public async Task<(int Deleted, int Pending)> RecoverAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var manifests = new List<DocumentName>();
        await foreach (var info in store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            manifests.Add(info.Name);
        }

        var deleted = 0;
        var pending = 0;
        foreach (var manifest in manifests)
        {
            try
            {
                var names = await ReadAsync(manifest, cancellationToken).ConfigureAwait(false);
                var referenced = await db.SignalDocuments.AsNoTracking()
                    .Where(d => EF.Parameter(names).Contains(d.OriginalName) || (d.ScrubbedName != null && EF.Parameter(names).Contains(d.ScrubbedName)))
                    .Select(d => new { d.OriginalName, d.ScrubbedName }).ToListAsync(cancellationToken).ConfigureAwait(false);
                var keep = referenced.SelectMany(d => new[] { d.OriginalName, d.ScrubbedName }).OfType<string>().ToHashSet(StringComparer.Ordinal);
                deleted += await CompleteAsync(manifest, [.. names.Where(n => !keep.Contains(n))], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or Azure.RequestFailedException)
            {
                pending++;
            }
        }

        return (deleted, pending);
    }

    private async Task<List<string>> ReadAsync(DocumentName manifest, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(manifest, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return [];
        }

        await using (document.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<List<string>>(document.Content, cancellationToken: cancellationToken).ConfigureAwait(false) ?? [];
        }
    }
}

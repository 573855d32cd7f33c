using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Subjects;

/// <summary>
/// Lookups of rows by subject id that must use the subject-id index. Subject ids are unique across convenants, so the
/// convenant is checked on the loaded rows rather than in SQL: with a <c>ConvenantId = @c</c> predicate SQLite (which keeps
/// no statistics unless ANALYZE runs) prefers the convenant-prefixed primary key or index and reads every row of the
/// convenant (or of the partner) for each lookup, so a batch's cost grew with the size of the database.
/// </summary>
internal static class SubjectReferences
{
    /// <summary>The references <paramref name="partnerId"/> holds for <paramref name="subjectIds"/> under <paramref name="convenant"/>.</summary>
    public static async Task<Dictionary<Guid, string>> OfPartnerAsync(
        HubDbContext db, string convenant, string partnerId, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var ids = subjectIds as List<Guid> ?? [.. subjectIds];
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.SubjectRefs.AsNoTracking()
            .Where(r => r.PartnerId == partnerId && EF.Parameter(ids).Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.Reference, r.ConvenantId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var references = new Dictionary<Guid, string>(rows.Count);
        foreach (var row in rows)
        {
            if (string.Equals(row.ConvenantId, convenant, StringComparison.Ordinal))
            {
                references.TryAdd(row.SubjectId, row.Reference);
            }
        }

        return references;
    }
}

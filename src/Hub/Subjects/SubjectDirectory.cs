using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Storage;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Subjects;

/// <summary>
/// Finds subjects for the workflow: a partner's own subject reference to its cluster root, and a root to every subject
/// linkage merged into it. Rows are never re-pointed by a merge (<see cref="Subject.MergedIntoId"/>), so "all signals about
/// this subject" means the signals of every member of the cluster.
/// </summary>
public sealed class SubjectDirectory(HubDbContext db, ConvenantKeys keys)
{
    /// <summary>
    /// The cluster root behind <paramref name="reference"/> as <paramref name="partnerId"/> knows it under
    /// <paramref name="convenant"/>; null when that partner holds no such reference there (another partner's reference,
    /// another convenant's, or none at all: the caller cannot tell which).
    /// </summary>
    public async Task<ResolvedSubject?> ResolveReferenceAsync(string convenant, string partnerId, string reference, CancellationToken cancellationToken)
    {
        var subjectId = await db.SubjectRefs.AsNoTracking()
            .Where(r => r.ConvenantId == convenant && r.PartnerId == partnerId && r.Reference == reference)
            .Select(r => (Guid?)r.SubjectId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return subjectId is null ? null : await GetRootAsync(subjectId.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cluster root of <paramref name="subjectId"/> (itself when not merged); null when no such subject exists.</summary>
    public async Task<ResolvedSubject?> GetRootAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken).ConfigureAwait(false);
        if (subject?.MergedIntoId is { } root)
        {
            subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == root, cancellationToken).ConfigureAwait(false);
        }

        return subject is null ? null : new ResolvedSubject(subject.Id, subject.ConvenantId, subject.SubjectType, subject.Anchor);
    }

    /// <summary>Every subject of the cluster rooted at <paramref name="rootId"/>: the root first, then the merged members.</summary>
    public async Task<IReadOnlyList<Guid>> GetClusterAsync(Guid rootId, CancellationToken cancellationToken)
    {
        var members = await db.Subjects.AsNoTracking().Where(s => s.MergedIntoId == rootId).OrderBy(s => s.CreatedAt)
            .Select(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [rootId, .. members];
    }

    /// <summary>
    /// The reference <paramref name="partnerId"/> holds for any member of the cluster rooted at <paramref name="rootId"/>
    /// (the root's own first); null when the partner has none.
    /// </summary>
    public async Task<string?> FindReferenceAsync(string convenant, string partnerId, Guid rootId, CancellationToken cancellationToken)
    {
        var cluster = await GetClusterAsync(rootId, cancellationToken).ConfigureAwait(false);
        var references = await db.SubjectRefs.AsNoTracking()
            .Where(r => r.ConvenantId == convenant && r.PartnerId == partnerId && cluster.Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.Reference }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return references.OrderBy(r => r.SubjectId == rootId ? 0 : 1).Select(r => r.Reference).FirstOrDefault();
    }

    /// <summary>
    /// The reference <paramref name="partnerId"/> holds for the cluster rooted at <paramref name="root"/>; when it holds none
    /// (a partner that never submitted about the subject, such as the ZVH bureau that works a casus brought in by others), one
    /// is derived from the root's anchor with the partner's key and stored, so that the partner can name the subject from now on.
    /// Saves immediately: call it before adding the caller's own changes to the context.
    /// </summary>
    public async Task<string> GetOrCreateReferenceAsync(string convenant, string partnerId, ResolvedSubject root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        var existing = await FindReferenceAsync(convenant, partnerId, root.Id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        if (!Pseudonym.TryParse(root.Anchor, out var anchor))
        {
            throw new InvalidOperationException("A subject anchor is not a pseudonym.");
        }

        var tools = await keys.GetAsync(convenant).ConfigureAwait(false);
        var reference = tools.References.Derive(partnerId, anchor).ToString();
        var row = new SubjectRef { ConvenantId = convenant, PartnerId = partnerId, Reference = reference, SubjectId = root.Id };
        db.SubjectRefs.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent request derived and stored the same reference first (the derivation is deterministic).
            db.Entry(row).State = EntityState.Detached;
        }

        return reference;
    }
}

/// <summary>A cluster root: its id, convenant, <see cref="Pseudonymisation.Pseudonyms.SubjectType"/> value and anchor pseudonym (what the audit trail names it by).</summary>
public sealed record ResolvedSubject(Guid Id, string ConvenantId, int SubjectType, string Anchor);

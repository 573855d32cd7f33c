using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Cases;

/// <summary>Reads what a casus view needs: the cluster's signals (own and as group member), group members, submitting parties, the caller's references.</summary>
internal static class CasusReader
{
    /// <summary>
    /// Every signal about the cluster under the convenant: signals whose subject is a cluster member, and group signals that list a
    /// cluster member among their members; oldest first.
    /// </summary>
    public static async Task<List<CasusSignalRow>> SignalsAsync(HubDbContext db, string convenant, IReadOnlyList<Guid> cluster, CancellationToken cancellationToken)
    {
        var ids = cluster.ToList();
        var asMember = await db.SignalMembers.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.SubjectId))
            .Select(m => m.SignalId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await (
                from s in db.Signals.AsNoTracking()
                join subject in db.Subjects.AsNoTracking() on s.SubjectId equals subject.Id
                where s.ConvenantId == convenant && (EF.Parameter(ids).Contains(s.SubjectId) || EF.Parameter(asMember).Contains(s.Id))
                select new { s.Id, subject.SubjectType, s.PartnerId, s.Role, s.Purpose, s.Categories, s.IsMinor, s.Summary, s.SubmittedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new CasusSignalRow(r.Id, r.SubjectType, r.PartnerId, r.Role, r.Purpose, r.Categories, r.IsMinor, r.Summary, r.SubmittedAt))];
    }

    public static async Task<List<CasusMemberRow>> MembersAsync(HubDbContext db, IReadOnlyList<CasusSignalRow> signals, CancellationToken cancellationToken)
    {
        var ids = signals.Select(s => s.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.SignalMembers.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.SignalId))
            .Select(m => new { m.SignalId, m.SubjectId, m.Position }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CasusMemberRow(r.SignalId, r.SubjectId, r.Position))];
    }

    /// <summary>The convenant party of each partner id.</summary>
    public static async Task<Dictionary<string, string>> PartiesAsync(HubDbContext db, IEnumerable<string> partnerIds, CancellationToken cancellationToken)
    {
        var ids = partnerIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.Partners.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.PartyType, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller's own references to the given subjects (never another partner's).</summary>
    public static async Task<Dictionary<Guid, string>> ReferencesAsync(
        HubDbContext db, string convenant, string partnerId, IEnumerable<Guid> subjects, CancellationToken cancellationToken)
    {
        var ids = subjects.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await SubjectReferences.OfPartnerAsync(db, convenant, partnerId, ids, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The distinct purposes of the cluster's signals (for the audit trail's purpose and legal ground).</summary>
    public static async Task<List<string>> PurposesAsync(HubDbContext db, string convenant, IReadOnlyList<Guid> cluster, CancellationToken cancellationToken)
    {
        var ids = cluster.ToList();
        return await db.Signals.AsNoTracking().Where(s => s.ConvenantId == convenant && EF.Parameter(ids).Contains(s.SubjectId))
            .Select(s => s.Purpose).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}

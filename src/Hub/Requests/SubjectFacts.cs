using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Requests;

/// <summary>
/// What the hub knows about a subject that decides a request, never taken from the caller: the phase and level of the most
/// recently updated casus that is not closed, over the whole cluster (none → phase <c>signal</c>, no level), and whether any
/// signal about the cluster says the subject is a minor.
/// </summary>
public sealed record SubjectFacts(string Phase, string? Level, bool IsMinor)
{
    public const string DefaultPhase = "signal";

    public static async Task<SubjectFacts> LoadAsync(HubDbContext db, SubjectDirectory directory, string convenant, Guid rootId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(directory);
        var cluster = await directory.GetClusterAsync(rootId, cancellationToken).ConfigureAwait(false);
        var casus = await db.Cases.AsNoTracking()
            .Where(c => c.ConvenantId == convenant && cluster.Contains(c.SubjectId) && c.State != CasusStates.Closed)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => new { c.Phase, c.Level })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var minor = await db.Signals.AsNoTracking()
            .AnyAsync(s => s.ConvenantId == convenant && cluster.Contains(s.SubjectId) && s.IsMinor, cancellationToken).ConfigureAwait(false);
        return new SubjectFacts(casus?.Phase ?? DefaultPhase, casus?.Level, minor);
    }
}

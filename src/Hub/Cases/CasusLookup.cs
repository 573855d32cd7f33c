using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Cases;

/// <summary>
/// The casus that sets the phase (and level) of anything about a subject: the most recently updated casus under the
/// convenant whose state is not <c>closed</c> and whose subject is in the subject's cluster. No casus means phase
/// <c>signal</c> and no level.
/// </summary>
public static class CasusLookup
{
    /// <summary>
    /// The current casus of a cluster (<see cref="Subjects.SubjectDirectory.GetClusterAsync"/>) under
    /// <paramref name="convenant"/>, untracked; null when none is open.
    /// </summary>
    public static async Task<Casus?> CurrentAsync(HubDbContext db, string convenant, IReadOnlyList<Guid> cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cluster);
        var ids = cluster.ToList();
        return await db.Cases.AsNoTracking()
            .Where(c => c.ConvenantId == convenant && c.State != CasusStates.Closed && EF.Parameter(ids).Contains(c.SubjectId))
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Version)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}

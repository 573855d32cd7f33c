using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Linkage;

/// <summary>
/// What the linked encodings of one convenant look like from outside, cheaply (one aggregate over the covering
/// <c>(ConvenantId, LinkedAt, CreatedAt, SignalId)</c> index, no encoding bytes): how many there are and the first and last LinkedAt.
/// Linking adds rows and moves <see cref="Last"/>; retention removes rows (mostly the oldest, which moves <see cref="First"/>).
/// </summary>
internal readonly record struct LinkedFingerprint(int Count, DateTimeOffset? First, DateTimeOffset? Last)
{
    public static async Task<LinkedFingerprint> ReadAsync(HubDbContext db, string convenant, CancellationToken cancellationToken)
    {
        var row = await db.SubjectEncodings.AsNoTracking()
            .Where(e => e.ConvenantId == convenant && e.LinkedAt != null)
            .GroupBy(e => e.ConvenantId)
            .Select(g => new { Count = g.Count(), First = g.Min(e => e.LinkedAt), Last = g.Max(e => e.LinkedAt) })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? default : new LinkedFingerprint(row.Count, row.First, row.Last);
    }
}

/// <summary>
/// The linked encodings of one convenant held in memory between linker runs, one <see cref="LinkageIndex"/> per key version
/// (read from the database when a run first needs that version), with the <see cref="LinkedFingerprint"/> they match.
/// Before, every run read every linked encoding (and every subject) of the convenant and built the block index anew: work that grew with the
/// convenant, not with the run (docs/PERFORMANCE.md, "Linkage in the hub").
/// </summary>
internal sealed class KnownEncodings(LinkedFingerprint fingerprint, DateTimeOffset loadedAt)
{
    private readonly Dictionary<int, LinkageIndex> _versions = [];

    /// <summary>The database state the indexes match.</summary>
    public LinkedFingerprint Fingerprint { get; set; } = fingerprint;

    /// <summary>The convenant's subjects, read by the first run that holds these encodings and kept up to date with them.</summary>
    public SubjectClusters? Subjects { get; set; }

    /// <summary>When the first index was started from the database (a full read is repeated after an interval).</summary>
    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>The index of one key version, read from the database on first use (then <c>Read</c> is true).</summary>
    public async Task<(LinkageIndex Index, bool Read)> IndexAsync(HubDbContext db, string convenant, int version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(version, out var index))
        {
            return (index, false);
        }

        // No ORDER BY: candidates are ordered by their ids when they are compared, so the rows need no sort (no temp B-tree).
        var rows = await db.SubjectEncodings.AsNoTracking()
            .Where(e => e.ConvenantId == convenant && e.KeyVersion == version && e.LinkedAt != null)
            .Select(e => new { e.SignalId, e.SubjectId, e.Clk, e.BlockKeys })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        index = new LinkageIndex(rows.Count);
        foreach (var row in rows)
        {
            index.Add(row.SignalId, row.SubjectId, row.Clk, row.BlockKeys);
        }

        _versions[version] = index;
        return (index, true);
    }

    /// <summary>Adds a newly linked encoding to its version's index, if that index is held (else it is read with the rest later).</summary>
    public void Add(int version, Guid signalId, Guid subjectId, byte[] clk, byte[] blockKeys)
    {
        if (_versions.TryGetValue(version, out var index))
        {
            index.Add(signalId, subjectId, clk, blockKeys);
        }
    }
}

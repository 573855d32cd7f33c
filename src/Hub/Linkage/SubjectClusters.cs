using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Linkage;

/// <summary>
/// The subjects of one convenant as the linker sees them, held in memory with its <see cref="KnownEncodings"/>: each subject's
/// cluster root, and per root its <see cref="RootInfo"/> (subject type, cluster size, creation time). Read in full once; after
/// that a run reads only the subjects of its pending encodings that are not held yet (new subjects, by id) and applies its own
/// merges once they are committed. Subjects only change otherwise through another linker's merges or retention, and both
/// change the linked encodings, so the <see cref="LinkedFingerprint"/> check that discards the known encodings discards
/// these too. Before, every run read every subject of the convenant (docs/PERFORMANCE.md, "Linkage in the hub").
/// </summary>
internal sealed class SubjectClusters
{
    private readonly string _convenant;
    private readonly Dictionary<Guid, Guid> _rootOf;
    private readonly Dictionary<Guid, RootInfo> _roots;

    private SubjectClusters(string convenant, Dictionary<Guid, Guid> rootOf, Dictionary<Guid, RootInfo> roots)
    {
        _convenant = convenant;
        _rootOf = rootOf;
        _roots = roots;
    }

    /// <summary>Every held subject's cluster root (a root maps to itself).</summary>
    public IReadOnlyDictionary<Guid, Guid> RootOf => _rootOf;

    /// <summary>Every held cluster root.</summary>
    public IReadOnlyDictionary<Guid, RootInfo> Roots => _roots;

    /// <summary>Every subject of <paramref name="convenant"/>, read from the database.</summary>
    public static async Task<SubjectClusters> ReadAsync(HubDbContext db, string convenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.ConvenantId == convenant)
            .Select(s => new SubjectRow(s.Id, s.MergedIntoId, s.SubjectType, s.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var clusters = new SubjectClusters(convenant, new Dictionary<Guid, Guid>(subjects.Count), []);
        clusters.Add(subjects); // a member whose root is gone is left out: the matcher skips a subject without a root
        return clusters;
    }

    /// <summary>
    /// Reads the subjects among <paramref name="subjectIds"/> that are not held (by id; the convenant is checked on the rows) and
    /// adds them. False when one of them belongs to a cluster whose root is not held either: then this view is out of date and
    /// must be read again.
    /// </summary>
    public async Task<bool> AddMissingAsync(HubDbContext db, IEnumerable<Guid> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subjectIds);
        var missing = subjectIds.Where(id => !_rootOf.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return true;
        }

        // By id alone: with a ConvenantId predicate SQLite would search the convenant's subjects instead of the primary key.
        var rows = (await db.Subjects.AsNoTracking().Where(s => EF.Parameter(missing).Contains(s.Id))
            .Select(s => new { s.ConvenantId, Row = new SubjectRow(s.Id, s.MergedIntoId, s.SubjectType, s.CreatedAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.ConvenantId == _convenant).Select(s => s.Row).ToList();
        return Add(rows);
    }

    /// <summary>Applies committed merges: every member of an absorbed cluster now has the final root, which takes its size.</summary>
    public void Apply(MergePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.FinalRoots.Count == 0)
        {
            return;
        }

        var grown = new Dictionary<Guid, int>();
        foreach (var (absorbed, final) in plan.FinalRoots)
        {
            grown[final] = grown.GetValueOrDefault(final) + (_roots.TryGetValue(absorbed, out var info) ? info.Size : 1);
            _roots.Remove(absorbed);
        }

        foreach (var (final, added) in grown)
        {
            if (_roots.TryGetValue(final, out var info))
            {
                _roots[final] = info with { Size = info.Size + added };
            }
        }

        var moved = _rootOf.Where(s => plan.FinalRoots.ContainsKey(s.Value)).Select(s => s.Key).ToList();
        foreach (var subject in moved)
        {
            _rootOf[subject] = plan.FinalRoots[_rootOf[subject]];
        }
    }

    /// <summary>Adds subjects: roots first, then members to their root's cluster. False when a member's root is not held.</summary>
    private bool Add(List<SubjectRow> rows)
    {
        foreach (var row in rows.Where(r => r.MergedIntoId is null))
        {
            _rootOf[row.Id] = row.Id;
            _roots[row.Id] = new RootInfo(row.Id, row.SubjectType, 1, row.CreatedAt);
        }

        var complete = true;
        foreach (var row in rows.Where(r => r.MergedIntoId is not null))
        {
            var root = row.MergedIntoId!.Value;
            if (!_roots.TryGetValue(root, out var info))
            {
                complete = false;
                continue;
            }

            _rootOf[row.Id] = root;
            _roots[root] = info with { Size = info.Size + 1 };
        }

        return complete;
    }

    private sealed record SubjectRow(Guid Id, Guid? MergedIntoId, int SubjectType, DateTimeOffset CreatedAt);
}

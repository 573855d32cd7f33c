using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Linkage.Exact;
using SharingHub.Pseudonymisation.Linkage.Fuzzy;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Linkage;

/// <summary>
/// The background fuzzy linker. Every <see cref="LinkageOptions.Interval"/> (timer on the injected <see cref="TimeProvider"/>), per
/// convenant: takes the pending <see cref="SubjectEncoding"/>s (LinkedAt null), compares them with every known encoding of the same
/// key version (<see cref="FuzzySubjectMatching"/>), merges matching clusters (the absorbed root and all its members point at the
/// surviving root, never a chain; a <see cref="SubjectLink"/> per merge), marks the pending encodings linked, all in ONE transaction,
/// and then audits each merge (<see cref="AuditOperations.Match"/>, one record per subject involved). The known encodings and the
/// convenant's subjects stay in memory between runs (<see cref="KnownEncodings"/>, <see cref="SubjectClusters"/>): a run reads only
/// its pending encodings and the subjects it does not hold yet, adds them once linked, and reads the
/// known ones again only when the database no longer matches (<see cref="LinkedFingerprint"/>) or after
/// <see cref="LinkageOptions.IndexRebuildInterval"/>. Runs of one convenant are
/// serialised in this process; across processes every write is conditional (a root must still be a root, a pending encoding still
/// pending), and a run that finds another's changes rolls back and leaves the work to the next run.
/// </summary>
public sealed partial class SubjectLinker(
    IServiceScopeFactory scopes, HubConvenants convenants, AuditLog audit, LinkageOptions options, TimeProvider time, ILogger<SubjectLinker> logger)
    : BackgroundService
{
    public const string Actor = "hub:subject-linker";
    public const string MethodFuzzy = "fuzzy";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Per convenant, the known encodings in memory (used and changed only under the convenant's gate).</summary>
    private readonly ConcurrentDictionary<string, KnownEncodings> _known = new(StringComparer.Ordinal);
    private int _indexReads;
    private int _subjectReads;

    /// <summary>How often this linker read a convenant's linked encodings (of one key version) from the database.</summary>
    internal int IndexReads => Volatile.Read(ref _indexReads);

    /// <summary>How often this linker read every subject of a convenant (<see cref="SubjectClusters"/>) from the database.</summary>
    internal int SubjectReads => Volatile.Read(ref _subjectReads);

    /// <summary>The subjects this linker holds for <paramref name="convenant"/> (tests compare them with the database).</summary>
    internal SubjectClusters? HeldSubjects(string convenant) => _known.TryGetValue(convenant, out var known) ? known.Subjects : null;

    /// <summary>One run over every loaded convenant.</summary>
    public async Task<LinkageRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = LinkageRunResult.Empty;
        foreach (var convenant in convenants.Ids.Order(StringComparer.Ordinal))
        {
            total += await RunConvenantAsync(convenant, cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    /// <summary>One run over one convenant.</summary>
    public async Task<LinkageRunResult> RunConvenantAsync(string convenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(convenant);
        var gate = Gates.GetOrAdd(convenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = HubTelemetry.Source.StartActivity("linkage.run");
            activity?.SetTag("hub.convenant", convenant);
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
                return await LinkAsync(db, convenant, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var result = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                    if (result.Conflicts > 0)
                    {
                        LogConflict(logger, LinkageErrorCodes.RunConflict, result.Conflicts);
                    }
                }
#pragma warning disable CA1031 // A failed run is logged (type only, never data) and repeated on the next tick; the linker keeps running.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogRunFailed(logger, LinkageErrorCodes.RunFailed, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task<LinkageRunResult> LinkAsync(HubDbContext db, string convenant, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        // Whole signals (a group signal has one encoding per member, all written with the signal's time), oldest first, up to the
        // batch size, read in the order of the (ConvenantId, LinkedAt, CreatedAt, SignalId) index: no sort of the whole backlog.
        var batch = (await db.SubjectEncodings.AsNoTracking()
            .Where(e => e.ConvenantId == convenant && e.LinkedAt == null)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.SignalId).Select(e => e.SignalId).Take(options.BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Distinct().ToList();
        if (batch.Count == 0)
        {
            return LinkageRunResult.Empty;
        }

        var pending = await db.SubjectEncodings.AsNoTracking()
            .Where(e => e.ConvenantId == convenant && e.LinkedAt == null && EF.Parameter(batch).Contains(e.SignalId))
            .OrderBy(e => e.SignalId).ThenBy(e => e.SubjectId)
            .Select(e => new { e.SignalId, e.SubjectId, e.KeyVersion, e.Clk, e.BlockKeys })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var known = await KnownEncodingsAsync(db, convenant, cancellationToken).ConfigureAwait(false);
        if (known.Subjects is not { } clusters || !await clusters.AddMissingAsync(db, pending.Select(p => p.SubjectId), cancellationToken).ConfigureAwait(false))
        {
            clusters = await SubjectClusters.ReadAsync(db, convenant, cancellationToken).ConfigureAwait(false);
            known.Subjects = clusters;
            Interlocked.Increment(ref _subjectReads);
        }

        var (rootOf, roots) = (clusters.RootOf, clusters.Roots);
        var threshold = (float)options.Threshold;
        var pairs = new List<RootPair>();
        long comparisons = 0;
        foreach (var version in pending.Select(p => p.KeyVersion).Distinct().Order())
        {
            var (index, read) = await known.IndexAsync(db, convenant, version, cancellationToken).ConfigureAwait(false);
            if (read)
            {
                Interlocked.Increment(ref _indexReads);
            }

            var fresh = new LinkageIndex();
            foreach (var p in pending.Where(p => p.KeyVersion == version))
            {
                fresh.Add(p.SignalId, p.SubjectId, p.Clk, p.BlockKeys);
            }

            pairs.AddRange(FuzzySubjectMatching.FindPairs(index, fresh, rootOf, roots, threshold, FuzzyOptions.Default.MaxBlockSide, out var compared));
            comparisons += compared;
        }

        pairs = [.. pairs.GroupBy(p => (p.A, p.B)).Select(g => g.MaxBy(p => p.Score))];
        var (bsns, conflicted) = await LoadBsnsAsync(db, convenant, pairs, rootOf, cancellationToken).ConfigureAwait(false);
        var plan = FuzzySubjectMatching.Plan(pairs, roots, bsns, conflicted);
        var now = time.GetUtcNow();
        var links = plan.Steps.Select(step => new SubjectLink
        {
            Id = Guid.CreateVersion7(now),
            ConvenantId = convenant,
            SubjectId = step.Survivor,
            LinkedSubjectId = step.Absorbed,
            Method = MethodFuzzy,
            Reason = Reason(step.Score),
            Score = Math.Round(step.Score, 4),
            CreatedAt = now,
        }).ToList();
        if (await WriteAsync(db, convenant, batch, pending.Count, plan, links, now, cancellationToken).ConfigureAwait(false) is not { } written)
        {
            return new LinkageRunResult(pending.Count, comparisons, 0, plan.Refused, 1);
        }

        if (written.Count == known.Fingerprint.Count + pending.Count)
        {
            // Only this run's rows were linked since the index was checked: they join it, and it matches the database again.
            foreach (var p in pending)
            {
                known.Add(p.KeyVersion, p.SignalId, p.SubjectId, p.Clk, p.BlockKeys);
            }

            known.Fingerprint = written;
            clusters.Apply(plan);
        }
        else
        {
            _known.TryRemove(convenant, out _); // another writer linked or removed encodings meanwhile: read them all next run
        }

        await AuditAsync(db, convenant, links, started, cancellationToken).ConfigureAwait(false);
        return new LinkageRunResult(pending.Count, comparisons, links.Count, plan.Refused, 0);
    }

    /// <summary>
    /// The convenant's known encodings as this linker holds them, when they still match the database: the same count and the
    /// same first and last LinkedAt as when this linker last read or wrote them, and not older than
    /// <see cref="LinkageOptions.IndexRebuildInterval"/>. Otherwise (another process linked, retention removed encodings, the
    /// hub just started) they are read again, per key version when first needed.
    /// </summary>
    private async Task<KnownEncodings> KnownEncodingsAsync(HubDbContext db, string convenant, CancellationToken cancellationToken)
    {
        var fingerprint = await LinkedFingerprint.ReadAsync(db, convenant, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (_known.TryGetValue(convenant, out var known) && known.Fingerprint == fingerprint && now - known.LoadedAt < options.IndexRebuildInterval)
        {
            return known;
        }

        known = new KnownEncodings(fingerprint, now);
        _known[convenant] = known;
        return known;
    }

    /// <summary>The BSN pseudonym of each root's cluster among the pairs; roots whose cluster holds two BSNs are "conflicted".</summary>
    private static async Task<(Dictionary<Guid, Pseudonym32> Bsns, HashSet<Guid> Conflicted)> LoadBsnsAsync(
        HubDbContext db, string convenant, List<RootPair> pairs, IReadOnlyDictionary<Guid, Guid> rootOf, CancellationToken cancellationToken)
    {
        var bsns = new Dictionary<Guid, Pseudonym32>();
        var conflicted = new HashSet<Guid>();
        if (pairs.Count == 0)
        {
            return (bsns, conflicted);
        }

        var involved = pairs.SelectMany(p => (Guid[])[p.A, p.B]).ToHashSet();
        var members = rootOf.Where(m => involved.Contains(m.Value)).Select(m => m.Key).ToList();
        var bsnKind = (int)PseudonymKind.Bsn;
        // By subject id alone, the convenant checked on the rows: a ConvenantId predicate makes SQLite scan the convenant's keys.
        var keys = (await db.SubjectKeys.AsNoTracking()
            .Where(k => k.Kind == bsnKind && EF.Parameter(members).Contains(k.SubjectId))
            .Select(k => new { k.SubjectId, k.Pseudonym, k.ConvenantId }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(k => k.ConvenantId == convenant);
        Span<byte> hash = stackalloc byte[Pseudonym.HashLength];
        foreach (var key in keys)
        {
            if (!Pseudonym.TryParse(key.Pseudonym, out var pseudonym))
            {
                continue;
            }

            pseudonym.CopyHashTo(hash);
            var value = new Pseudonym32(hash);
            var root = rootOf[key.SubjectId];
            if (bsns.TryGetValue(root, out var known) && known != value)
            {
                conflicted.Add(root);
            }

            bsns[root] = value;
        }

        hash.Clear();
        return (bsns, conflicted);
    }

    /// <summary>
    /// Applies the plan and marks the pending encodings linked in one transaction; null (rolled back) on a conflict, else the
    /// linked encodings' fingerprint as this transaction saw it just before it committed.
    /// </summary>
    private static async Task<LinkedFingerprint?> WriteAsync(
        HubDbContext db, string convenant, List<Guid> signalIds, int pendingRows, MergePlan plan, List<SubjectLink> links, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var survivor in plan.FinalRoots.Values.Distinct().Order())
            {
                // Still a root? (A no-op write, which also locks the row until commit on PostgreSQL.)
                var root = await db.Subjects.Where(s => s.Id == survivor && s.ConvenantId == convenant && s.MergedIntoId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.MergedIntoId, (Guid?)null), cancellationToken).ConfigureAwait(false);
                if (root != 1)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }
            }

            foreach (var (absorbed, survivor) in plan.FinalRoots.OrderBy(f => f.Key))
            {
                var moved = await db.Subjects.Where(s => s.Id == absorbed && s.ConvenantId == convenant && s.MergedIntoId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.MergedIntoId, survivor), cancellationToken).ConfigureAwait(false);
                if (moved != 1)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                await db.Subjects.Where(s => s.MergedIntoId == absorbed)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.MergedIntoId, survivor), cancellationToken).ConfigureAwait(false);
            }

            if (links.Count > 0)
            {
                db.SubjectLinks.AddRange(links);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }

            var marked = await db.SubjectEncodings.Where(e => e.ConvenantId == convenant && EF.Parameter(signalIds).Contains(e.SignalId) && e.LinkedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LinkedAt, now), cancellationToken).ConfigureAwait(false);
            if (marked != pendingRows)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            var written = await LinkedFingerprint.ReadAsync(db, convenant, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
    }

    /// <summary>One <see cref="AuditOperations.Match"/> record per subject of every merge, named by that subject's anchor.</summary>
    private async Task AuditAsync(HubDbContext db, string convenant, List<SubjectLink> links, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return;
        }

        var ids = links.SelectMany(l => (Guid[])[l.SubjectId, l.LinkedSubjectId]).Distinct().ToList();
        var anchors = await db.Subjects.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Anchor, cancellationToken).ConfigureAwait(false);
        var version = convenants.VersionHash(convenant) is { } hash ? "sha256:" + hash : null;
        var activity = Activity.Current;
        var end = time.GetUtcNow();
        var records = new List<AuditRecord>(links.Count * 2);
        foreach (var link in links)
        {
            foreach (var subject in (Guid[])[link.SubjectId, link.LinkedSubjectId])
            {
                if (!anchors.TryGetValue(subject, out var anchor) || !Pseudonym.TryParse(anchor, out var pseudonym))
                {
                    continue;
                }

                records.Add(new AuditRecord
                {
                    TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
                    SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
                    ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
                    Operation = AuditOperations.Match,
                    Status = AuditStatus.Ok,
                    StartTime = started,
                    EndTime = end,
                    ProcessingActivityId = convenant + ":" + AuditOperations.Match,
                    Subject = AuditSubject.From(pseudonym),
                    ConvenantId = convenant,
                    ConvenantVersion = version,
                    Actor = Actor,
                    DecisionReasons = [link.Reason],
                    ResourceId = "link:" + link.Id.ToString("D"),
                });
            }
        }

        await audit.AppendAsync(records, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>fuzzy:0.93</c>: the Dice score, two decimals, invariant.</summary>
    internal static string Reason(float score) => string.Create(CultureInfo.InvariantCulture, $"fuzzy:{Math.Floor(score * 100) / 100:0.00}");

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "{Code}: {Count} linkage run(s) met another run's changes and were rolled back; the next run repeats them")]
    private static partial void LogConflict(ILogger logger, string code, int count);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "{Code}: a linkage run failed ({ExceptionType}); retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, string code, string exceptionType);
}

/// <summary>What one linker run did: encodings compared, Dice comparisons, merges, merges refused (BSN), runs rolled back.</summary>
public sealed record LinkageRunResult(int Pending, long Comparisons, int Merges, int Refused, int Conflicts)
{
    public static LinkageRunResult Empty { get; } = new(0, 0, 0, 0, 0);

    public static LinkageRunResult operator +(LinkageRunResult left, LinkageRunResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Pending + right.Pending, left.Comparisons + right.Comparisons, left.Merges + right.Merges,
            left.Refused + right.Refused, left.Conflicts + right.Conflicts);
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Retention;

/// <summary>
/// Retention of one convenant's data under its retention rules (<see cref="RetentionPlanner"/> says what is due at
/// <see cref="TimeProvider.GetUtcNow"/>). <see cref="PreviewAsync"/> reports without changing anything; <see cref="RunAsync"/>
/// executes the plan one subject cluster at a time, each in ONE database transaction that re-reads and re-plans the cluster first
/// (so a signal that arrived in between is never shredded with it). Vault data keys are deleted inside that transaction
/// (<see cref="EfVaultKeyStore.Enlist"/>), documents after the commit (<see cref="DocumentPurgeQueue"/>). Every purged cluster is
/// audited as <see cref="AuditOperations.RetentionPurge"/>, one record per subject (the cluster root's anchor), reasons = clause
/// ids + action. The audit trail itself is never touched: it holds only pseudonyms, so its proofs stay valid.
/// </summary>
public sealed partial class RetentionService(
    IServiceScopeFactory scopes, HubConvenants convenants, IdentityVault vault, Documents.IDocumentStore store, AuditLog audit,
    ConvenantGates runs, TimeProvider time, ILogger<RetentionService> logger)
{
    public const string SystemActor = "system:retention";
    private readonly DocumentPurgeQueue _documents = new(store);

    /// <summary>True when this hub runs under <paramref name="convenant"/>.</summary>
    public bool Knows(string convenant) => convenants.Catalog.Get(convenant) is not null && convenants.VersionHash(convenant) is not null;

    /// <summary>The dry run: what a run now would do. Changes nothing (not even leftover document manifests).</summary>
    public async Task<RetentionReport> PreviewAsync(string convenant, CancellationToken cancellationToken)
    {
        var compiled = Compiled(convenant);
        var now = time.GetUtcNow();
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var snapshot = await RetentionSnapshot.LoadAsync(db, convenant, null, cancellationToken).ConfigureAwait(false);
            var plan = RetentionPlanner.Plan(compiled, snapshot, now);
            return RetentionReports.Build(plan, Anchors(snapshot), dryRun: true, outcome: null);
        }
    }

    /// <summary>
    /// Executes what is due now. Null when a run for this convenant is already under way in this process
    /// (<see cref="RetentionErrorCodes.AlreadyRunning"/>). <paramref name="actor"/> is the audit actor (person or <see cref="SystemActor"/>).
    /// </summary>
    public async Task<RetentionReport?> RunAsync(string convenant, RetentionActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var compiled = Compiled(convenant);
        using var gate = runs.TryEnter(convenant);
        if (gate is null)
        {
            return null;
        }

        using var activity = HubTelemetry.Source.StartActivity("retention.run");
        activity?.SetTag("hub.convenant", convenant);
        var now = time.GetUtcNow();
        int recovered, pendingManifests;
        RetentionPlan plan;
        Dictionary<Guid, string> anchors;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            (recovered, pendingManifests) = await _documents.RecoverAsync(db, cancellationToken).ConfigureAwait(false);
            var snapshot = await RetentionSnapshot.LoadAsync(db, convenant, null, cancellationToken).ConfigureAwait(false);
            plan = RetentionPlanner.Plan(compiled, snapshot, now);
            anchors = Anchors(snapshot);
        }

        var executed = new List<ClusterWork>();
        var errors = new List<string>();
        var documentsDeleted = recovered;
        foreach (var cluster in plan.Work)
        {
            var (done, deleted, error) = await ExecuteClusterAsync(compiled, cluster.Root, now, actor, cancellationToken).ConfigureAwait(false);
            documentsDeleted += deleted;
            if (done is not null)
            {
                executed.Add(done);
            }
            else if (error is not null)
            {
                errors.Add(error);
            }
        }

        var executedPlan = plan with { Work = executed };
        var outcome = new RetentionRunOutcome(executed.Count, errors.Count, documentsDeleted, pendingManifests, errors);
        return RetentionReports.Build(executedPlan, anchors, dryRun: false, outcome);
    }

    private async Task<(ClusterWork? Done, int DocumentsDeleted, string? Error)> ExecuteClusterAsync(
        CompiledConvenant convenant, Guid root, DateTimeOffset now, RetentionActor actor, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        ClusterWork? work = null;
        Documents.DocumentName? manifest = null;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            // Ingress must not resolve or seal for this convenant while a cluster's keys are being deleted (ConvenantWriteGate).
            var gate = ConvenantWriteGate.For(convenant.Id);
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var snapshot = await RetentionSnapshot.LoadAsync(db, convenant.Id, [root], cancellationToken).ConfigureAwait(false);
                    work = RetentionPlanner.Plan(convenant, snapshot, now).Work.FirstOrDefault(w => w.Root == root);
                    if (work is null)
                    {
                        return (null, 0, null);
                    }

                    manifest = await _documents.WriteAsync(Guid.CreateVersion7(now), work.DocumentNames, cancellationToken).ConfigureAwait(false);
                    using (EfVaultKeyStore.Enlist(db).Activate())
                    {
                        await ApplyAsync(db, work, now, cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or VaultException or IOException or System.Data.Common.DbException)
            {
                // Rolled back: the cluster is untouched; a manifest written for it deletes nothing (its rows still exist).
                LogClusterFailed(logger, convenant.Id, ex.GetType().Name);
                if (work is not null)
                {
                    await AppendAsync(convenant.Id, work, actor, AuditStatus.Error, started, cancellationToken).ConfigureAwait(false);
                }

                return (null, 0, RetentionErrorCodes.ItemFailed + ":" + root.ToString("D"));
            }
            finally
            {
                gate.Release();
            }
        }

        if (work is null)
        {
            return (null, 0, null);
        }

        await AppendAsync(convenant.Id, work, actor, AuditStatus.Ok, started, cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        if (manifest is { } name)
        {
            try
            {
                deleted = await _documents.CompleteAsync(name, work.DocumentNames, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or Azure.RequestFailedException or UnauthorizedAccessException)
            {
                LogDocumentsPending(logger, convenant.Id, ex.GetType().Name);
            }
        }

        return (work, deleted, null);
    }

    private async Task ApplyAsync(HubDbContext db, ClusterWork work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deletes = work.Purges.Where(p => p.Action == RetentionEndAction.Delete).Select(p => p.SignalId).ToList();
        var erasures = work.Purges.Where(p => p.Action is RetentionEndAction.CryptoShred or RetentionEndAction.Anonymise).Select(p => p.SignalId).ToList();
        var touched = deletes.Concat(erasures).ToList();
        if (touched.Count > 0)
        {
            await db.SignalDocuments.Where(d => EF.Parameter(touched).Contains(d.SignalId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SubjectEncodings.Where(e => EF.Parameter(touched).Contains(e.SignalId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (deletes.Count > 0)
        {
            await db.SignalMembers.Where(m => EF.Parameter(deletes).Contains(m.SignalId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Signals.Where(s => EF.Parameter(deletes).Contains(s.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (erasures.Count > 0)
        {
            await db.SignalMembers.Where(m => EF.Parameter(erasures).Contains(m.SignalId))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Identity, Array.Empty<byte>()), cancellationToken).ConfigureAwait(false);
            await db.Signals.Where(s => EF.Parameter(erasures).Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Identity, Array.Empty<byte>()).SetProperty(s => s.Content, (byte[]?)null)
                    .SetProperty(s => s.Summary, (string?)null).SetProperty(s => s.Reporter, (byte[]?)null), cancellationToken).ConfigureAwait(false);
        }

        var reporterOnly = work.ReporterShreds.Select(r => r.SignalId).ToList();
        if (reporterOnly.Count > 0)
        {
            await db.Signals.Where(s => EF.Parameter(reporterOnly).Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Reporter, (byte[]?)null), cancellationToken).ConfigureAwait(false);
        }

        foreach (var signalId in work.ReporterKeysToShred)
        {
            await vault.ShredAsync(Signal.ReporterVaultIdOf(signalId), cancellationToken).ConfigureAwait(false);
        }

        foreach (var subjectId in work.SubjectKeysToShred)
        {
            await vault.ShredAsync(Subject.VaultIdOf(subjectId), cancellationToken).ConfigureAwait(false);
        }

        if (!work.FullyPurged)
        {
            return;
        }

        var root = work.Root;
        var cluster = await db.Subjects.Where(s => s.Id == root || s.MergedIntoId == root).Select(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        await db.SubjectKeys.Where(k => EF.Parameter(cluster).Contains(k.SubjectId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.SubjectRefs.Where(r => EF.Parameter(cluster).Contains(r.SubjectId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (work.GrantsToRevoke.Count > 0)
        {
            var grants = work.GrantsToRevoke;
            await db.Set<Grant>().Where(g => EF.Parameter(grants).Contains(g.Id) && g.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.RevokedAt, now).SetProperty(g => g.RevokedBy, SystemActor), cancellationToken).ConfigureAwait(false);
        }

        if (work.RequestsToWithdraw.Count > 0)
        {
            var requests = work.RequestsToWithdraw;
            await db.Set<AccessRequest>().Where(r => EF.Parameter(requests).Contains(r.Id) && r.Status == AccessRequestStatus.PendingReview)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, AccessRequestStatus.Withdrawn).SetProperty(r => r.DecidedAt, now)
                    .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AppendAsync(string convenant, ClusterWork work, RetentionActor actor, string status, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (!Pseudonym.TryParse(work.Anchor, out var anchor) || anchor.Kind == 0)
        {
            LogNoAnchor(logger, convenant);
        }

        var reasons = new List<string>();
        foreach (var group in work.Purges.GroupBy(p => p.Action!.Value))
        {
            reasons.AddRange(group.SelectMany(p => p.Clauses).Append(group.First().Clause!));
            reasons.Add("action:" + RetentionReports.ActionName(group.Key));
        }

        if (work.ReporterShreds.Count > 0)
        {
            reasons.AddRange(work.ReporterShreds.Select(r => r.Clause));
            reasons.Add("action:reporter-crypto-shred");
        }

        if (work.SubjectKeysToShred.Count > 0)
        {
            reasons.Add("vault-key-shredded");
        }

        if (work.FullyPurged)
        {
            reasons.Add("subject-purged");
        }

        var categories = work.Purges.SelectMany(p => p.Categories).Distinct(StringComparer.Ordinal).Where(AuditId.IsValid).Order(StringComparer.Ordinal).ToList();
        var activity = Activity.Current;
        var record = new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = AuditOperations.RetentionPurge,
            Status = status,
            StartTime = started,
            EndTime = time.GetUtcNow(),
            ProcessingActivityId = convenant + ":" + AuditOperations.RetentionPurge,
            Subject = anchor.Kind == 0 ? AuditSubject.None : AuditSubject.From(anchor),
            ConvenantId = convenant,
            ConvenantVersion = convenants.VersionHash(convenant) is { } hash ? "sha256:" + hash : null,
            Partner = actor.Partner is { } partner && AuditId.IsValid(partner) ? partner : null,
            Role = actor.Role,
            Actor = actor.Id,
            DataCategories = categories,
            DecisionReasons = [.. reasons.Distinct(StringComparer.Ordinal).Where(AuditId.IsValid)],
            ResourceId = "subject-cluster:" + work.Root.ToString("D"),
        };
        await audit.AppendAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private CompiledConvenant Compiled(string convenant) =>
        convenants.Catalog.Get(convenant) ?? throw new ArgumentException("This hub does not run under that convenant.", nameof(convenant));

    [LoggerMessage(EventId = 3190, Level = LogLevel.Warning, Message = "Retention of one subject cluster under {Convenant} failed ({Error}); rolled back.")]
    private static partial void LogClusterFailed(ILogger logger, string convenant, string error);

    [LoggerMessage(EventId = 3191, Level = LogLevel.Warning, Message = "Document deletes of a retention purge under {Convenant} failed ({Error}); retried on the next run.")]
    private static partial void LogDocumentsPending(ILogger logger, string convenant, string error);

    [LoggerMessage(EventId = 3192, Level = LogLevel.Warning, Message = "A subject cluster under {Convenant} has no anchor pseudonym; its purge is audited without subject.")]
    private static partial void LogNoAnchor(ILogger logger, string convenant);

    private static Dictionary<Guid, string> Anchors(RetentionSnapshot snapshot) => snapshot.Subjects.Values.ToDictionary(s => s.Id, s => s.Anchor);
}

/// <summary>Who runs retention, as the audit trail names them: a privacy officer (<c>person:&lt;sub&gt;</c>) or the job.</summary>
public sealed record RetentionActor(string Id, string? Partner, string? Role)
{
    public static RetentionActor Job { get; } = new(RetentionService.SystemActor, null, null);
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Retention;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>
/// Rotates a convenant's pseudonymisation domain key and re-pseudonymises the stored match keys (<c>subject_keys</c>) in the
/// same call. <see cref="DomainKeyService.RotateAsync"/> persists the new version before it becomes active (for new signals at
/// once, through <see cref="ConvenantKeys"/>); every older version stays in the ring, so stored pseudonyms, anchors, partner
/// references and audit records keep resolving and verifying. Migration is processing inside the hub, not disclosure: for each
/// subject the hub opens the identities sealed under the subject's own vault id (nothing leaves the hub, no field is shown),
/// rebuilds the match-key inputs (<see cref="IdentityRebuild"/>), verifies each stored pseudonym under its own version
/// (<see cref="PseudonymMigrator"/>) and adds its active-version twin as a new key of the same subject. The old keys stay, so
/// ingress matches either version. Shredded subjects (no vault key) cannot be migrated and need not be: their data is gone.
/// Audited: one <see cref="AuditOperations.KeyRotation"/> record (subject none; reasons = domain, old and new version) and one
/// <see cref="AuditOperations.KeyMigration"/> record per re-pseudonymised subject (its anchor, re-identified inside the hub).
/// Key material never leaves the key service: not in the answer, the audit trail or a log line.
/// </summary>
public sealed partial class KeyRotationService(
    IServiceScopeFactory scopes, DomainKeyService keys, ConvenantKeys convenantKeys, IdentityVault vault, AuditLog audit,
    HubConvenants convenants, ConvenantGates runs, TimeProvider time, ILogger<KeyRotationService> logger)
{
    private const int BatchSize = 256;

    /// <summary>
    /// Rotates and migrates. Error codes: <see cref="RetentionErrorCodes.AlreadyRunning"/> (a retention run or rotation holds the
    /// convenant), <see cref="RetentionErrorCodes.VersionMismatch"/> (<paramref name="expectedActiveVersion"/> is not the active one).
    /// </summary>
    public async Task<(KeyRotationResult? Result, string? ErrorCode)> RotateAsync(
        string convenant, int? expectedActiveVersion, RetentionActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        using var gate = runs.TryEnter(convenant);
        if (gate is null)
        {
            return (null, RetentionErrorCodes.AlreadyRunning);
        }

        using var activity = HubTelemetry.Source.StartActivity("keys.rotate");
        activity?.SetTag("hub.convenant", convenant);
        var started = time.GetUtcNow();
        var tools = await convenantKeys.GetAsync(convenant).ConfigureAwait(false);
        var previous = tools.Pseudonymiser.ActiveKeyVersion;
        if (expectedActiveVersion is { } expected && expected != previous)
        {
            return (null, RetentionErrorCodes.VersionMismatch);
        }

        var rotated = await keys.RotateAsync(convenant, cancellationToken).ConfigureAwait(false);
        LogRotated(logger, convenant, previous, rotated.Version);
        await audit.AppendAsync(Record(convenant, AuditOperations.KeyRotation, AuditSubject.None, actor, started, false,
            ["domain:" + convenant, "from-version:" + previous.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "to-version:" + rotated.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)]), cancellationToken).ConfigureAwait(false);

        var (migrated, added, skipped) = await MigrateAsync(convenant, tools.Pseudonymiser, rotated.Version, actor, cancellationToken).ConfigureAwait(false);
        var ring = await keys.GetRingAsync(convenant, cancellationToken).ConfigureAwait(false);
        return (new KeyRotationResult(convenant, previous, rotated.Version,
            [.. ring.Versions.Select(v => new KeyVersionView(v.Version, v.Status.ToString().ToLowerInvariant(), v.CreatedAt))], migrated, added, skipped), null);
    }

    private async Task<(int Migrated, int Added, int Skipped)> MigrateAsync(
        string convenant, Pseudonymiser pseudonymiser, int active, RetentionActor actor, CancellationToken cancellationToken)
    {
        var migrator = new PseudonymMigrator(pseudonymiser);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        int migrated = 0, added = 0, skipped = 0;
        List<Guid> subjectIds;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            subjectIds = [.. (await db.SubjectKeys.AsNoTracking().Where(k => k.ConvenantId == convenant).Select(k => k.SubjectId).Distinct()
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Order()];
        }

        foreach (var batch in subjectIds.Chunk(BatchSize))
        {
            var started = time.GetUtcNow();
            var batchScope = scopes.CreateAsyncScope();
            await using (batchScope.ConfigureAwait(false))
            {
                var db = batchScope.ServiceProvider.GetRequiredService<HubDbContext>();
                var ids = batch.ToList();
                var subjects = await db.Subjects.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id))
                    .ToDictionaryAsync(s => s.Id, cancellationToken).ConfigureAwait(false);
                // By subject id alone, the convenant checked on the rows: a ConvenantId predicate makes SQLite scan the convenant's keys.
                var stored = (await db.SubjectKeys.AsNoTracking().Where(k => EF.Parameter(ids).Contains(k.SubjectId))
                    .ToListAsync(cancellationToken).ConfigureAwait(false)).Where(k => k.ConvenantId == convenant).ToList();
                var payloads = await db.Signals.AsNoTracking().Where(s => s.ConvenantId == convenant && EF.Parameter(ids).Contains(s.SubjectId))
                    .Select(s => new { s.SubjectId, s.Identity }).ToListAsync(cancellationToken).ConfigureAwait(false);
                var memberPayloads = await db.SignalMembers.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.SubjectId))
                    .Select(m => new { m.SubjectId, m.Identity }).ToListAsync(cancellationToken).ConfigureAwait(false);
                var identities = payloads.Concat(memberPayloads).Where(p => p.Identity.Length > 0).ToLookup(p => p.SubjectId, p => p.Identity);
                var newKeys = new List<SubjectKey>();
                var audited = new List<Subject>();
                foreach (var id in ids)
                {
                    if (!subjects.TryGetValue(id, out var subject))
                    {
                        continue;
                    }

                    var own = stored.Where(k => k.SubjectId == id).ToList();
                    var known = own.Select(k => k.Pseudonym).ToHashSet(StringComparer.Ordinal);
                    var old = own.Where(k => Pseudonym.TryParse(k.Pseudonym, out var p) && p.KeyVersion != active).ToList();
                    if (old.Count == 0)
                    {
                        continue;
                    }

                    var additions = await MigrateSubjectAsync(subject, old, identities[id], migrator, today, cancellationToken).ConfigureAwait(false);
                    if (additions is null)
                    {
                        skipped++;
                        continue;
                    }

                    foreach (var key in additions.Where(k => known.Add(k.Pseudonym)))
                    {
                        newKeys.Add(key);
                    }

                    migrated++;
                    audited.Add(subject);
                }

                if (newKeys.Count > 0)
                {
                    var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        await BulkInsert.InsertAsync(db, newKeys, cancellationToken).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    added += newKeys.Count;
                }

                var records = new List<AuditRecord>();
                foreach (var subject in audited)
                {
                    if (Pseudonym.TryParse(subject.Anchor, out var anchor) && anchor.Kind != 0)
                    {
                        records.Add(Record(convenant, AuditOperations.KeyMigration, AuditSubject.From(anchor), actor, started, true,
                            ["domain:" + convenant, "to-version:" + active.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                    }
                }

                if (records.Count > 0)
                {
                    await audit.AppendAsync(records, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        LogMigrated(logger, migrated, convenant, added, skipped);
        return (migrated, added, skipped);
    }

    /// <summary>The active-version twins of the subject's old keys; null when none of its identities can be opened (shredded).</summary>
    private async Task<List<SubjectKey>?> MigrateSubjectAsync(
        Subject subject, List<SubjectKey> old, IEnumerable<byte[]> payloads, PseudonymMigrator migrator, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new List<SubjectKey>();
        var opened = false;
        foreach (var payload in payloads)
        {
            IdentityRecord record;
            try
            {
                record = await vault.OpenAsync(subject.VaultId, payload, cancellationToken).ConfigureAwait(false);
            }
            catch (VaultException)
            {
                continue;
            }

            opened = true;
            if (IdentityRebuild.From(record, (SubjectType)subject.SubjectType, today) is not { } identifiers)
            {
                continue;
            }

            var inputs = MatchKeys.InputsFor(identifiers);
            foreach (var key in old)
            {
                foreach (var input in inputs.Where(i => (int)i.Kind == key.Kind))
                {
                    var migration = migrator.Migrate(key.Pseudonym, input);
                    if (migration.Succeeded)
                    {
                        result.Add(new SubjectKey { ConvenantId = key.ConvenantId, Pseudonym = migration.NewPseudonym.ToString(), SubjectId = key.SubjectId, Kind = key.Kind });
                        break;
                    }
                }
            }
        }

        return opened ? result : null;
    }

    [LoggerMessage(EventId = 3195, Level = LogLevel.Information, Message = "Domain key of {Convenant} rotated from version {Old} to {New}.")]
    private static partial void LogRotated(ILogger logger, string convenant, int old, int @new);

    [LoggerMessage(EventId = 3196, Level = LogLevel.Information, Message = "Re-pseudonymised {Subjects} subjects of {Convenant} ({Keys} keys added, {Skipped} without a readable identity).")]
    private static partial void LogMigrated(ILogger logger, int subjects, string convenant, int keys, int skipped);

    private AuditRecord Record(
        string convenant, string operation, AuditSubject subject, RetentionActor actor, DateTimeOffset started, bool reidentified, IReadOnlyList<string> reasons)
    {
        var activity = Activity.Current;
        return new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = operation,
            Status = AuditStatus.Ok,
            StartTime = started,
            EndTime = time.GetUtcNow(),
            ProcessingActivityId = convenant + ":" + operation,
            Subject = subject,
            ConvenantId = convenant,
            ConvenantVersion = convenants.VersionHash(convenant) is { } hash ? "sha256:" + hash : null,
            Partner = actor.Partner,
            Role = actor.Role,
            Actor = actor.Id,
            Reidentified = reidentified,
            DecisionReasons = [.. reasons.Where(AuditId.IsValid)],
        };
    }
}

/// <summary>The answer of a rotation: old and new active version, every version (no material), and what the migration did.</summary>
public sealed record KeyRotationResult(
    string Convenant, int PreviousVersion, int ActiveVersion, IReadOnlyList<KeyVersionView> Versions, int SubjectsMigrated, int KeysAdded, int SubjectsSkipped);

/// <summary>One key version as shown: number, status and creation time; never the key.</summary>
public sealed record KeyVersionView(int Version, string Status, DateTimeOffset CreatedAt);

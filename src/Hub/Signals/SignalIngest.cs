using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>
/// Ingress of signals: validate, ask the convenant, pseudonymise (batch HMAC), resolve subjects on exact match keys,
/// seal identities in the vault, scrub the summary, and store everything of every accepted item in ONE transaction (multi-row inserts, no change
/// tracking), together with whatever <c>beforeSave</c> adds (the idempotency record, saved by EF in that transaction). A refused item stores
/// nothing. Subject resolution and the write are serialised per convenant inside this process.
/// </summary>
internal sealed class SignalIngest(
    HubDbContext db, HubConvenants convenants, ConvenantKeys keys, IdentityVault vault, Scrubber scrubber, IProcessingLog log, TimeProvider time)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public async Task<IngestItemResult[]> IngestAsync(
        IngestCaller caller, IReadOnlyList<SignalRequest?> requests, Action<IngestItemResult[]>? beforeSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(requests);
        using var activity = HubTelemetry.Source.StartActivity("signals.ingest");
        activity?.SetTag("hub.convenant", caller.Convenant);
        activity?.SetTag("hub.signals", requests.Count);
        var started = time.GetUtcNow();
        var today = DateOnly.FromDateTime(started.UtcDateTime);
        var results = new IngestItemResult[requests.Count];
        var accepted = new List<Accepted>(requests.Count);
        var decisions = new Dictionary<string, SubmitDecision>(StringComparer.Ordinal);
        var records = new List<ProcessingRecord>(requests.Count * 2);
        var compiled = convenants.Catalog.Get(caller.Convenant);
        for (var i = 0; i < requests.Count; i++)
        {
            var (signal, error) = SignalValidator.Validate(requests[i], today, caller.PartnerId);
            if (signal is not null && compiled is not null && ContentFields.Check(compiled, signal) is { } contentError)
            {
                (signal, error) = (null, contentError);
            }

            if (signal is null)
            {
                results[i] = new IngestItemResult(400, null, null, error.Code, error.Field, null);
                records.Add(Record(caller, ProcessingOperations.SignalSubmitted, ProcessingStatuses.Rejected, started, null, null, null, null, error.Code));
                continue;
            }

            var key = string.Join('|', signal.Purpose, signal.Phase, signal.SubjectTypeName, signal.IsMinor, signal.Reporter is not null, string.Join(',', signal.Categories));
            if (!decisions.TryGetValue(key, out var decision))
            {
                decision = SubmitPolicy.Decide(convenants.Catalog, caller.Convenant, caller.Party, caller.Roles, signal, started);
                decisions[key] = decision;
            }

            if (!decision.Permitted)
            {
                results[i] = new IngestItemResult(403, null, null, decision.Code, null, decision.Clauses);
                records.Add(Record(caller, ProcessingOperations.PolicyDecision, ProcessingStatuses.Denied, started, signal, decision, null, null, decision.Code));
                records.Add(Record(caller, ProcessingOperations.SignalSubmitted, ProcessingStatuses.Denied, started, signal, decision, null, null, decision.Code));
                continue;
            }

            accepted.Add(new Accepted(i, signal, decision));
        }

        var rows = accepted.Count == 0 ? null : await PrepareAsync(caller, accepted, results, started, cancellationToken).ConfigureAwait(false);
        try
        {
            if (rows is not null)
            {
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await BulkInsert.InsertAsync(db, rows.Subjects, cancellationToken).ConfigureAwait(false);
                    await BulkInsert.InsertAsync(db, rows.Keys, cancellationToken).ConfigureAwait(false);
                    await BulkInsert.InsertAsync(db, rows.References, cancellationToken).ConfigureAwait(false);
                    await BulkInsert.InsertAsync(db, rows.DataKeys, cancellationToken).ConfigureAwait(false);
                    await BulkInsert.InsertAsync(db, rows.Signals, cancellationToken).ConfigureAwait(false);
                    beforeSave?.Invoke(results);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                beforeSave?.Invoke(results);
                if (db.ChangeTracker.HasChanges())
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (accepted.Count > 0)
            {
                Gates[caller.Convenant].Release();
            }

            db.ChangeTracker.Clear();
        }

        foreach (var (item, anchor, signalId) in rows?.Stored ?? [])
        {
            records.Add(Record(caller, ProcessingOperations.PolicyDecision, ProcessingStatuses.Succeeded, started, item.Signal, item.Decision, anchor, null, null));
            records.Add(Record(caller, ProcessingOperations.SignalSubmitted, ProcessingStatuses.Succeeded, started, item.Signal, item.Decision, anchor, signalId.ToString("D"), null));
        }

        await log.RecordBatchAsync(records, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Builds every row of the accepted items; takes the convenant's gate (released by the caller after saving).</summary>
    private async Task<PreparedRows> PrepareAsync(
        IngestCaller caller, List<Accepted> accepted, IngestItemResult[] results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tools = await keys.GetAsync(caller.Convenant).ConfigureAwait(false);
        var pseudonyms = tools.Pseudonymiser.PseudonymiseBatch([.. accepted.Select(a => a.Signal.Subject)]);
        var texts = new string[accepted.Count][];
        var allTexts = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < accepted.Count; k++)
        {
            texts[k] = [.. pseudonyms[k].Select(p => p.ToString())];
            allTexts.UnionWith(texts[k]);
        }

        var gate = Gates.GetOrAdd(caller.Convenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var resolution = await SubjectResolution.LoadAsync(db, caller.Convenant, allTexts, cancellationToken).ConfigureAwait(false);
            var chosen = new Guid[accepted.Count];
            for (var k = 0; k < accepted.Count; k++)
            {
                chosen[k] = resolution.Resolve(pseudonyms[k], texts[k], now);
            }

            var newReferences = new List<SubjectRef>();
            var references = await AddReferencesAsync(caller, tools, resolution, chosen, newReferences, cancellationToken).ConfigureAwait(false);
            var signalIds = accepted.Select(_ => Guid.CreateVersion7(now)).ToArray();
            var existingVault = chosen.Where(id => !resolution.IsNew(id)).Distinct().Select(Subject.VaultIdOf).ToList();
            var newVault = resolution.NewSubjects.Select(s => s.VaultId)
                .Concat(accepted.Select((a, k) => a.Signal.Reporter is null ? null : Signal.ReporterVaultIdOf(signalIds[k])).OfType<string>()).ToList();
            var stored = new List<(Accepted, string, Guid)>(accepted.Count);
            var signals = new List<Signal>(accepted.Count);
            List<VaultDataKeyRow> dataKeys;
            using (var unit = (await EfVaultKeyStore.PrepareAsync(db, existingVault, newVault, cancellationToken).ConfigureAwait(false)).Activate())
            {
                for (var k = 0; k < accepted.Count; k++)
                {
                    var item = accepted[k];
                    var signal = item.Signal;
                    var signalId = signalIds[k];
                    var identity = await vault.SealAsync(Subject.VaultIdOf(chosen[k]), signal.Identity, cancellationToken).ConfigureAwait(false);
                    var reporter = signal.Reporter is null ? null
                        : await vault.SealAsync(Signal.ReporterVaultIdOf(signalId), signal.Reporter, cancellationToken).ConfigureAwait(false);
                    var known = ContentFields.KnownPersons(signal);
                    var summary = signal.Summary is null ? null : ContentFields.ScrubText(scrubber, signal.Summary, signal, known);
                    var fields = ContentFields.Scrub(scrubber, signal);
                    var content = fields is null ? null
                        : await vault.SealAsync(Subject.VaultIdOf(chosen[k]), fields, cancellationToken).ConfigureAwait(false);
                    signals.Add(new Signal
                    {
                        Id = signalId,
                        ConvenantId = caller.Convenant,
                        SubjectId = chosen[k],
                        PartnerId = caller.PartnerId,
                        ClientId = caller.ClientId,
                        Role = item.Decision.Role!,
                        Purpose = signal.Purpose,
                        Categories = string.Join(',', signal.Categories),
                        Phase = signal.Phase,
                        IsMinor = signal.IsMinor,
                        Summary = summary,
                        Identity = identity,
                        Reporter = reporter,
                        Content = content,
                        SubmittedAt = now,
                        TraceId = Activity.Current?.TraceId.ToHexString(),
                    });
                    results[item.Index] = new IngestItemResult(201, signalId, references[chosen[k]], null, null, null);
                    stored.Add((item, resolution.AnchorOf(chosen[k]), signalId));
                }

                dataKeys = unit.NewRows;
            }

            return new PreparedRows(resolution.NewSubjects, resolution.NewKeys, newReferences, dataKeys, signals, stored);
        }
        catch
        {
            gate.Release();
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<Dictionary<Guid, string>> AddReferencesAsync(
        IngestCaller caller, DomainTools tools, SubjectResolution resolution, Guid[] chosen, List<SubjectRef> newReferences, CancellationToken cancellationToken)
    {
        var distinct = chosen.Distinct().ToList();
        var existing = distinct.Where(id => !resolution.IsNew(id)).ToList();
        var known = existing.Count == 0 ? [] : await db.SubjectRefs.AsNoTracking()
            .Where(r => r.ConvenantId == caller.Convenant && r.PartnerId == caller.PartnerId && EF.Parameter(existing).Contains(r.SubjectId))
            .ToDictionaryAsync(r => r.SubjectId, r => r.Reference, cancellationToken).ConfigureAwait(false);
        var references = new Dictionary<Guid, string>(distinct.Count);
        foreach (var id in distinct)
        {
            if (known.TryGetValue(id, out var reference))
            {
                references[id] = reference;
                continue;
            }

            if (!Pseudonym.TryParse(resolution.AnchorOf(id), out var anchor))
            {
                throw new InvalidOperationException("A subject anchor is not a pseudonym.");
            }

            reference = tools.References.Derive(caller.PartnerId, anchor).ToString();
            references[id] = reference;
            newReferences.Add(new SubjectRef { ConvenantId = caller.Convenant, PartnerId = caller.PartnerId, Reference = reference, SubjectId = id });
        }

        return references;
    }

    private ProcessingRecord Record(
        IngestCaller caller, string operation, string status, DateTimeOffset started, ValidatedSignal? signal, SubmitDecision? decision,
        string? anchor, string? resourceId, string? errorCode)
    {
        var current = Activity.Current;
        return new ProcessingRecord(
            current?.TraceId.ToHexString() ?? string.Empty,
            current?.SpanId.ToHexString() ?? string.Empty,
            operation,
            status,
            started,
            time.GetUtcNow(),
            caller.Convenant,
            convenants.VersionHash(caller.Convenant),
            signal?.Purpose,
            caller.PartnerId,
            decision?.Role,
            caller.Actor,
            caller.ActorType,
            signal?.Categories ?? [],
            anchor,
            signal?.SubjectTypeName,
            operation == ProcessingOperations.PolicyDecision ? decision?.Outcome : null,
            operation == ProcessingOperations.PolicyDecision ? decision?.Clauses ?? [] : [],
            resourceId,
            errorCode);
    }

    private sealed record Accepted(int Index, ValidatedSignal Signal, SubmitDecision Decision);

    private sealed record PreparedRows(
        List<Subject> Subjects, List<SubjectKey> Keys, List<SubjectRef> References, List<VaultDataKeyRow> DataKeys, List<Signal> Signals,
        List<(Accepted Item, string Anchor, Guid SignalId)> Stored);
}

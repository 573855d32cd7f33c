using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Hub.Linkage;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>
/// Ingress of signals: validate (content fields against the convenant's categories), ask the convenant, pseudonymise (batch
/// HMAC; a group signal's group and every member), resolve subjects on exact match keys, seal identities, reporter and content in
/// the vault, scrub the summary and content, encode every stored person for fuzzy linkage (<see cref="SubjectEncodings"/>), and
/// store everything of every accepted item in ONE transaction (multi-row inserts, no change tracking), together with whatever
/// <c>beforeSave</c> adds (the idempotency record, saved by EF in that transaction). A refused item stores nothing. Subject
/// resolution and the write are serialised per convenant inside this process. Each stored item (and each group member) is
/// reported as a <c>linkage.match</c> processing record: matched an existing subject on which match key, or a new subject.
/// </summary>
internal sealed class SignalIngest(
    HubDbContext db, HubConvenants convenants, ConvenantKeys keys, DomainKeyService domainKeys, IdentityVault vault, Scrubber scrubber,
    IProcessingLog log, TimeProvider time)
{
    private const int ParallelThreshold = 16;

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

        List<StoredItem>? storedItems = null;
        try
        {
            if (accepted.Count > 0)
            {
                storedItems = await StoreAsync(caller, accepted, results, started, beforeSave, cancellationToken).ConfigureAwait(false);
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
            db.ChangeTracker.Clear();
        }

        foreach (var stored in storedItems ?? [])
        {
            var (item, signalId) = (stored.Item, stored.SignalId.ToString("D"));
            records.Add(Record(caller, ProcessingOperations.PolicyDecision, ProcessingStatuses.Succeeded, started, item.Signal, item.Decision, stored.Match.Anchor, null, null));
            records.Add(Record(caller, ProcessingOperations.SignalSubmitted, ProcessingStatuses.Succeeded, started, item.Signal, item.Decision, stored.Match.Anchor, signalId, null));
            records.Add(Record(caller, ProcessingOperations.LinkageMatch, ProcessingStatuses.Succeeded, started, item.Signal, item.Decision, stored.Match.Anchor, signalId, null,
                [stored.Match.Reason]));
            foreach (var member in stored.Members)
            {
                records.Add(Record(caller, ProcessingOperations.LinkageMatch, ProcessingStatuses.Succeeded, started, item.Signal, item.Decision, member.Anchor, signalId, null,
                    [member.Reason], PersonType));
            }
        }

        await log.RecordBatchAsync(records, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>The audit reason of an exact-linkage outcome: <c>match:existing:&lt;key&gt;</c> ('+' as '-') or <c>match:new-subject</c>.</summary>
    public static string MatchReason(PseudonymKind? matchedOn) =>
        matchedOn is { } kind ? "match:existing:" + MatchKeys.Get(kind).Name.Replace('+', '-') : "match:new-subject";

    /// <summary>
    /// Builds and stores every row of the accepted items in one transaction under the convenant's gate, with whatever
    /// <paramref name="beforeSave"/> adds. Work that does not depend on which subject an item resolves to (pseudonymisation,
    /// scrubbing, linkage encoding) runs before the gate, scrubbing spread over the cores; inside the gate remain resolution,
    /// references, the vault seals (over the cores, overlapping with the first inserts), the inserts and the commit.
    /// </summary>
    private async Task<List<StoredItem>> StoreAsync(
        IngestCaller caller, List<Accepted> accepted, IngestItemResult[] results, DateTimeOffset now, Action<IngestItemResult[]>? beforeSave,
        CancellationToken cancellationToken)
    {
        var tools = await keys.GetAsync(caller.Convenant).ConfigureAwait(false);
        var ring = await domainKeys.GetRingAsync(caller.Convenant, cancellationToken).ConfigureAwait(false);

        // One pseudonymisation batch for every subject: each item's own subject at subjectAt[k], a group's members right after it.
        var subjects = new List<SubjectIdentifiers>(accepted.Count);
        var subjectAt = new int[accepted.Count];
        for (var k = 0; k < accepted.Count; k++)
        {
            subjectAt[k] = subjects.Count;
            subjects.Add(accepted[k].Signal.Subject);
            foreach (var member in accepted[k].Signal.Group?.Members ?? [])
            {
                subjects.Add(member.Person);
            }
        }

        var pseudonyms = tools.Pseudonymiser.PseudonymiseBatch(subjects);
        var texts = new string[subjects.Count][];
        var allTexts = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < subjects.Count; s++)
        {
            var list = pseudonyms[s];
            var row = texts[s] = new string[list.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = list[i].ToString();
                allTexts.Add(row[i]);
            }
        }

        var scrubbed = new (string? Summary, IdentityRecord? Content)[accepted.Count];
        ForEachIndex(accepted.Count, k =>
        {
            var signal = accepted[k].Signal;
            var known = ContentFields.KnownPersons(signal);
            scrubbed[k] = (signal.Summary is null ? null : ContentFields.ScrubText(scrubber, signal.Summary, signal, known), ContentFields.Scrub(scrubber, signal));
        });
        var persons = new List<PersonIdentifiers>(subjects.Count);
        var encodedAt = new int[subjects.Count];
        for (var s = 0; s < subjects.Count; s++)
        {
            encodedAt[s] = -1;
            if (subjects[s] is PersonIdentifiers person)
            {
                encodedAt[s] = persons.Count;
                persons.Add(person);
            }
        }

        EncodedPerson?[] encoded;
        int keyVersion;
        using (var encoder = SubjectEncodings.CreateEncoder(ring, out keyVersion))
        {
            encoded = SubjectEncodings.Encode(encoder, persons);
        }

        var signalIds = accepted.Select(_ => Guid.CreateVersion7(now)).ToArray();
        await vault.LoadMasterKeysAsync(cancellationToken).ConfigureAwait(false);
        var gate = ConvenantWriteGate.For(caller.Convenant);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var resolution = await SubjectResolution.LoadAsync(db, caller.Convenant, allTexts, cancellationToken).ConfigureAwait(false);
            var chosen = new Guid[subjects.Count];
            var matched = new PseudonymKind?[subjects.Count];
            for (var s = 0; s < subjects.Count; s++)
            {
                chosen[s] = resolution.Resolve(pseudonyms[s], texts[s], now, out matched[s]);
            }

            var newReferences = new List<SubjectRef>();
            var references = await AddReferencesAsync(caller, tools, resolution, chosen, newReferences, cancellationToken).ConfigureAwait(false);
            var existingVault = chosen.Where(id => !resolution.IsNew(id)).Distinct().Select(Subject.VaultIdOf).ToList();
            var newVault = resolution.NewSubjects.Select(s => s.VaultId)
                .Concat(accepted.Select((a, k) => a.Signal.Reporter is null ? null : Signal.ReporterVaultIdOf(signalIds[k])).OfType<string>()).ToList();
            var sealedItems = new SealedItem[accepted.Count];
            List<VaultDataKeyRow> dataKeys;
            IDbContextTransaction? transaction = null;
            try
            {
                using (var unit = (await EfVaultKeyStore.PrepareAsync(db, existingVault, newVault, cancellationToken).ConfigureAwait(false)).Activate())
                using (var seals = vault.BeginSealScope())
                {
                    // The vault seals (over the cores) overlap with the inserts that do not need them: subjects, match keys and
                    // references. The seals never touch the context while the inserts run: every data key they need was prefetched
                    // or is new, and a rare lookup of another key waits for the unit's DbGate, held here until those inserts are done.
                    // One seal scope per batch: a subject sealed several times (identity, content, group member) unwraps or creates
                    // its data key once; the plaintext keys are zeroed when the scope ends, after every seal worker has finished. A
                    // reporter's vault id is used once, so its key is not kept: the one-shot seal zeroes it at once.
                    await unit.DbGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    var sealing = Task.Run(() => ForEachIndexAsync(accepted.Count, async (k, token) =>
                    {
                        var signal = accepted[k].Signal;
                        var subjectId = chosen[subjectAt[k]];
                        var identity = await seals.SealAsync(Subject.VaultIdOf(subjectId), signal.Identity, token).ConfigureAwait(false);
                        var reporter = signal.Reporter is null ? null
                            : await vault.SealAsync(Signal.ReporterVaultIdOf(signalIds[k]), signal.Reporter, token).ConfigureAwait(false);
                        var content = scrubbed[k].Content is not { } fields ? null
                            : await seals.SealAsync(Subject.VaultIdOf(subjectId), fields, token).ConfigureAwait(false);
                        var memberIdentities = new byte[signal.Group?.Members.Count ?? 0][];
                        for (var m = 0; m < memberIdentities.Length; m++)
                        {
                            memberIdentities[m] = await seals.SealAsync(Subject.VaultIdOf(chosen[subjectAt[k] + 1 + m]), signal.Group!.Members[m].Identity, token)
                                .ConfigureAwait(false);
                        }

                        sealedItems[k] = new SealedItem(identity, reporter, content, memberIdentities);
                    }, cancellationToken), cancellationToken);
                    try
                    {
                        try
                        {
                            transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                            await BulkInsert.InsertAsync(db, resolution.NewSubjects, cancellationToken).ConfigureAwait(false);
                            await BulkInsert.InsertAsync(db, resolution.NewKeys, cancellationToken).ConfigureAwait(false);
                            await BulkInsert.InsertAsync(db, newReferences, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            unit.DbGate.Release();
                        }
                    }
                    finally
                    {
                        // Never leave the scope (which zeroes the keys) while a seal worker may still use it, also when an insert failed.
                        await sealing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }

                    await sealing.ConfigureAwait(false); // completed; rethrows a failed seal
                    dataKeys = unit.NewRows;
                }

                var stored = new List<StoredItem>(accepted.Count);
                var signals = new List<Signal>(accepted.Count);
                var members = new List<SignalMember>();
                var encodings = new List<SubjectEncoding>(persons.Count);
                var traceId = Activity.Current?.TraceId.ToHexString();
                for (var k = 0; k < accepted.Count; k++)
                {
                    var item = accepted[k];
                    var signal = item.Signal;
                    var signalId = signalIds[k];
                    var at = subjectAt[k];
                    var subjectId = chosen[at];
                    var seal = sealedItems[k];
                    signals.Add(new Signal
                    {
                        Id = signalId,
                        ConvenantId = caller.Convenant,
                        SubjectId = subjectId,
                        PartnerId = caller.PartnerId,
                        ClientId = caller.ClientId,
                        Role = item.Decision.Role!,
                        Purpose = signal.Purpose,
                        Categories = string.Join(',', signal.Categories),
                        Phase = signal.Phase,
                        IsMinor = signal.IsMinor,
                        Summary = scrubbed[k].Summary,
                        Identity = seal.Identity,
                        Reporter = seal.Reporter,
                        Content = seal.Content,
                        SubmittedAt = now,
                        TraceId = traceId,
                    });
                    AddEncoding(encodings, encoded, encodedAt[at], keyVersion, caller.Convenant, signalId, subjectId, now);
                    var memberMatches = new List<Match>();
                    string[]? memberReferences = null;
                    if (signal.Group is { } group)
                    {
                        memberReferences = new string[group.Members.Count];
                        var seen = new HashSet<Guid>();
                        for (var m = 0; m < group.Members.Count; m++)
                        {
                            var memberId = chosen[at + 1 + m];
                            memberReferences[m] = references[memberId];
                            if (!seen.Add(memberId))
                            {
                                continue; // two entries of one person (matched on different keys): one member row
                            }

                            members.Add(new SignalMember { SignalId = signalId, SubjectId = memberId, Position = m, Identity = seal.Members[m] });
                            AddEncoding(encodings, encoded, encodedAt[at + 1 + m], keyVersion, caller.Convenant, signalId, memberId, now);
                            memberMatches.Add(new Match(resolution.AnchorOf(memberId), MatchReason(matched[at + 1 + m])));
                        }
                    }

                    results[item.Index] = new IngestItemResult(201, signalId, references[subjectId], null, null, null, memberReferences);
                    stored.Add(new StoredItem(item, signalId, new Match(resolution.AnchorOf(subjectId), MatchReason(matched[at])), memberMatches));
                }

                await BulkInsert.InsertAsync(db, dataKeys, cancellationToken).ConfigureAwait(false);
                await BulkInsert.InsertAsync(db, signals, cancellationToken).ConfigureAwait(false);
                await BulkInsert.InsertAsync(db, members, cancellationToken).ConfigureAwait(false);
                await BulkInsert.InsertAsync(db, encodings, cancellationToken).ConfigureAwait(false);
                beforeSave?.Invoke(results);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static void AddEncoding(
        List<SubjectEncoding> encodings, EncodedPerson?[] encoded, int index, int keyVersion, string convenant, Guid signalId, Guid subjectId, DateTimeOffset now)
    {
        if (index >= 0 && encoded[index] is { } encoding)
        {
            encodings.Add(encoding.ToRow(keyVersion, convenant, signalId, subjectId, now));
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1, over every core when the batch is large enough to pay for it.</summary>
    private static void ForEachIndex(int count, Action<int> body)
    {
        if (count < ParallelThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
    }

    /// <summary>As <see cref="ForEachIndex"/> for asynchronous work (the ambient vault unit flows into the workers).</summary>
    private static async Task ForEachIndexAsync(int count, Func<int, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        if (count < ParallelThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                await body(i, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, body).ConfigureAwait(false);
    }

    private async Task<Dictionary<Guid, string>> AddReferencesAsync(
        IngestCaller caller, DomainTools tools, SubjectResolution resolution, Guid[] chosen, List<SubjectRef> newReferences, CancellationToken cancellationToken)
    {
        var distinct = chosen.Distinct().ToList();
        var existing = distinct.Where(id => !resolution.IsNew(id)).ToList();
        var known = existing.Count == 0 ? [] : await SubjectReferences.OfPartnerAsync(db, caller.Convenant, caller.PartnerId, existing, cancellationToken)
            .ConfigureAwait(false);
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

    private const string PersonType = "person";

    private ProcessingRecord Record(
        IngestCaller caller, string operation, string status, DateTimeOffset started, ValidatedSignal? signal, SubmitDecision? decision,
        string? anchor, string? resourceId, string? errorCode, IReadOnlyList<string>? reasons = null, string? subjectType = null)
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
            subjectType ?? signal?.SubjectTypeName,
            operation == ProcessingOperations.PolicyDecision ? decision?.Outcome : null,
            reasons ?? (operation == ProcessingOperations.PolicyDecision ? decision?.Clauses ?? [] : []),
            resourceId,
            errorCode);
    }

    private sealed record Accepted(int Index, ValidatedSignal Signal, SubmitDecision Decision);

    /// <summary>An exact-linkage outcome: the subject's anchor pseudonym and the audit reason.</summary>
    private sealed record Match(string Anchor, string Reason);

    private sealed record StoredItem(Accepted Item, Guid SignalId, Match Match, List<Match> Members);

    private sealed record SealedItem(byte[] Identity, byte[]? Reporter, byte[]? Content, byte[][] Members);
}

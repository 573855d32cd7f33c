using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Retention;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.HubCtl.Audit;
using SharingHub.Pseudonymisation.Vault;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Retention;

/// <summary>Retention through the real API and job, on SQLite with local files, time from a TestClock.</summary>
public sealed class RetentionRunTests
{
    [Fact]
    public async Task Run_ZvhSignalPhase_DeletedAfterSixMonthsNotADayBefore()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        var submitted = hub.Time.GetUtcNow();
        var (signalId, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));
        await hub.AttachTextAsync(signalId, "Gesprek gevoerd, zorgen over de woonsituatie.");
        var subjectId = await hub.DbAsync(db => db.Signals.Where(s => s.Id == signalId).Select(s => s.SubjectId).SingleAsync());
        Assert.Equal(2, (await hub.DocumentsAsync()).Count);
        var (pendingId, grantId) = (Guid.NewGuid(), Guid.NewGuid());
        await hub.DbAsync(async db =>
        {
            db.AccessRequests.Add(Request(pendingId, subjectId, AccessRequestStatus.PendingReview, submitted));
            db.AccessRequests.Add(Request(grantId, subjectId, AccessRequestStatus.Granted, submitted));
            db.Grants.Add(new Grant
            {
                Id = grantId, RequestId = grantId, ConvenantId = "zvh", SubjectId = subjectId, RecipientPartnerId = "ret-gemeente", RecipientRole = "medewerker",
                Purpose = "complexe-casuistiek", Categories = "casusinformatie", Fields = "aanmeldreden", Mode = "pseudonymised", Approvers = string.Empty,
                Clause = "ZVH-F-01", GrantedAt = submitted, ExpiresAt = submitted.AddYears(1),
            });
            return await db.SaveChangesAsync();
        });

        hub.Time.SetUtcNow(submitted.AddMonths(6).AddDays(-1));
        var early = await hub.RunAsync();
        Assert.Empty(early.GetProperty("actions").EnumerateArray());
        Assert.Equal(submitted.AddMonths(6), early.GetProperty("nextDue").GetProperty("at").GetDateTimeOffset());
        Assert.Equal(["ZVH-T-01"], early.GetProperty("nextDue").GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
        Assert.True(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == signalId)));

        hub.Time.SetUtcNow(submitted.AddMonths(6));
        var report = await hub.RunAsync();
        var group = Assert.Single(report.GetProperty("actions").EnumerateArray());
        Assert.Equal("delete", group.GetProperty("action").GetString());
        Assert.Equal("ZVH-T-01", group.GetProperty("clause").GetString());
        Assert.Equal([signalId], group.GetProperty("signalIds").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Equal(1, report.GetProperty("outcome").GetProperty("clustersPurged").GetInt32());
        Assert.Equal(2, report.GetProperty("outcome").GetProperty("documentsDeleted").GetInt32());

        Assert.False(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == signalId)));
        Assert.False(await hub.DbAsync(db => db.SignalDocuments.AnyAsync(d => d.SignalId == signalId)));
        Assert.False(await hub.DbAsync(db => db.SubjectEncodings.AnyAsync(e => e.SignalId == signalId)));
        Assert.False(await hub.DbAsync(db => db.SubjectKeys.AnyAsync(k => k.SubjectId == subjectId)));
        Assert.False(await hub.DbAsync(db => db.SubjectRefs.AnyAsync(r => r.SubjectId == subjectId)));
        Assert.DoesNotContain(Subject.VaultIdOf(subjectId), await hub.VaultKeyIdsAsync());
        Assert.Empty(await hub.DocumentsAsync());
        Assert.Empty(await hub.DocumentsAsync(DocumentPurgeQueue.Prefix));
        Assert.Equal(1, report.GetProperty("subjects").GetProperty("grantsRevoked").GetInt32());
        Assert.Equal(1, report.GetProperty("subjects").GetProperty("requestsWithdrawn").GetInt32());
        var grant = await hub.DbAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId));
        Assert.Equal(submitted.AddMonths(6), grant.RevokedAt);
        Assert.Equal(RetentionService.SystemActor, grant.RevokedBy);
        Assert.Equal(AccessRequestStatus.Withdrawn, await hub.DbAsync(db => db.AccessRequests.Where(r => r.Id == pendingId).Select(r => r.Status).SingleAsync()));
        Assert.True(await hub.DbAsync(db => db.Subjects.AnyAsync(x => x.Id == subjectId)));

        var anchor = await hub.DbAsync(db => db.Subjects.Where(s => s.Id == subjectId).Select(s => s.Anchor).SingleAsync());
        var purge = (await AuditRecordsAsync(hub, anchor)).Single(r => r.Operation == AuditOperations.RetentionPurge);
        Assert.Equal(AuditStatus.Ok, purge.Status);
        Assert.Contains("ZVH-T-01", purge.DecisionReasons);
        Assert.Contains("action:delete", purge.DecisionReasons);
        Assert.Equal("zvh", purge.ConvenantId);
        Assert.StartsWith("person:", purge.Actor, StringComparison.Ordinal);

        var logs = string.Join('\n', hub.Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Select(r => r.Message + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        foreach (var needle in new[] { "945807302", "Jansen", "1980-05-17", "woonsituatie" })
        {
            Assert.DoesNotContain(needle, early.ToString() + report.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(needle, logs, StringComparison.Ordinal);
        }

        var again = await hub.RunAsync();
        Assert.Empty(again.GetProperty("actions").EnumerateArray());
        Assert.Equal(0, again.GetProperty("outcome").GetProperty("clustersPurged").GetInt32());
    }

    [Fact]
    public async Task Run_CasusClosed_CryptoShreddedTwoYearsAfterCloseNeverWhileOpen()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        var (signalId, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("215736813", "Sanne", "de Vries", "1975-02-03", reporter: true));
        var signal = await hub.DbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId));
        var casusId = Guid.NewGuid();
        await hub.DbAsync(async db =>
        {
            db.Cases.Add(new Casus
            {
                Id = casusId, ConvenantId = "zvh", SubjectId = signal.SubjectId, OwnerPartnerId = "ret-gemeente", OwnerRole = "medewerker",
                State = CasusStates.LocalMulti, Phase = "analysis", CreatedAt = hub.Time.GetUtcNow(), UpdatedAt = hub.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        hub.Time.Advance(TimeSpan.FromDays(3 * 365));
        var open = await hub.RunAsync();
        Assert.Empty(open.GetProperty("actions").EnumerateArray());
        var reporterShred = Assert.Single(open.GetProperty("reporterShreds").EnumerateArray());
        Assert.Equal("ZVH-T-05", reporterShred.GetProperty("clause").GetString());
        Assert.DoesNotContain(SharingHub.Hub.Signals.Signal.ReporterVaultIdOf(signalId), await hub.VaultKeyIdsAsync());
        var waiting = Assert.Single(open.GetProperty("waiting").EnumerateArray());
        Assert.Equal("ZVH-T-02", waiting.GetProperty("clause").GetString());
        Assert.Equal("casus-closed", waiting.GetProperty("waitingFor").GetString());
        Assert.Contains(Subject.VaultIdOf(signal.SubjectId), await hub.VaultKeyIdsAsync());

        var closedAt = hub.Time.GetUtcNow();
        await hub.DbAsync(db => db.Cases.Where(c => c.Id == casusId).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.State, CasusStates.Closed).SetProperty(c => c.ClosedAt, closedAt).SetProperty(c => c.UpdatedAt, closedAt)));
        hub.Time.SetUtcNow(closedAt.AddYears(2).AddDays(-1));
        var early = await hub.RunAsync();
        Assert.Empty(early.GetProperty("actions").EnumerateArray());
        Assert.Equal(closedAt.AddYears(2), early.GetProperty("nextDue").GetProperty("at").GetDateTimeOffset());

        hub.Time.SetUtcNow(closedAt.AddYears(2));
        var report = await hub.RunAsync();
        var group = Assert.Single(report.GetProperty("actions").EnumerateArray());
        Assert.Equal("crypto-shred", group.GetProperty("action").GetString());
        Assert.Equal("ZVH-T-02", group.GetProperty("clause").GetString());

        var after = await hub.DbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId));
        Assert.Empty(after.Identity);
        Assert.Null(after.Reporter);
        Assert.Null(after.Content);
        Assert.Equal(signal.Categories, after.Categories);
        var keys = await hub.VaultKeyIdsAsync();
        Assert.DoesNotContain(Subject.VaultIdOf(signal.SubjectId), keys);
        Assert.DoesNotContain(SharingHub.Hub.Signals.Signal.ReporterVaultIdOf(signalId), keys);

        var vault = hub.Factory.Services.GetRequiredService<IdentityVault>();
        var shredded = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync(Subject.VaultIdOf(signal.SubjectId), signal.Identity));
        Assert.Equal("SH1104", shredded.Code);
        var reporter = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync(SharingHub.Hub.Signals.Signal.ReporterVaultIdOf(signalId), signal.Reporter!));
        Assert.Equal("SH1104", reporter.Code);

        var again = await hub.RunAsync();
        Assert.Empty(again.GetProperty("actions").EnumerateArray());
        Assert.Equal(0, again.GetProperty("outcome").GetProperty("clustersPurged").GetInt32());

        var anchor = await hub.DbAsync(db => db.Subjects.Where(s => s.Id == signal.SubjectId).Select(s => s.Anchor).SingleAsync());
        var log = hub.Factory.Services.GetRequiredService<AuditLog>();
        var entries = await log.Store.FindBySubjectAsync(anchor, CancellationToken.None);
        var operations = entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!.Operation).ToList();
        Assert.Contains(AuditOperations.RetentionPurge, operations);
        Assert.Contains("signal.submitted", operations);
        var size = log.Size;
        var root = log.Tree.Root(size);
        foreach (var entry in entries)
        {
            Assert.Equal(MerkleVerification.HashLeaf(entry.Record), entry.LeafHash);
            Assert.True(MerkleVerification.VerifyInclusion(entry.Index, size, entry.LeafHash, log.Tree.InclusionProof(entry.Index, size), root));
        }
    }

    [Fact]
    public async Task Run_WhileIngressHoldsTheConvenantWriteGate_WaitsForItThenPurges()
    {
        // Regression: retention deleted a cluster's vault key while an ingress batch that had read it could still seal under it.
        await using var hub = await RetentionTestHub.StartAsync();
        var submitted = hub.Time.GetUtcNow();
        var (signalId, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));
        hub.Time.SetUtcNow(submitted.AddMonths(6));
        var token = await hub.PersonTokenAsync(RetentionTestHub.Officer);
        var gate = ConvenantWriteGate.For(RetentionTestHub.Convenant);

        await gate.WaitAsync();
        Task<JsonElement> run;
        try
        {
            run = hub.RunAsync(token);
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(500)));
            Assert.False(run.IsCompleted, "retention purged while the convenant's write gate was held");
            Assert.True(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == signalId)));
        }
        finally
        {
            gate.Release();
        }

        var report = await run;
        Assert.Equal(1, report.GetProperty("outcome").GetProperty("clustersPurged").GetInt32());
        Assert.False(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == signalId)));
    }

    [Fact]
    public async Task Run_Reporter_ShreddedAfterThreeMonthsWhileSignalKept()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        var submitted = hub.Time.GetUtcNow();
        var (signalId, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("930364260", reporter: true));
        var before = await hub.DbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId));

        hub.Time.SetUtcNow(submitted.AddMonths(3).AddDays(-1));
        Assert.Empty((await hub.RunAsync()).GetProperty("reporterShreds").EnumerateArray());
        Assert.Contains(SharingHub.Hub.Signals.Signal.ReporterVaultIdOf(signalId), await hub.VaultKeyIdsAsync());

        hub.Time.SetUtcNow(submitted.AddMonths(3));
        var report = await hub.RunAsync();
        Assert.Empty(report.GetProperty("actions").EnumerateArray());
        var group = Assert.Single(report.GetProperty("reporterShreds").EnumerateArray());
        Assert.Equal("ZVH-T-05", group.GetProperty("clause").GetString());
        var after = await hub.DbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId));
        Assert.Null(after.Reporter);
        Assert.Equal(before.Identity, after.Identity);
        var keys = await hub.VaultKeyIdsAsync();
        Assert.DoesNotContain(SharingHub.Hub.Signals.Signal.ReporterVaultIdOf(signalId), keys);
        Assert.Contains(Subject.VaultIdOf(before.SubjectId), keys);
        var vault = hub.Factory.Services.GetRequiredService<IdentityVault>();
        Assert.NotNull(await vault.OpenAsync(Subject.VaultIdOf(before.SubjectId), after.Identity));
    }

    [Fact]
    public async Task Preview_ChangesNothingAndEqualsWhatTheRunDoes()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        var (first, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("212997221", "Piet", "Bakker", "1990-01-01", reporter: true));
        await hub.AttachTextAsync(first, "Notitie bij de melding.");
        hub.Time.Advance(TimeSpan.FromDays(40));
        await hub.SubmitAsync(RetentionTestHub.PersonBody("562241541", "Anna", "Smit", "1985-07-07"));
        hub.Time.Advance(TimeSpan.FromDays(160));

        var before = await hub.StateAsync();
        var preview = await hub.PreviewAsync();
        var previewAgain = await hub.PreviewAsync();
        Assert.Equal(before, await hub.StateAsync());
        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("outcome").ValueKind);
        Assert.Equal(preview.GetProperty("actions").ToString(), previewAgain.GetProperty("actions").ToString());
        Assert.Equal([first], Assert.Single(preview.GetProperty("actions").EnumerateArray()).GetProperty("signalIds").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Equal(2, preview.GetProperty("documents").GetInt32());

        var run = await hub.Factory.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);
        var zvh = run.Single(r => r.Convenant == "zvh");
        Assert.False(zvh.DryRun);
        Assert.Equal(preview.GetProperty("actions").ToString(), JsonSerializer.SerializeToElement(zvh.Actions, JsonOptions).ToString());
        Assert.Equal(preview.GetProperty("subjects").ToString(), JsonSerializer.SerializeToElement(zvh.Subjects, JsonOptions).ToString());
        Assert.Equal(2, zvh.Outcome!.DocumentsDeleted);
        Assert.NotEqual(before, await hub.StateAsync());
        Assert.False(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == first)));
        var purge = (await AuditRecordsAsync(hub, Assert.Single(zvh.Subjects.PurgedSubjects))).Single(r => r.Operation == AuditOperations.RetentionPurge);
        Assert.Equal(RetentionService.SystemActor, purge.Actor);
    }

    [Fact]
    public async Task Run_FailureMidway_LeavesTheClusterUntouchedAndTheNextRunCompletes()
    {
        var store = new FlakyDocumentStore();
        await using var hub = await RetentionTestHub.StartAsync(services: s => FlakyDocumentStore.Install(s, store));
        var submitted = hub.Time.GetUtcNow();
        var (signalId, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("990951455"));
        await hub.AttachTextAsync(signalId, "Document dat mee moet.");
        hub.Time.SetUtcNow(submitted.AddMonths(7));
        var before = await hub.StateAsync();

        store.FailPuts = true;
        var failed = await hub.RunAsync();
        Assert.Equal(1, failed.GetProperty("outcome").GetProperty("clustersFailed").GetInt32());
        Assert.StartsWith(RetentionErrorCodes.ItemFailed, failed.GetProperty("outcome").GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await hub.StateAsync());

        store.FailPuts = false;
        store.FailDeletes = true;
        var committed = await hub.RunAsync();
        Assert.Equal(1, committed.GetProperty("outcome").GetProperty("clustersPurged").GetInt32());
        Assert.False(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == signalId)));
        Assert.Equal(2, (await hub.DocumentsAsync()).Count);
        Assert.Single(await hub.DocumentsAsync(DocumentPurgeQueue.Prefix));

        store.FailDeletes = false;
        var recovered = await hub.RunAsync();
        Assert.Equal(2, recovered.GetProperty("outcome").GetProperty("documentsDeleted").GetInt32());
        Assert.Empty(await hub.DocumentsAsync());
        Assert.Empty(await hub.DocumentsAsync(DocumentPurgeQueue.Prefix));
    }

    private static AccessRequest Request(Guid id, Guid subjectId, string status, DateTimeOffset at) => new()
    {
        Id = id, ConvenantId = "zvh", ConvenantVersionHash = "sha256:test", RequesterPartnerId = "ret-gemeente", RequesterRole = "medewerker",
        RequesterActor = "client:" + RetentionTestHub.Submitter, SubjectId = subjectId, SubjectRef = "s1.1.test", SubjectType = "person",
        Purpose = "complexe-casuistiek", Categories = "casusinformatie", Fields = "aanmeldreden", Mode = "pseudonymised", Phase = "signal",
        Necessity = "noodzaak", Proportionality = "proportionaliteit", Subsidiarity = "subsidiariteit", Status = status, DecidingClause = "ZVH-F-01",
        Reasons = "ZVH-F-01", CreatedAt = at, DecidedAt = status == AccessRequestStatus.PendingReview ? null : at,
    };

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    internal static async Task<List<AuditRecord>> AuditRecordsAsync(RetentionTestHub hub, string anchor)
    {
        var log = hub.Factory.Services.GetRequiredService<AuditLog>();
        var entries = await log.Store.FindBySubjectAsync(anchor, CancellationToken.None);
        return [.. entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)];
    }
}

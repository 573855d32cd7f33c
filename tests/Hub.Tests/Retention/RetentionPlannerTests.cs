using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Retention;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Hub.Tests.Retention;

/// <summary>The planner's reading of retention rules, on hand-made snapshots (no hub).</summary>
public sealed class RetentionPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Subject1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Signal1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    [Fact]
    public void Plan_ReviewRule_OnlyReportedNeverWork()
    {
        var convenant = Zvh(doc => doc["retention"]![0]!["endAction"] = "review");
        var snapshot = Snapshot("casusinformatie,identificatie");
        var plan = RetentionPlanner.Plan(convenant, snapshot, T0.AddMonths(6));
        var signal = Assert.Single(plan.Signals);
        Assert.Equal(SignalVerdict.Review, signal.Verdict);
        Assert.Equal("ZVH-T-01", signal.Clause);
        Assert.Empty(plan.Work);
        var report = RetentionReports.Build(plan, new Dictionary<Guid, string>(), dryRun: true, outcome: null);
        Assert.Empty(report.Actions);
        Assert.Equal("review", Assert.Single(report.Review).Action);
    }

    [Fact]
    public void Plan_SeveralCategories_LongestPeriodDecides()
    {
        var convenant = Zvh(_ => { });
        var closed = T0.AddMonths(1);
        var snapshot = Snapshot("casusinformatie,gezondheid", new CasusRow(Guid.NewGuid(), Subject1, CasusStates.Closed, "intake", T0, closed, closed));

        var at7 = Assert.Single(RetentionPlanner.Plan(convenant, snapshot, T0.AddMonths(7)).Signals);
        Assert.Equal(SignalVerdict.NotYetDue, at7.Verdict);
        Assert.Equal("ZVH-T-03", at7.Clause);
        Assert.Equal(closed.AddYears(1), at7.DueAt);
        Assert.Equal(["ZVH-T-01", "ZVH-T-03"], at7.Clauses.Order(StringComparer.Ordinal));

        var plan = RetentionPlanner.Plan(convenant, snapshot, closed.AddYears(1));
        var due = Assert.Single(plan.Signals);
        Assert.Equal(SignalVerdict.Due, due.Verdict);
        Assert.Equal(RetentionEndAction.CryptoShred, due.Action);
        var work = Assert.Single(plan.Work);
        Assert.Equal([Subject1], work.SubjectKeysToShred);
        Assert.True(work.FullyPurged);
    }

    [Fact]
    public void Plan_CategoryWithoutRuleInPhase_Kept()
    {
        var convenant = Zvh(doc =>
        {
            var categories = doc["retention"]![0]!["categories"]!.AsArray();
            categories.Remove(categories.Single(c => c!.GetValue<string>() == "gezinssituatie"));
        });
        var plan = RetentionPlanner.Plan(convenant, Snapshot("casusinformatie,gezinssituatie"), T0.AddYears(5));
        var signal = Assert.Single(plan.Signals);
        Assert.Equal(SignalVerdict.NoRule, signal.Verdict);
        Assert.Equal("rule:gezinssituatie", signal.WaitingFor);
        Assert.Empty(plan.Work);
    }

    [Fact]
    public void Plan_SubjectWithAnotherLiveSignal_KeyKeptUntilTheLastPayloadGoes()
    {
        var convenant = Zvh(_ => { });
        var second = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
        var snapshot = Snapshot("casusinformatie");
        snapshot.Signals.Add(new SignalRow(second, Subject1, "casusinformatie", "signal", T0.AddMonths(2), true, false));
        var plan = RetentionPlanner.Plan(convenant, snapshot, T0.AddMonths(6));
        var work = Assert.Single(plan.Work);
        Assert.Equal([Signal1], work.Purges.Select(p => p.SignalId));
        Assert.Empty(work.SubjectKeysToShred);
        Assert.False(work.FullyPurged);

        var later = Assert.Single(RetentionPlanner.Plan(convenant, snapshot, T0.AddMonths(8)).Work);
        Assert.Equal(2, later.Purges.Count);
        Assert.Equal([Subject1], later.SubjectKeysToShred);
        Assert.True(later.FullyPurged);
    }

    [Fact]
    public void Plan_AnonymiseRule_ErasesPayloadKeepsRowAndFreesTheKey()
    {
        var convenant = Zvh(doc => doc["retention"]![0]!["endAction"] = "anonymise");
        var plan = RetentionPlanner.Plan(convenant, Snapshot("casusinformatie"), T0.AddMonths(6));
        var work = Assert.Single(plan.Work);
        Assert.Equal(RetentionEndAction.Anonymise, Assert.Single(work.Purges).Action);
        Assert.Equal([Subject1], work.SubjectKeysToShred);
        Assert.Equal("anonymise", Assert.Single(RetentionReports.Build(plan, new Dictionary<Guid, string>(), dryRun: true, outcome: null).Actions).Action);
    }

    [Fact]
    public void Plan_GrantExpiredRule_WaitsForTheGrantThenCountsFromItsExpiry()
    {
        var convenant = Zvh(doc => doc["retention"]![0]!["countsFrom"] = "grant-expired");
        var snapshot = Snapshot("casusinformatie");
        Assert.Equal("grant", Assert.Single(RetentionPlanner.Plan(convenant, snapshot, T0.AddYears(3)).Signals).WaitingFor);

        var expires = T0.AddMonths(2);
        snapshot.Grants.Add(new GrantRow(Guid.NewGuid(), Subject1, expires, null));
        var waiting = Assert.Single(RetentionPlanner.Plan(convenant, snapshot, T0.AddMonths(7)).Signals);
        Assert.Equal(SignalVerdict.NotYetDue, waiting.Verdict);
        Assert.Equal(expires.AddMonths(6), waiting.DueAt);
        Assert.Equal(SignalVerdict.Due, Assert.Single(RetentionPlanner.Plan(convenant, snapshot, expires.AddMonths(6)).Signals).Verdict);
    }

    private static RetentionSnapshot Snapshot(string categories, params CasusRow[] casus) => new()
    {
        Subjects = new() { [Subject1] = new SubjectRow(Subject1, null, "p1.1.AAAA") },
        Signals = [new SignalRow(Signal1, Subject1, categories, "signal", T0, true, false)],
        Members = [],
        Encoded = [],
        Documents = [],
        Casus = [.. casus],
        Grants = [],
        Requests = [],
        VaultKeys = [Subject.VaultIdOf(Subject1)],
        Addressable = [Subject1],
    };

    private static CompiledConvenant Zvh(Action<JsonNode> edit)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "convenants", "zvh.json");
        if (!File.Exists(path))
        {
            path = FindRepoFile("convenants/zvh.json");
        }

        var document = JsonNode.Parse(File.ReadAllText(path))!;
        edit(document);
        var (catalog, errors) = ConvenantCatalog.TryCreate([("zvh.json", document.ToJsonString())], new FakeTimeProvider(T0));
        Assert.True(catalog is not null, string.Join("; ", errors.Select(e => e.Error.Code + " " + e.Error.Message)));
        return catalog!.Get("zvh")!;
    }

    private static string FindRepoFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Not found above the test directory.", relative);
    }
}

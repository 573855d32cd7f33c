using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Tests.Decisions;

public sealed class PolicyEngineTests
{
    private static readonly ConvenantCatalog Catalog =
        ConvenantCatalog.Create(ShippedConvenants.Ids.Select(ShippedConvenants.Get), TimeProvider.System);

    private static PolicyQuery RiecSubmit => new()
    {
        Convenant = "riec",
        Partner = "gemeente",
        Role = "medewerker",
        Purpose = "mensenhandel",
        Action = "submit",
        Categories = ["signaal", "identificatie"],
        Phase = "signal",
        At = ShippedConvenants.Now,
    };

    private static DecisionRequest Resolve(PolicyQuery query)
    {
        Assert.True(Catalog.TryResolve(query, out var request, out var denial), denial.ToString());
        return request;
    }

    [Fact]
    public void Decide_PermitPath_AllocatesNothing()
    {
        var request = Resolve(RiecSubmit);
        Assert.True(Catalog.Decide(request).IsPermit);
        for (var i = 0; i < 2000; i++)
        {
            _ = Catalog.Decide(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var permits = 0;
        for (var i = 0; i < 1000; i++)
        {
            permits += Catalog.Decide(request).IsPermit ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1000, permits);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Decide_DenyAndWarmNeedsApprovalPaths_AllocateNothing()
    {
        var deny = Resolve(RiecSubmit with { Purpose = "generieke-risicoprofilering" });
        var approval = Resolve(RiecSubmit with { Action = "request", Categories = ["identificatie"], Phase = "execution", Mode = "identified" });
        Assert.True(Catalog.Decide(deny).IsDeny);
        Assert.True(Catalog.Decide(approval).NeedsApproval);
        for (var i = 0; i < 2000; i++)
        {
            _ = Catalog.Decide(deny);
            _ = Catalog.Decide(approval);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = Catalog.Decide(deny);
            _ = Catalog.Decide(approval);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Decide_Permit_CarriesFlowObligationsRetentionAndLegalGround()
    {
        var decision = Catalog.Decide(RiecSubmit);

        Assert.True(decision.IsPermit);
        Assert.Equal("RIEC-F-01", decision.DecidingClauseId);
        var retain = Assert.Single(decision.Obligations, o => o.Kind == ObligationKind.RetainUntil);
        Assert.Equal("RIEC-T-01", retain.Retention!.ClauseId);
        Assert.Equal(new IsoDuration(1, 0, 0, TimeSpan.Zero), retain.Retention.Period);
        Assert.Contains(decision.Reasons, r => r.Code == PolicyCodes.LegalGround && r.ClauseId == "RIEC-P-01" && r.Message.Contains("6(1)(e)", StringComparison.Ordinal));
        Assert.Contains("bsn", decision.AllowedFields);
    }

    [Fact]
    public void Decide_NeedsApproval_CarriesQuorumFromTheConvenant()
    {
        var decision = Catalog.Decide(RiecSubmit with { Action = "request", Categories = ["identificatie"], Phase = "execution", Mode = "identified" });

        Assert.True(decision.NeedsApproval);
        var requirement = Assert.Single(decision.Requirements);
        Assert.Equal(ApprovalGates.FourEyes, requirement.Gate);
        Assert.True(requirement.Quorum.ReviewerFromOtherParty);
        Assert.Equal(["casusregisseur", "privacy-officer"], requirement.Quorum.ReviewerRoles);
        Assert.Equal("RIEC-F-10", decision.Flow!.ClauseId);
    }

    [Fact]
    public void Decide_AfterApproval_PermitCitesTheSatisfiedGate()
    {
        var decision = Catalog.Decide(RiecSubmit with { Action = "request", Categories = ["identificatie"], Phase = "execution", Mode = "identified", Approved = ["four-eyes"] });

        Assert.True(decision.IsPermit);
        Assert.Equal("RIEC-F-10", decision.DecidingClauseId);
        Assert.Contains(decision.Reasons, r => r.Code == PolicyCodes.ApprovalSatisfied && r.ClauseId == "RIEC-A-02");
    }

    [Fact]
    public void DecideNow_TakesTheTimeFromTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var catalog = ConvenantCatalog.Create([ShippedConvenants.Get("riec")], clock);
        Assert.True(catalog.TryResolve(RiecSubmit, out var request, out _));

        var before = catalog.DecideNow(request);
        clock.Advance(TimeSpan.FromDays(365 * 5));
        var after = catalog.DecideNow(request);

        Assert.True(before.IsPermit);
        Assert.True(after.IsDeny);
        Assert.Equal(PolicyCodes.ConvenantExpired, after.Reasons[0].Code);
    }

    [Fact]
    public void Decide_UnknownConvenant_Denies()
    {
        var decision = Catalog.Decide(RiecSubmit with { Convenant = "icov" });

        Assert.True(decision.IsDeny);
        Assert.Equal(PolicyCodes.ConvenantUnknown, decision.Reasons[0].Code);
        Assert.True(Catalog.Decide(default(DecisionRequest)).IsDeny);
    }

    [Fact]
    public void Decide_DraftConvenant_DeniesWithStatusReason()
    {
        var draft = ConvenantLoader.Load(BadConvenants.Mutate("riec", r => r["status"] = "draft")).Convenant!;

        var decision = draft.Decide(RiecSubmit);

        Assert.True(decision.IsDeny);
        Assert.Equal(PolicyCodes.ConvenantNotActive, decision.Reasons[0].Code);
        Assert.Equal("RIEC-I-01", decision.DecidingClauseId);
    }

    [Fact]
    public void Explain_DefaultDeny_NamesTheNearestFlowAndWhatFailed()
    {
        var convenant = ShippedConvenants.Get("riec");
        Assert.True(convenant.TryResolve(RiecSubmit with { Phase = "analysis" }, new ConvenantHandle(1), out var request, out _));

        var decision = convenant.Explain(request);

        Assert.True(decision.IsDeny);
        var nearest = Assert.Single(decision.Reasons, r => r.Code == PolicyCodes.NearestFlow);
        Assert.Equal("RIEC-F-01", nearest.ClauseId);
        Assert.Contains("phase", nearest.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRetention_PhaseSpecificRuleWinsOverGeneral()
    {
        var riec = ShippedConvenants.Get("riec");

        Assert.Equal("RIEC-T-01", riec.GetRetention("identificatie", CasePhase.Intake)!.ClauseId);
        Assert.Equal("RIEC-T-02", riec.GetRetention("identificatie", CasePhase.Aftercare)!.ClauseId);
        Assert.Equal("RIEC-T-03", riec.GetRetention("strafrechtelijk", CasePhase.Signal)!.ClauseId);
        Assert.Equal(RetentionEndAction.CryptoShred, riec.GetRetention("melder", CasePhase.None)!.EndAction);
        Assert.Null(riec.GetRetention("gezondheid", CasePhase.None));
    }

    [Fact]
    public void IsoDuration_AddTo_UsesCalendarArithmetic()
    {
        Assert.True(IsoDuration.TryParse("P1Y2M3DT4H", out var d));
        var start = new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 5, 1, 4, 0, 0, TimeSpan.Zero), d.AddTo(start));
        Assert.True(IsoDuration.TryParse("P2W", out var weeks));
        Assert.Equal(14, weeks.Days);
        Assert.False(IsoDuration.TryParse("P", out _));
        Assert.False(IsoDuration.TryParse("PT", out _));
        Assert.False(IsoDuration.TryParse("P1D2Y", out _));
        Assert.False(IsoDuration.TryParse("1Y", out _));
    }

    [Fact]
    public void TryCreate_DuplicateConvenantIds_FailsWithCode()
    {
        var (catalog, errors) = ConvenantCatalog.TryCreate([("a", ShippedConvenants.Text("zvh")), ("b", ShippedConvenants.Text("zvh"))], TimeProvider.System);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.Source == "b" && e.Error.Code == PolicyCodes.DuplicateConvenant);
    }

    [Fact]
    public void TryCreate_ShippedConvenants_BuildsACatalog()
    {
        var (catalog, errors) = ConvenantCatalog.TryCreate(ShippedConvenants.Ids.Select(id => (id, ShippedConvenants.Text(id))), TimeProvider.System);

        Assert.Empty(errors);
        Assert.Equal(["riec", "zvh", "pmg"], catalog!.Convenants.Select(c => c.Id));
        Assert.Equal("zvh", catalog.Get(catalog.Find("zvh"))!.Id);
    }

    [Fact]
    public void Decide_IdentifierInEveryField_NeverEchoedInReasons()
    {
        const string bsn = "111222333";
        var query = new PolicyQuery
        {
            Convenant = "zvh",
            Partner = bsn,
            Role = bsn,
            Purpose = bsn,
            Action = "request",
            Categories = [bsn],
            Level = bsn,
            Counterpart = bsn,
            At = ShippedConvenants.Now,
        };

        var decisions = new[]
        {
            Catalog.Decide(query),
            Catalog.Decide(query with { Categories = ["identificatie"] }),
            Catalog.Decide(query with { Categories = ["identificatie"], Level = null }),
            Catalog.Decide(query with { Categories = ["identificatie"], Level = null, Counterpart = null }),
            Catalog.Decide(query with { Categories = ["identificatie"], Level = null, Counterpart = null, Partner = "gemeente" }),
            Catalog.Decide(query with { Categories = ["identificatie"], Level = null, Counterpart = null, Partner = "gemeente", Role = "medewerker" }),
        };

        foreach (var decision in decisions)
        {
            Assert.True(decision.IsDeny);
            Assert.All(decision.Reasons, r => Assert.DoesNotContain(bsn, r.Message + r.ClauseId + r.Code, StringComparison.Ordinal));
            Assert.DoesNotContain(bsn, decision.ToString(), StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 1500)]
    public Property Decide_ProhibitionOverlappingFlows_AlwaysWins()
    {
        // A convenant whose prohibition cuts through permitted flows: gemeente may not touch "signaal" at all.
        var json = BadConvenants.Mutate("riec", r => r.List("prohibitions").Add(new JsonObject
        {
            ["clauseId"] = "RIEC-X-09",
            ["description"] = "test: gemeente raakt geen signalen aan",
            ["parties"] = new JsonArray("gemeente"),
            ["categories"] = new JsonArray("signaal"),
        }));
        var convenant = ConvenantLoader.Load(json).Convenant!;
        var gen = QueryGenerator.For("riec", Gen.Constant("gemeente"), Gen.Constant(ShippedConvenants.Now))
            .Select(q => q with { Categories = [.. q.Categories.Append("signaal").Distinct()] });

        return Prop.ForAll(gen.ToArbitrary(), q => convenant.Decide(q).IsDeny);
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Cases;
using P = SharingHub.Hub.Tests.Cases.CasusPartners;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>The casus API end to end on SQLite: bring-in, lifecycle, who may move and see what, audit.</summary>
public sealed class CasusApiTests(SqliteCasusHub hub) : IClassFixture<SqliteCasusHub>
{
    private readonly SqliteCasusHub _hub = hub;

    [Fact]
    public async Task BringIn_OwnSubjectRef_Returns201CandidateInSignalPhaseOwnedByCaller()
    {
        using var api = new CasusApi(_hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var before = await api.CountsAsync();
        var size = api.Audit.Size;

        var created = await api.BringInAsync("zvh", P.ZvhPolitie, reference);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("signal", created.State);
        Assert.Equal("signal", created.Phase);
        Assert.Null(created.Level);
        Assert.Equal(1, created.Version);
        Assert.Equal(P.ZvhPolitie, created.Body.GetProperty("owner").GetProperty("partner").GetString());
        Assert.Equal("medewerker", created.Body.GetProperty("owner").GetProperty("role").GetString());
        Assert.Equal(reference, created.Body.GetProperty("subjectRef").GetString());
        Assert.Equal("person", created.Body.GetProperty("subjectType").GetString());
        var after = await api.CountsAsync();
        Assert.Equal((before.Casus + 1, before.Events + 1), after);
        var anchor = await api.AnchorOfAsync(created.Id);
        var record = Assert.Single(await api.AuditSinceAsync(size), r => r.Operation == AuditOperations.CasusCreated);
        Assert.Equal(AuditStatus.Ok, record.Status);
        Assert.Equal(anchor, record.Subject.Id);
        Assert.Equal("zvh:casus.created", record.ProcessingActivityId);
        Assert.Equal("complexe-casuistiek", record.Purpose);
        Assert.Equal("ZVH-P-01", record.LegalGround);
        Assert.Equal("client:" + P.ZvhPolitie, record.Actor);
        Assert.Equal("casus:" + created.Id.ToString("D"), record.ResourceId);
        Assert.Contains("ZVH-PA-02", record.DecisionReasons);
        Assert.StartsWith("sha256:", record.ConvenantVersion, StringComparison.Ordinal);
        var events = await api.WithDbAsync(db => db.CasusEvents.Where(e => e.CasusId == created.Id).ToListAsync());
        var created1 = Assert.Single(events);
        Assert.Null(created1.FromState);
        Assert.Equal(("signal", "signal", "ZVH-PA-02"), (created1.ToState, created1.ToPhase, created1.Clauses));
    }

    [Fact]
    public async Task BringIn_SameClusterTwice_SecondIs409WithoutNamingTheOwner()
    {
        using var api = new CasusApi(_hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        var politie = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(bsn, name));
        var gemeente = await api.SubmitAsync("zvh", P.ZvhGemeente, ZvhGemeenteSignal(bsn, name));
        await api.BringInOkAsync("zvh", P.ZvhPolitie, politie);
        var before = await api.CountsAsync();
        var size = api.Audit.Size;


        var second = await api.BringInAsync("zvh", P.ZvhGemeente, gemeente);
        var again = await api.BringInAsync("zvh", P.ZvhPolitie, politie);

        Assert.Equal((HttpStatusCode.Conflict, "SH3128"), (second.Status, second.Code));
        Assert.Equal((HttpStatusCode.Conflict, "SH3128"), (again.Status, again.Code));
        Assert.DoesNotContain(P.ZvhPolitie, second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("politie", second.Text, StringComparison.Ordinal);
        Assert.Equal(before, await api.CountsAsync());
        var refused = (await api.AuditSinceAsync(size)).Where(r => r.Operation == AuditOperations.CasusCreated).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, r => Assert.Equal((AuditStatus.Denied, true), (r.Status, r.DecisionReasons.Contains("error:SH3128"))));
    }

    [Fact]
    public async Task BringIn_AfterTheOpenCasusIsClosed_OpensANewCasus()
    {
        using var api = new CasusApi(_hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var first = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        var closed = await api.MoveAsync("zvh", P.ZvhPolitie, first.Id, """{"state":"closed"}""");

        var second = await api.BringInAsync("zvh", P.ZvhPolitie, reference);

        Assert.Equal("closed", closed.State);
        Assert.True(closed.Body.GetProperty("closedAt").GetDateTimeOffset() >= closed.Body.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.NotEqual(first.Id, second.Id);
        var current = await api.WithDbAsync(db => CasusLookup.CurrentAsync(db, "zvh", [db.Cases.Single(c => c.Id == first.Id).SubjectId], CancellationToken.None));
        Assert.Equal(second.Id, current!.Id);
    }

    [Theory]
    [InlineData("pmg", P.PmgJongerenwerk)]
    [InlineData("zvh", P.ZvhRegie)]
    [InlineData("riec", P.RiecRegie)]
    public async Task BringIn_PartyThatMayNotBringInCases_Returns403NothingStoredAudited(string convenant, string client)
    {
        using var api = new CasusApi(_hub.Factory);
        await api.WarmAsync(client);
        var before = await api.CountsAsync();
        var size = api.Audit.Size;

        var refused = await api.BringInAsync(convenant, client, "s1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal((HttpStatusCode.Forbidden, "SH3126"), (refused.Status, refused.Code));
        Assert.Equal(before, await api.CountsAsync());
        var record = Assert.Single(await api.AuditSinceAsync(size));
        Assert.Equal((AuditOperations.CasusCreated, AuditStatus.Denied), (record.Operation, record.Status));
        Assert.Contains("error:SH3126", record.DecisionReasons);
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string> BringInBadInput() => new()
    {
        { "zvh", """{"subjectRef":""}""", null, HttpStatusCode.BadRequest, "SH3121" },
        { "zvh", "{}", null, HttpStatusCode.BadRequest, "SH3121" },
        { "zvh", """{"subjectRef":"s1.1.x""", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", """{"subjectRef":42}""", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", """{"subjectRef":"s1.1.x","bsn":"111222333"}""", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", "null", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", """{"subjectRef":"s1.1.x"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "SH3003" },
        { "zvh", """{"subjectRef":"s1.1.doesnotexist"}""", null, HttpStatusCode.NotFound, "SH3123" },
        { "zvh", "{\"subjectRef\":\"" + new string('s', 300) + "\"}", null, HttpStatusCode.NotFound, "SH3123" },
    };

    [Theory]
    [MemberData(nameof(BringInBadInput))]
    public async Task BringIn_BadInput_CodedNothingChangedAudited(string convenant, string body, string? contentType, HttpStatusCode status, string code)
    {
        using var api = new CasusApi(_hub.Factory);
        await api.WarmAsync(P.ZvhPolitie);
        var before = await api.CountsAsync();
        var size = api.Audit.Size;

        var refused = await api.SendAsync(HttpMethod.Post, $"/api/v1/convenants/{convenant}/casus", P.ZvhPolitie, body, contentType ?? "application/json");

        Assert.Equal((status, code), (refused.Status, refused.Code));
        Assert.Equal(before, await api.CountsAsync());
        var record = Assert.Single(await api.AuditSinceAsync(size));
        Assert.Equal(AuditOperations.CasusCreated, record.Operation);
        Assert.Contains("error:" + code, record.DecisionReasons);
        Assert.Equal(status == HttpStatusCode.BadRequest ? AuditStatus.Error : AuditStatus.Denied, record.Status);
        Assert.DoesNotContain("111222333", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BringIn_ForeignOrOtherConvenantRef_Returns404WithOneCode()
    {
        using var api = new CasusApi(_hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        var politieRef = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(bsn, name));
        var riecRef = await api.SubmitAsync("riec", P.RiecGemeente,
            CasusApi.Person(bsn, name, "1985-04-12", P.RiecPurpose, ["signaal", "identificatie"]));
        var before = await api.CountsAsync();

        var foreign = await api.BringInAsync("zvh", P.ZvhGemeente, politieRef);
        var otherConvenant = await api.BringInAsync("zvh", P.ZvhGemeente, riecRef);
        var unknown = await api.BringInAsync("zvh", P.ZvhGemeente, "s1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.All([foreign, otherConvenant, unknown], r => Assert.Equal((HttpStatusCode.NotFound, "SH3123"), (r.Status, r.Code)));
        Assert.Equal(foreign.Body.GetProperty("detail").GetString(), unknown.Body.GetProperty("detail").GetString());
        Assert.Equal(before, await api.CountsAsync());
    }

    [Fact]
    public async Task BringIn_ConvenantWithoutRole_Returns403NoRole()
    {
        using var api = new CasusApi(_hub.Factory);

        var refused = await api.BringInAsync("pmg", P.ZvhPolitie, "s1.1.x");

        Assert.Equal((HttpStatusCode.Forbidden, "SH3013"), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task Transition_OwnerRegisseurAndOthers_OnlyOwnerAndRegisseurMayMove()
    {
        using var api = new CasusApi(_hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        await api.SubmitAsync("zvh", P.ZvhGemeente, ZvhGemeenteSignal(bsn, name));
        var politie = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(bsn, name));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, politie);

        var byOwner = await api.TransitionAsync("zvh", P.ZvhPolitie, casus.Id, """{"state":"weighed","phase":"intake"}""");
        var bySeeingNonOwner = await api.TransitionAsync("zvh", P.ZvhAnalist, casus.Id, """{"phase":"analysis"}""");
        var byBlindNonOwner = await api.TransitionAsync("zvh", P.ZvhGemeente, casus.Id, """{"phase":"analysis"}""");
        var byFalseRegisseur = await api.TransitionAsync("zvh", P.ZvhFalseRegie, casus.Id, """{"phase":"analysis"}""");
        var byRegisseur = await api.TransitionAsync("zvh", P.ZvhRegie, casus.Id, """{"state":"local-multi","phase":"case-meeting"}""");

        Assert.Equal((HttpStatusCode.OK, "weighed", "intake", 2), (byOwner.Status, byOwner.State, byOwner.Phase, byOwner.Version));
        Assert.Equal((HttpStatusCode.Forbidden, "SH3127"), (bySeeingNonOwner.Status, bySeeingNonOwner.Code));
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), (byBlindNonOwner.Status, byBlindNonOwner.Code));
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), (byFalseRegisseur.Status, byFalseRegisseur.Code));
        Assert.Equal((HttpStatusCode.OK, "local-multi", "case-meeting", 3), (byRegisseur.Status, byRegisseur.State, byRegisseur.Phase, byRegisseur.Version));
        var events = await api.WithDbAsync(db => db.CasusEvents.Where(e => e.CasusId == casus.Id).ToListAsync());
        Assert.Equal(3, events.Count);
        var regie = Assert.Single(events, e => e.ToState == "local-multi");
        Assert.Equal((P.ZvhRegie, "casusregisseur", "client:" + P.ZvhRegie, "weighed", "intake", "case-meeting", "ZVH-R-02"),
            (regie.PartnerId, regie.Role, regie.Actor, regie.FromState, regie.FromPhase, regie.ToPhase, regie.Clauses));
    }

    [Fact]
    public async Task Transition_AuditsEveryStepAndRefusal()
    {
        using var api = new CasusApi(_hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        var anchor = await api.AnchorOfAsync(casus.Id);
        await api.WarmAsync(P.ZvhRegie);
        var size = api.Audit.Size;

        await api.MoveAsync("zvh", P.ZvhRegie, casus.Id, """{"state":"weighed","phase":"intake"}""");
        var refused = await api.TransitionAsync("zvh", P.ZvhRegie, casus.Id, """{"state":"signal"}""");

        Assert.Equal((HttpStatusCode.Conflict, "SH3130"), (refused.Status, refused.Code));
        var records = (await api.AuditSinceAsync(size)).Where(r => r.Operation == AuditOperations.CasusTransition).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(anchor, r.Subject.Id));
        Assert.All(records, r => Assert.Equal("casus:" + casus.Id.ToString("D"), r.ResourceId));
        Assert.Equal(AuditStatus.Ok, records[0].Status);
        Assert.Equal(["ZVH-R-02", "from:signal", "to:weighed", "phase:intake"], records[0].DecisionReasons);
        Assert.Equal("casusregisseur", records[0].Role);
        Assert.Equal(AuditStatus.Denied, records[1].Status);
        Assert.Contains("error:SH3130", records[1].DecisionReasons);
    }

    [Fact]
    public async Task Transition_StaleVersion_Returns409NothingChanged()
    {
        using var api = new CasusApi(_hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        await api.MoveAsync("zvh", P.ZvhPolitie, casus.Id, """{"phase":"intake","version":1}""");
        var before = await api.CountsAsync();

        var stale = await api.TransitionAsync("zvh", P.ZvhPolitie, casus.Id, """{"state":"weighed","version":1}""");

        Assert.Equal((HttpStatusCode.Conflict, "SH3129"), (stale.Status, stale.Code));
        Assert.Equal(before, await api.CountsAsync());
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string> TransitionBadInput() => new()
    {
        { "zvh", """{"state":"weighed""", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", """{"state":"weighed","note":"x"}""", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", """{"state":7}""", null, HttpStatusCode.BadRequest, "SH3120" },
        { "zvh", "{}", null, HttpStatusCode.BadRequest, "SH3121" },
        { "zvh", """{"state":"open"}""", null, HttpStatusCode.BadRequest, "SH3122" },
        { "zvh", """{"phase":"triage"}""", null, HttpStatusCode.BadRequest, "SH3122" },
        { "zvh", """{"level":"school-knooppunt"}""", null, HttpStatusCode.UnprocessableEntity, "SH3134" },
        { "zvh", """{"state":"referred-riec","phase":"analysis"}""", null, HttpStatusCode.UnprocessableEntity, "SH3135" },
        { "zvh", """{"state":"parked"}""", null, HttpStatusCode.Conflict, "SH3130" },
        { "zvh", """{"state":"weighed"}""", null, HttpStatusCode.Conflict, "SH3132" },
        { "zvh", """{"state":"weighed","phase":"intake"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "SH3003" },
        { "pmg", """{"state":"weighed","phase":"intake"}""", null, HttpStatusCode.NotFound, "SH3124" },
    };

    [Theory]
    [MemberData(nameof(TransitionBadInput))]
    public async Task Transition_BadInput_CodedNothingChangedAudited(string convenant, string body, string? contentType, HttpStatusCode status, string code)
    {
        using var api = new CasusApi(_hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        var client = convenant == "pmg" ? P.PmgRegie : P.ZvhPolitie;
        await api.WarmAsync(client);
        var before = await api.CountsAsync();
        var size = api.Audit.Size;

        var refused = await api.SendAsync(HttpMethod.Post, $"/api/v1/convenants/{convenant}/casus/{casus.Id:D}/transitions", client, body, contentType ?? "application/json");

        Assert.Equal((status, code), (refused.Status, refused.Code));
        Assert.Equal(before, await api.CountsAsync());
        var stored = await api.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == casus.Id));
        Assert.Equal(("signal", "signal", 1), (stored.State, stored.Phase, stored.Version));
        var record = Assert.Single(await api.AuditSinceAsync(size));
        Assert.Equal(AuditOperations.CasusTransition, record.Operation);
        Assert.Contains("error:" + code, record.DecisionReasons);
        Assert.NotEqual(AuditStatus.Ok, record.Status);
    }

    [Theory]
    [InlineData("not-a-guid", HttpStatusCode.BadRequest, "SH3122")]
    [InlineData("3f2b8a0e-0000-7000-8000-000000000000", HttpStatusCode.NotFound, "SH3124")]
    public async Task GetAndTransition_BadOrUnknownId_Coded(string id, HttpStatusCode status, string code)
    {
        using var api = new CasusApi(_hub.Factory);
        var before = await api.CountsAsync();

        var get = await api.SendAsync(HttpMethod.Get, $"/api/v1/convenants/zvh/casus/{id}", P.ZvhRegie, null);
        var move = await api.SendAsync(HttpMethod.Post, $"/api/v1/convenants/zvh/casus/{id}/transitions", P.ZvhRegie, """{"state":"weighed"}""");

        Assert.Equal((status, code), (get.Status, get.Code));
        Assert.Equal((status, code), (move.Status, move.Code));
        Assert.Equal(before, await api.CountsAsync());
    }

    [Fact]
    public async Task View_Zvh_TwoRolesInTwoPhases_SeeOnlyWhatTheConvenantPermits()
    {
        using var api = new CasusApi(_hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        var gemeenteRef = await api.SubmitAsync("zvh", P.ZvhGemeente, ZvhGemeenteSignal(bsn, name,
            $"Zorgen over {name.Given} {name.Surname} (BSN {bsn}): vervuilde woning, schulden."));
        var politieRef = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(bsn, name));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, politieRef);

        // phase signal: no view flow for the triage analyst nor for the municipality (and no reference is made for a 404)
        var refsBefore = await api.WithDbAsync(db => db.SubjectRefs.CountAsync(r => r.PartnerId == P.ZvhAnalist));
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), Outcome(await api.GetAsync("zvh", P.ZvhAnalist, casus.Id)));
        Assert.Equal(refsBefore, await api.WithDbAsync(db => db.SubjectRefs.CountAsync(r => r.PartnerId == P.ZvhAnalist)));
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), Outcome(await api.GetAsync("zvh", P.ZvhGemeente, casus.Id)));

        // intake (ZVH-F-06): the analyst sees the municipality's casusinformatie, not the police signal
        await api.MoveAsync("zvh", P.ZvhRegie, casus.Id, """{"state":"weighed","phase":"intake"}""");
        await api.WarmAsync(P.ZvhAnalist);
        var size = api.Audit.Size;
        var analistIntake = await api.GetAsync("zvh", P.ZvhAnalist, casus.Id);
        Assert.Equal(HttpStatusCode.OK, analistIntake.Status);
        var seen = Assert.Single(analistIntake.Body.GetProperty("signals").EnumerateArray());
        Assert.Equal(("gemeente", "medewerker", P.ZvhGemeente), (Text(seen, "party"), Text(seen, "role"), Text(seen, "partner")));
        Assert.Equal(["casusinformatie"], Strings(seen.GetProperty("categories")));
        var summary = Text(seen, "summary");
        Assert.Contains("vervuilde woning", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(name.Surname, summary, StringComparison.Ordinal);
        var analistRef = analistIntake.Body.GetProperty("subjectRef").GetString()!;
        Assert.StartsWith("s1.", analistRef, StringComparison.Ordinal);
        Assert.NotEqual(gemeenteRef, analistRef);
        Assert.NotEqual(politieRef, analistRef);
        Assert.Equal(analistRef, await api.WithDbAsync(db => db.SubjectRefs.Where(r => r.PartnerId == P.ZvhAnalist && r.Reference == analistRef).Select(r => r.Reference).SingleAsync()));
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), Outcome(await api.GetAsync("zvh", P.ZvhGemeente, casus.Id)));
        var view = Assert.Single(await api.AuditSinceAsync(size), r => r.Operation == AuditOperations.View && r.Status == AuditStatus.Ok);
        Assert.False(view.Reidentified);
        Assert.Equal(["casusinformatie"], view.DataCategories);
        Assert.Contains("ZVH-F-06", view.DecisionReasons);
        Assert.Equal(await api.AnchorOfAsync(casus.Id), view.Subject.Id);
        Assert.Equal(P.ZvhAnalist, view.Partner);

        // case meeting (ZVH-F-09): the municipality sees the police signal's identification only (police data needs the privacy officer)
        await api.MoveAsync("zvh", P.ZvhRegie, casus.Id, """{"state":"local-multi","phase":"case-meeting"}""");
        var gemeenteMeeting = await api.GetAsync("zvh", P.ZvhGemeente, casus.Id);
        Assert.Equal(HttpStatusCode.OK, gemeenteMeeting.Status);
        var police = Assert.Single(gemeenteMeeting.Body.GetProperty("signals").EnumerateArray());
        Assert.Equal(("politie", P.ZvhPolitie), (Text(police, "party"), Text(police, "partner")));
        Assert.Equal(["identificatie"], Strings(police.GetProperty("categories")));
        Assert.Equal(JsonValueKind.Null, police.GetProperty("summary").ValueKind);
        Assert.Equal(gemeenteRef, gemeenteMeeting.Body.GetProperty("subjectRef").GetString());
        Assert.DoesNotContain(politieRef, gemeenteMeeting.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), Outcome(await api.GetAsync("zvh", P.ZvhAnalist, casus.Id)));

        // the casusregisseur always sees the casus itself, even without a permitted category
        var regie = await api.GetAsync("zvh", P.ZvhRegie, casus.Id);
        Assert.Equal(HttpStatusCode.OK, regie.Status);
        Assert.Empty(regie.Body.GetProperty("signals").EnumerateArray());
    }

    [Fact]
    public async Task View_Pmg_EscalationLevelDecidesWhatJeugdzorgAndOmSee()
    {
        using var api = new CasusApi(_hub.Factory);
        var name = CasusApi.NextName();
        var schoolRef = await api.SubmitAsync("pmg", P.PmgSchool, CasusApi.Person(CasusApi.NextBsn(), name, "2011-03-08", P.PmgPurpose,
            ["signaal", "schoolgegevens"], summary: "Veel verzuim, hangt rond bij het winkelcentrum.", minor: true));
        var casus = await api.BringInOkAsync("pmg", P.PmgSchool, schoolRef);

        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), Outcome(await api.GetAsync("pmg", P.PmgJeugdzorg, casus.Id)));

        // IJAM table 1, knooppunt op school (PMG-F-08): jeugdzorg sees signal and school data; the OM nothing
        var table1 = await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"level":"school-knooppunt"}""");
        Assert.Equal("school-knooppunt", table1.Level);
        var jeugdzorg1 = await api.GetAsync("pmg", P.PmgJeugdzorg, casus.Id);
        Assert.Equal(HttpStatusCode.OK, jeugdzorg1.Status);
        var seen1 = Assert.Single(jeugdzorg1.Body.GetProperty("signals").EnumerateArray());
        Assert.Equal(["signaal", "schoolgegevens"], Strings(seen1.GetProperty("categories")));
        Assert.Contains("verzuim", Text(seen1, "summary"), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), Outcome(await api.GetAsync("pmg", P.PmgOm, casus.Id)));

        // table 2, netwerkoverleg risicojeugd in analysis (PMG-F-09): signal only, for jeugdzorg and the OM
        var table2 = await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"state":"weighed","phase":"analysis","level":"netwerkoverleg-risicojeugd"}""");
        Assert.Equal(("weighed", "analysis", "netwerkoverleg-risicojeugd"), (table2.State, table2.Phase, table2.Level));
        var jeugdzorg2 = await api.GetAsync("pmg", P.PmgJeugdzorg, casus.Id);
        var seen2 = Assert.Single(jeugdzorg2.Body.GetProperty("signals").EnumerateArray());
        Assert.Equal(["signaal"], Strings(seen2.GetProperty("categories")));
        Assert.Equal(JsonValueKind.Null, seen2.GetProperty("summary").ValueKind);
        var om2 = await api.GetAsync("pmg", P.PmgOm, casus.Id);
        Assert.Equal(HttpStatusCode.OK, om2.Status);
        Assert.Equal(["signaal"], Strings(Assert.Single(om2.Body.GetProperty("signals").EnumerateArray()).GetProperty("categories")));

        // one rank at a time
        var jump = await api.TransitionAsync("pmg", P.PmgRegie, casus.Id, """{"level":"pga"}""");
        Assert.Equal((HttpStatusCode.Conflict, "SH3133"), Outcome(jump));
        var up = await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"level":"lokale-jeugdaanpak"}""");
        var down = await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"level":"netwerkoverleg-risicojeugd"}""");
        Assert.Equal(("lokale-jeugdaanpak", "netwerkoverleg-risicojeugd"), (up.Level, down.Level));
        var unknown = await api.TransitionAsync("pmg", P.PmgRegie, casus.Id, """{"level":"tafel-9"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "SH3122"), Outcome(unknown));
        var levels = await api.WithDbAsync(db => db.CasusEvents.Where(e => e.CasusId == casus.Id && e.ToLevel == "lokale-jeugdaanpak").ToListAsync());
        Assert.Equal("PMG-R-03,PMG-L-03", Assert.Single(levels).Clauses);
    }

    [Fact]
    public async Task List_ShowsOnlyCasusTheCallerMaySee_FilteredByState()
    {
        using var api = new CasusApi(_hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        await api.SubmitAsync("zvh", P.ZvhGemeente, ZvhGemeenteSignal(bsn, name));
        var politie = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(bsn, name));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, politie);

        var owner = await api.ListAsync("zvh", P.ZvhPolitie);
        var regie = await api.ListAsync("zvh", P.ZvhRegie, "signal");
        var regieWeighed = await api.ListAsync("zvh", P.ZvhRegie, "weighed");
        var analist = await api.ListAsync("zvh", P.ZvhAnalist);
        var badState = await api.ListAsync("zvh", P.ZvhRegie, "open");

        Assert.Contains(Ids(owner), id => id == casus.Id);
        Assert.Contains(Ids(regie), id => id == casus.Id);
        Assert.DoesNotContain(Ids(regieWeighed), id => id == casus.Id);
        Assert.DoesNotContain(Ids(analist), id => id == casus.Id);
        Assert.Equal((HttpStatusCode.BadRequest, "SH3122"), Outcome(badState));
        Assert.All(owner.Body.GetProperty("casus").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("signals").ValueKind));

        await api.MoveAsync("zvh", P.ZvhRegie, casus.Id, """{"state":"weighed","phase":"intake"}""");
        Assert.Contains(Ids(await api.ListAsync("zvh", P.ZvhAnalist)), id => id == casus.Id);
    }

    [Fact]
    public async Task Views_NoPlaintextIdentifierInAnyAnswerRowOrAuditRecord()
    {
        using var api = new CasusApi(_hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        var gemeente = await api.SubmitAsync("zvh", P.ZvhGemeente, ZvhGemeenteSignal(bsn, name, $"Melding over {name.Given} {name.Surname}, BSN {bsn}, geboren 1985-04-12."));
        var politie = await api.SubmitAsync("zvh", P.ZvhPolitie, ZvhPolitieSignal(bsn, name));
        await api.WarmAsync(P.ZvhRegie, P.ZvhAnalist);
        var size = api.Audit.Size;
        var created = await api.BringInOkAsync("zvh", P.ZvhPolitie, politie);
        var moved = await api.MoveAsync("zvh", P.ZvhRegie, created.Id, """{"state":"weighed","phase":"intake"}""");
        var answers = new List<string> { created.Text, moved.Text, (await api.GetAsync("zvh", P.ZvhAnalist, created.Id)).Text };
        await api.MoveAsync("zvh", P.ZvhRegie, created.Id, """{"state":"local-multi","phase":"case-meeting"}""");
        answers.Add((await api.GetAsync("zvh", P.ZvhGemeente, created.Id)).Text);
        answers.Add((await api.ListAsync("zvh", P.ZvhRegie)).Text);

        var rows = await api.WithDbAsync(async db =>
            JsonSerializer.Serialize(await db.Cases.AsNoTracking().ToListAsync()) + JsonSerializer.Serialize(await db.CasusEvents.AsNoTracking().ToListAsync()));
        var audit = string.Join('\n', (await api.AuditSinceAsync(size)).Select(r => JsonSerializer.Serialize(r)));
        var logs = string.Join('\n', _hub.Factory.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message + " " + r.Exception));
        var everything = string.Join('\n', answers) + rows + audit + logs;
        foreach (var secret in new[] { bsn, name.Surname, name.Given, "1985-04-12", "19850412" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains(gemeente, answers[3], StringComparison.Ordinal);
    }

    private static (HttpStatusCode, string?) Outcome(ApiResult result) => (result.Status, result.Code);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static Guid[] Ids(ApiResult list) => [.. list.Body.GetProperty("casus").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

    internal static string ZvhGemeenteSignal(string bsn, (string Given, string Surname) name, string? summary = null) =>
        CasusApi.Person(bsn, name, "1985-04-12", P.ZvhPurpose, ["casusinformatie"], summary: summary);

    internal static string ZvhPolitieSignal(string bsn, (string Given, string Surname) name) =>
        CasusApi.Person(bsn, name, "1985-04-12", P.ZvhPurpose, ["politiegegevens", "identificatie"], phase: "intake");
}

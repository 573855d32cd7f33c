using System.Net;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Cases;
using P = SharingHub.Hub.Tests.Cases.CasusPartners;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>Linkage clusters (a merged subject keeps its rows) and the RIEC referral, through the API and <see cref="CasusLookup"/>.</summary>
public sealed class CasusClusterTests(SqliteCasusHub hub) : IClassFixture<SqliteCasusHub>
{
    [Fact]
    public async Task Merge_CasusViewCoversTheClusterAndLookupTakesTheMostRecentOpenCasus()
    {
        using var api = new CasusApi(hub.Factory);
        var gemeenteRef = await api.SubmitAsync("zvh", P.ZvhGemeente, CasusApiTests.ZvhGemeenteSignal(CasusApi.NextBsn(), CasusApi.NextName(), "Overlast en schulden."));
        var politieRef = await api.SubmitAsync("zvh", P.ZvhPolitie, CasusApiTests.ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var root = await api.BringInOkAsync("zvh", P.ZvhPolitie, politieRef);
        var merged = await api.BringInOkAsync("zvh", P.ZvhGemeente, gemeenteRef);
        var (rootSubject, mergedSubject) = await api.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == root.Id).Select(c => c.SubjectId).SingleAsync(),
            await db.Cases.Where(c => c.Id == merged.Id).Select(c => c.SubjectId).SingleAsync()));

        // linkage finds both are one person: the gemeente's subject joins the police subject's cluster (rows are not re-pointed)
        await api.WithDbAsync(async db =>
        {
            var subject = await db.Subjects.SingleAsync(s => s.Id == mergedSubject);
            subject.MergedIntoId = rootSubject;
            return await db.SaveChangesAsync();
        });
        await api.MoveAsync("zvh", P.ZvhRegie, root.Id, """{"state":"weighed","phase":"intake"}""");

        var analist = await api.GetAsync("zvh", P.ZvhAnalist, root.Id);
        var current = await api.WithDbAsync(db => CasusLookup.CurrentAsync(db, "zvh", [rootSubject, mergedSubject], CancellationToken.None));
        await api.MoveAsync("zvh", P.ZvhGemeente, merged.Id, """{"phase":"intake"}""");
        var later = await api.WithDbAsync(db => CasusLookup.CurrentAsync(db, "zvh", [rootSubject, mergedSubject], CancellationToken.None));
        await api.MoveAsync("zvh", P.ZvhGemeente, merged.Id, """{"state":"closed"}""");
        var afterClose = await api.WithDbAsync(db => CasusLookup.CurrentAsync(db, "zvh", [rootSubject, mergedSubject], CancellationToken.None));
        var none = await api.WithDbAsync(db => CasusLookup.CurrentAsync(db, "pmg", [rootSubject, mergedSubject], CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, analist.Status);
        var signal = Assert.Single(analist.Body.GetProperty("signals").EnumerateArray());
        Assert.Equal("gemeente", signal.GetProperty("party").GetString());
        Assert.Equal(root.Id, current!.Id);
        Assert.Equal(merged.Id, later!.Id);
        Assert.Equal(root.Id, afterClose!.Id);
        Assert.Null(none);
    }

    [Fact]
    public async Task Riec_RegisseurRefersAWeighedCasusToTheRiec()
    {
        using var api = new CasusApi(hub.Factory);
        var reference = await api.SubmitAsync("riec", P.RiecGemeente,
            CasusApi.Person(CasusApi.NextBsn(), CasusApi.NextName(), "1979-11-30", P.RiecPurpose, ["signaal", "identificatie"]));
        var casus = await api.BringInOkAsync("riec", P.RiecGemeente, reference);
        await api.MoveAsync("riec", P.RiecRegie, casus.Id, """{"state":"weighed","phase":"intake"}""");

        var referred = await api.TransitionAsync("riec", P.RiecRegie, casus.Id, """{"state":"referred-riec","phase":"analysis","version":2}""");

        Assert.Equal((HttpStatusCode.OK, "referred-riec", "analysis", 3), (referred.Status, referred.State, referred.Phase, referred.Version));
        var stored = await api.WithDbAsync(db => db.CasusEvents.Where(e => e.CasusId == casus.Id && e.ToState == "referred-riec").SingleAsync());
        Assert.Equal("RIEC-R-02", stored.Clauses);
    }
}

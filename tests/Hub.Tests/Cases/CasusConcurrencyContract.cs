using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Storage;
using P = SharingHub.Hub.Tests.Cases.CasusPartners;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>Creation and transition under concurrency: one wins, the others get a coded 409; on SQLite and PostgreSQL.</summary>
public abstract class CasusConcurrencyContract(ICasusHub hub)
{
    private const int Racers = 6;

    [Fact]
    public async Task BringIn_ConcurrentForOneCluster_ExactlyOneCasus()
    {
        using var api = new CasusApi(hub.Factory);
        var bsn = CasusApi.NextBsn();
        var name = CasusApi.NextName();
        var clients = new[] { P.ZvhGemeente, P.ZvhPolitie, P.ZvhZorg };
        var refs = new List<(string Client, string Ref)>();
        foreach (var client in clients)
        {
            var body = client == P.ZvhPolitie ? CasusApiTests.ZvhPolitieSignal(bsn, name) : CasusApiTests.ZvhGemeenteSignal(bsn, name);
            refs.Add((client, await api.SubmitAsync("zvh", client, body)));
        }

        var before = await api.CountsAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => refs[i % refs.Count]).Select(r => api.BringInAsync("zvh", r.Client, r.Ref)));

        var created = Assert.Single(results, r => r.Status == HttpStatusCode.Created);
        Assert.All(results.Where(r => r != created), r => Assert.Equal((HttpStatusCode.Conflict, "SH3128"), (r.Status, r.Code)));
        Assert.Equal((before.Casus + 1, before.Events + 1), await api.CountsAsync());
        var subject = await api.WithDbAsync(db => db.Cases.Where(c => c.Id == created.Id).Select(c => c.SubjectId).SingleAsync());
        Assert.Equal(1, await api.WithDbAsync(db => db.Cases.CountAsync(c => c.SubjectId == subject && c.State != CasusStates.Closed)));
    }

    [Fact]
    public async Task Transition_ConcurrentOnOneVersion_OneWinsOthers409()
    {
        using var api = new CasusApi(hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, CasusApiTests.ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        await api.WarmAsync(P.ZvhRegie);
        var bodies = new[] { """{"state":"weighed","phase":"intake","version":1}""", """{"phase":"intake","version":1}""", """{"state":"closed","version":1}""" };

        var results = await Task.WhenAll(Enumerable.Range(0, Racers)
            .Select(i => api.TransitionAsync("zvh", i % 2 == 0 ? P.ZvhPolitie : P.ZvhRegie, casus.Id, bodies[i % bodies.Length])));

        var winner = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal((HttpStatusCode.Conflict, "SH3129"), (r.Status, r.Code)));
        Assert.Equal(2, winner.Version);
        var stored = await api.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == casus.Id));
        Assert.Equal((winner.State, winner.Phase, 2), (stored.State, stored.Phase, stored.Version));
        Assert.Equal(2, await api.WithDbAsync(db => db.CasusEvents.CountAsync(e => e.CasusId == casus.Id)));
    }

    [Fact]
    public async Task SaveChanges_TwoWritersOfOneVersion_SecondThrowsConcurrencyException()
    {
        using var api = new CasusApi(hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, CasusApiTests.ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        await using var first = hub.Factory.Services.CreateAsyncScope();
        await using var second = hub.Factory.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<HubDbContext>();
        var b = second.ServiceProvider.GetRequiredService<HubDbContext>();
        var rowA = await a.Cases.SingleAsync(c => c.Id == casus.Id);
        var rowB = await b.Cases.SingleAsync(c => c.Id == casus.Id);

        rowA.Phase = "intake";
        rowA.Version++;
        await a.SaveChangesAsync();
        rowB.State = CasusStates.Closed;
        rowB.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        var stored = await api.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == casus.Id));
        Assert.Equal(("signal", "intake", 2), (stored.State, stored.Phase, stored.Version));
    }
}

public sealed class SqliteCasusConcurrencyTests(SqliteCasusHub hub) : CasusConcurrencyContract(hub), IClassFixture<SqliteCasusHub>;

public sealed class PostgresCasusConcurrencyTests(PostgresCasusHub hub) : CasusConcurrencyContract(hub), IClassFixture<PostgresCasusHub>;

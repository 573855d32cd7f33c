using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Hub.Tests.Signals;

namespace SharingHub.Hub.Tests.Subjects;

public sealed class SubjectDirectoryTests : IAsyncLifetime, IDisposable
{
    private readonly HubFactory _factory = new();

    public async Task InitializeAsync() => await SignalPartners.SeedAsync(_factory.Services);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ResolveReferenceAsync_OwnForeignAndUnknownReferences_OnlyOwnResolves()
    {
        var gemeenteRef = await SubmitAsync(SignalPartners.Gemeente, "111222333");
        await using var scope = _factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<SubjectDirectory>();

        var own = await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.GemeentePartner, gemeenteRef, default);
        var foreign = await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.PolitiePartner, gemeenteRef, default);
        var otherConvenant = await directory.ResolveReferenceAsync("zvh", SignalPartners.GemeentePartner, gemeenteRef, default);
        var unknown = await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.GemeentePartner, "s1.1.AAAA", default);

        Assert.NotNull(own);
        Assert.Equal(SignalPartners.Convenant, own.ConvenantId);
        Assert.StartsWith("p1.", own.Anchor, StringComparison.Ordinal);
        Assert.Null(foreign);
        Assert.Null(otherConvenant);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task GetOrCreateReferenceAsync_PartnerWithoutReference_DerivesStableDistinctReference()
    {
        var gemeenteRef = await SubmitAsync(SignalPartners.Gemeente, "123456782");
        await using var scope = _factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<SubjectDirectory>();
        var root = (await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.GemeentePartner, gemeenteRef, default))!;

        var first = await directory.GetOrCreateReferenceAsync(SignalPartners.Convenant, "riec-signals", root, default);
        var second = await directory.GetOrCreateReferenceAsync(SignalPartners.Convenant, "riec-signals", root, default);
        var own = await directory.GetOrCreateReferenceAsync(SignalPartners.Convenant, SignalPartners.GemeentePartner, root, default);
        var back = await directory.ResolveReferenceAsync(SignalPartners.Convenant, "riec-signals", first, default);

        Assert.Equal(first, second);
        Assert.NotEqual(gemeenteRef, first);
        Assert.Equal(gemeenteRef, own);
        Assert.Equal(root.Id, back!.Id);
    }

    [Fact]
    public async Task GetRootAsync_MergedSubject_FollowsToRootAndClusterListsBoth()
    {
        var rootRef = await SubmitAsync(SignalPartners.Gemeente, "111222333");
        var mergedRef = await SubmitAsync(SignalPartners.Politie, "123456782");
        await using var scope = _factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<SubjectDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var root = (await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.GemeentePartner, rootRef, default))!;
        var merged = (await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.PolitiePartner, mergedRef, default))!;
        Assert.NotEqual(root.Id, merged.Id);

        await db.Subjects.Where(s => s.Id == merged.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.MergedIntoId, root.Id));

        var followed = await directory.ResolveReferenceAsync(SignalPartners.Convenant, SignalPartners.PolitiePartner, mergedRef, default);
        var cluster = await directory.GetClusterAsync(root.Id, default);
        var politieRef = await directory.FindReferenceAsync(SignalPartners.Convenant, SignalPartners.PolitiePartner, root.Id, default);
        Assert.Equal(root.Id, followed!.Id);
        Assert.Equal([root.Id, merged.Id], cluster);
        Assert.Equal(mergedRef, politieRef);
    }

    private async Task<string> SubmitAsync(string client, string bsn)
    {
        using var http = _factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, client);
        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person(bsn));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await SignalApi.JsonAsync(response)).GetProperty("subjectRef").GetString()!;
    }
}

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Demo;

public sealed class DemoModeTests : IDisposable
{
    private static readonly Dictionary<string, string?> Demo = new() { ["Demo:Enabled"] = "true" };
    private readonly string _data = TempDirectory.Create("demo");

    [Theory]
    [InlineData("po.zvh", "demo-password-po", "zvh:privacy-officer")]
    [InlineData("regisseur.zvh", "demo-password-regisseur", "zvh:casusregisseur")]
    [InlineData("facilitator.zvh", "demo-password-facilitator", "zvh:moreel-beraad-facilitator")]
    public async Task DemoPeople_SignInWithCodeAndPkce_TokenCarriesTheirRoles(string userName, string password, string role)
    {
        using var hub = new HubFactory(Demo, _data);
        var token = await PersonTokens.GetAsync(hub, userName, password, "review");
        using var http = hub.CreateApiClient();
        using var me = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token);
        var body = await Tokens.ReadJsonAsync(me);
        Assert.Equal("person", body.GetProperty("actorType").GetString());
        Assert.Contains(role, body.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("convenant").GetString() + ":" + r.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task DemoSeed_StartedTwice_SeedsOnceAndDemoClientsGetTokens()
    {
        int partnersFirst, peopleFirst, partnersSecond, peopleSecond;
        using (var first = new HubFactory(Demo, _data))
        {
            (partnersFirst, peopleFirst) = await CountAsync(first);
            using var http = first.CreateApiClient();
            var token = await Tokens.GetAsync(http, "demo-politie", "demo-secret-politie", "signals");
            using var me = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/zvh/me", token);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        SqliteConnection.ClearAllPools();
        using (var second = new HubFactory(Demo, _data))
        {
            (partnersSecond, peopleSecond) = await CountAsync(second);
        }

        Assert.Equal(13, partnersFirst);
        Assert.Equal(6, peopleFirst);
        Assert.Equal(partnersFirst, partnersSecond);
        Assert.Equal(peopleFirst, peopleSecond);
    }

    [Fact]
    public async Task DemoSecrets_OutsideDevelopment_RefusedWhileOtherClientsWork()
    {
        using (var development = new HubFactory(Demo, _data))
        {
            await CountAsync(development);
        }

        SqliteConnection.ClearAllPools();
        using var production = new HubFactory(TestCertificates.ProductionSettings(_data), _data, environment: "Production");
        await TestAccounts.SeedAsync(production.Services, accounts =>
            accounts.CreateSystemClientAsync("prod-gemeente", "gemeente-maastricht", TestAccounts.Secret, ["signals"], isDemo: false));
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var (status, body) = await Tokens.RequestAsync(https, "demo-gemeente", "demo-secret-gemeente", "signals");
        var (prodStatus, _) = await Tokens.RequestAsync(https, "prod-gemeente", TestAccounts.Secret, "signals");

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.StartsWith(ErrorCodes.DemoCredentialsRefused, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, prodStatus);
    }

    [Fact]
    public void DemoMode_OutsideDevelopment_RefusesToStart()
    {
        var settings = new Dictionary<string, string?>(TestCertificates.ProductionSettings(_data)) { ["Demo:Enabled"] = "true" };
        using var factory = new HubFactory(settings, _data, environment: "Production");
        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);
        Assert.Contains("demo mode", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Partners, int People)> CountAsync(HubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return (await db.Partners.CountAsync(), await db.People.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempDirectory.Delete(_data);
    }
}

using System.Net;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Auth;

public sealed class TokenEndpointTests(StandardHub hub) : IClassFixture<StandardHub>
{
    [Fact]
    public async Task ClientCredentials_ValidClient_TokenOpensMeWithPartnerAndRoles()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals linkage");

        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await Tokens.ReadJsonAsync(response);
        Assert.Equal("gemeente-test", me.GetProperty("partner").GetString());
        Assert.Equal("gemeente", me.GetProperty("party").GetString());
        Assert.Equal("gemeente-system", me.GetProperty("subject").GetString());
        Assert.Equal("system", me.GetProperty("actorType").GetString());
        var roles = me.GetProperty("roles").EnumerateArray()
            .Select(r => r.GetProperty("convenant").GetString() + ":" + r.GetProperty("role").GetString()).ToList();
        Assert.Equal(["riec:casusregisseur", "zvh:casusregisseur"], roles);
        Assert.Equal(["linkage", "signals"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClientCredentials_UnknownClient_InvalidClient()
    {
        using var http = hub.Factory.CreateApiClient();
        var (status, body) = await Tokens.RequestAsync(http, "nobody", TestAccounts.Secret, "signals");
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, status.ToString());
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_InvalidClient()
    {
        using var http = hub.Factory.CreateApiClient();
        var (_, body) = await Tokens.RequestAsync(http, "gemeente-system", "not-the-secret", "signals");
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_ScopeNotPermitted_InvalidScope()
    {
        using var http = hub.Factory.CreateApiClient();
        var (status, body) = await Tokens.RequestAsync(http, "bd-system", TestAccounts.Secret, "audit");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        // OpenIddict answers a scope the client has no permission for with invalid_request (ID2051).
        Assert.Contains(body.GetProperty("error").GetString(), new[] { "invalid_scope", "invalid_request" });
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task ClientCredentials_DisabledClient_RefusedWithCode()
    {
        await TestAccounts.SeedAsync(hub.Factory.Services, async accounts =>
        {
            await accounts.CreateSystemClientAsync("to-disable", "gemeente-test", TestAccounts.Secret, ["signals"], isDemo: false);
            Assert.True(await accounts.SetClientEnabledAsync("to-disable", enabled: false));
        });
        using var http = hub.Factory.CreateApiClient();

        var (status, body) = await Tokens.RequestAsync(http, "to-disable", TestAccounts.Secret, "signals");

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.StartsWith(ErrorCodes.ClientDisabled, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCredentials_DisabledPartner_RefusedWithCode()
    {
        await TestAccounts.SeedAsync(hub.Factory.Services, async accounts =>
        {
            await accounts.CreatePartnerAsync("halt-disabled", "Halt (disabled)", "halt", [new("pmg", "medewerker")]);
            await accounts.CreateSystemClientAsync("halt-system", "halt-disabled", TestAccounts.Secret, ["signals"], isDemo: false);
            Assert.True(await accounts.SetPartnerEnabledAsync("halt-disabled", enabled: false));
        });
        using var http = hub.Factory.CreateApiClient();

        var (_, body) = await Tokens.RequestAsync(http, "halt-system", TestAccounts.Secret, "signals");

        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.StartsWith(ErrorCodes.ClientDisabled, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_UnsupportedGrant_Refused()
    {
        using var http = hub.Factory.CreateApiClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "x", ["password"] = "y" });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = await Tokens.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }
}

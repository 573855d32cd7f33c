using System.Net;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Auth;

public sealed class AuthorizationTests(StandardHub hub) : IClassFixture<StandardHub>
{
    [Fact]
    public async Task Api_NoToken_401WithCode()
    {
        using var http = hub.Factory.CreateApiClient();
        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token: null);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthenticated);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Api_GarbageToken_401WithCode()
    {
        using var http = hub.Factory.CreateApiClient();
        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/me", "not.a.token");
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthenticated);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScopePolicy_TokenWithScope_200()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");
        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/riec/probe/signals", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ScopePolicy_TokenWithoutScope_403InsufficientScope()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "linkage");

        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/riec/probe/signals", token);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, ErrorCodes.InsufficientScope);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScopePolicy_AuditEndpointWithSignalsToken_403InsufficientScope()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");
        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/probe/audit", token);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, ErrorCodes.InsufficientScope);
    }

    [Fact]
    public async Task ConvenantRole_OtherConvenant_403NoRole()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "bd-system", TestAccounts.Secret, "signals");

        using var own = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/riec/me", token);
        using var other = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/zvh/me", token);
        using var otherProbe = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/pmg/probe/signals", token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var roles = await Tokens.ReadJsonAsync(own);
        Assert.Equal("analist", roles.GetProperty("roles")[0].GetString());
        await AssertProblemAsync(other, HttpStatusCode.Forbidden, ErrorCodes.NoRoleInConvenant);
        await AssertProblemAsync(otherProbe, HttpStatusCode.Forbidden, ErrorCodes.NoRoleInConvenant);
    }

    [Fact]
    public async Task ConvenantRole_MalformedConvenantId_400()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "bd-system", TestAccounts.Secret, "signals");
        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/RIEC_X/me", token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.MalformedConvenantId);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Tokens.ReadJsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}

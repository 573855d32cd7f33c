using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Auth;

public sealed class TokenExpiryTests
{
    [Fact]
    public async Task AccessToken_PastItsLifetime_401TokenExpired()
    {
        var time = new TestClock(TimeProvider.System.GetUtcNow());
        using var factory = new HubFactory(
            new Dictionary<string, string?> { ["Auth:AccessTokenLifetime"] = "00:05:00" },
            services: s => s.AddSingleton<TimeProvider>(time));
        await TestAccounts.SeedStandardAsync(factory.Services);
        using var http = factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");

        using var fresh = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token);
        time.Advance(TimeSpan.FromMinutes(4));
        using var stillValid = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token);
        time.Advance(TimeSpan.FromMinutes(2));
        using var expired = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        await AuthorizationTests.AssertProblemAsync(expired, HttpStatusCode.Unauthorized, ErrorCodes.TokenExpired);
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}

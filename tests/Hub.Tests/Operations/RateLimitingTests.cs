using System.Net;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Tests.Auth;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Operations;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task PerClientLimit_Exceeded_429WithCodeAndRetryAfterWhileOtherClientsContinue()
    {
        using var factory = new HubFactory(new Dictionary<string, string?>
        {
            ["RateLimiting:Kind"] = "FixedWindow",
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:Window"] = "00:10:00",
        });
        await TestAccounts.SeedStandardAsync(factory.Services);
        using var http = factory.CreateApiClient();
        var gemeente = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");
        var belastingdienst = await Tokens.GetAsync(http, "bd-system", TestAccounts.Secret, "signals");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await Tokens.GetWithTokenAsync(http, "/api/v1/me", gemeente);
            statuses.Add(ok.StatusCode);
        }

        using var limited = await Tokens.GetWithTokenAsync(http, "/api/v1/me", gemeente);
        using var other = await Tokens.GetWithTokenAsync(http, "/api/v1/me", belastingdienst);
        using var health = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await AuthorizationTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, ErrorCodes.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

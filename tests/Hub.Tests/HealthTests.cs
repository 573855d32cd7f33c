using System.Net;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests;

public sealed class HealthTests(StandardHub hub) : IClassFixture<StandardHub>
{
    [Fact]
    public async Task HealthLive_HostStarted_ReturnsHealthy()
    {
        using var client = hub.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Operations;

public sealed class HealthAndOpenApiTests(StandardHub hub) : IClassFixture<StandardHub>
{
    [Fact]
    public async Task HealthReady_DatabaseAndDocumentsUp_200WithEachCheck()
    {
        using var http = hub.Factory.CreateApiClient();
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await Tokens.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("documents").GetString());
    }

    [Fact]
    public async Task OpenApi_Served_DescribesMeAndOAuth2()
    {
        using var http = hub.Factory.CreateApiClient();
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await Tokens.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/convenants/{convenant}/me", out _));
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.False(document.GetProperty("paths").TryGetProperty("/connect/token", out _));
    }

    [Fact]
    public async Task Scalar_Served_InteractivePage()
    {
        using var http = hub.Factory.CreateClient();
        using var response = await http.GetAsync(new Uri("/scalar/v1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HealthReadyFailureTests
{
    [Fact]
    public async Task HealthReady_DocumentStoreGone_503Unhealthy()
    {
        using var factory = new HubFactory();
        using var http = factory.CreateApiClient();
        using (var before = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Directory.Delete(Path.Combine(factory.DataDirectory, "documents", "content"), recursive: true);
        using var after = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await Tokens.ReadJsonAsync(after);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("documents").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetString());
    }
}

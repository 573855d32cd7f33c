using System.Net;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Audit;

public sealed class EmptyAuditLogTests(AuditHub hub) : IClassFixture<AuditHub>
{
    [Fact]
    public async Task Checkpoint_BeforeAnyRecord_Is404NoCheckpoint_AndVerifierFails()
    {
        using var http = hub.Factory.CreateApiClient();
        var response = await http.GetAsync(new Uri("/api/v1/audit/checkpoint", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("SH3505", (await Tokens.ReadJsonAsync(response)).GetProperty("code").GetString());
        var (code, _, error) = await Cli.RunAsync(hub, ["verify", "--url", "http://localhost/", "--key", hub.Log.VerifierKey]);
        Assert.Equal(1, code);
        Assert.Contains("could not fetch the checkpoint", error, StringComparison.Ordinal);
    }
}

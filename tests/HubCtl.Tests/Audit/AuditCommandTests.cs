using SharingHub.HubCtl.Audit;

namespace SharingHub.HubCtl.Tests.Audit;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task Verify_NoKeyAndNoTrustOnFirstUse_FailsWithoutContactingTrust()
    {
        using var http = new HttpClient(new CheckpointOnlyHandler());
        var (code, _, error) = await RunAsync(http, ["verify", "--url", "http://hub.test/"]);
        Assert.Equal(1, code);
        Assert.Contains("no log key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HubUnreachable_NeverSucceeds()
    {
        using var http = new HttpClient(new CheckpointOnlyHandler { Fail = true });
        var key = WitnessKey.Generate("example.com/log", out _).VerifierKey; // wrong type for a log key
        var (code, _, _) = await RunAsync(http, ["verify", "--url", "http://hub.test/", "--key", key.Text]);
        Assert.Equal(1, code);
    }

    [Theory]
    [InlineData("verify", "--url", "not a url")]
    [InlineData("verify", "--url", "ftp://hub.test/")]
    [InlineData("verify", "--url", "http://hub.test/", "--key", "garbage")]
    [InlineData("verify", "--url", "http://hub.test/", "--client-id", "x")]
    [InlineData("verify", "--receipt", "/nonexistent/receipt")]
    public async Task Verify_BadUsage_Exits2(params string[] args)
    {
        using var http = new HttpClient(new CheckpointOnlyHandler());
        var (code, _, _) = await RunAsync(http, args);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task WitnessKeygen_WritesKeyAndPrintsVkey()
    {
        var path = Path.Combine(Path.GetTempPath(), "hubctl-witness-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var http = new HttpClient(new CheckpointOnlyHandler());
            var (code, output, _) = await RunAsync(http, ["witness-keygen", "--name", "witness.test/w9", "--key-file", path]);
            Assert.Equal(0, code);
            Assert.True(NoteVerifierKey.TryParse(output.Trim(), out var vkey));
            Assert.Equal(NoteVerifierKey.CosignatureV1, vkey.Type);
            Assert.True(WitnessKey.TryParse(await File.ReadAllTextAsync(path), out var key));
            Assert.Equal(vkey.Text, key.VerifierKey.Text);
            (code, _, _) = await RunAsync(http, ["witness-keygen", "--name", "witness.test/w9", "--key-file", path]);
            Assert.Equal(2, code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(HttpClient http, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AuditCli.RunAsync(args, output, error, http, TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class CheckpointOnlyHandler : HttpMessageHandler
    {
        public bool Fail { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Fail ? throw new HttpRequestException("unreachable") : Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
    }
}

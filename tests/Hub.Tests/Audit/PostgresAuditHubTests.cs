using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>The audit log end to end on PostgreSQL: schema bootstrap at start, group commit, proofs, full verification.</summary>
public sealed class PostgresAuditHubTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private AuditHub? _hub;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _hub = new AuditHub(null, _database.ConnectionString);
        await _hub.InitializeAsync();
    }

    [Fact]
    public async Task VerifyFull_OnPostgres_PassesThenRestartKeepsTheTree()
    {
        await _hub!.AppendAsync(23);
        using var scratch = new ScratchDirectory();
        var state = Path.Combine(scratch.Path, "state.json");
        string[] args = ["verify", "--url", "http://localhost/", "--state", state, "--full", "--trust-on-first-use",
            "--client-id", AuditHub.AuditorClient, "--client-secret", TestAccounts.Secret];
        var (code, _, error) = await Cli.RunAsync(_hub, args);
        Assert.True(code == 0, error);

        var root = _hub.Log.Tree.Root(23);
        _hub.Stop();
        await _hub.StartAsync(seed: false);
        Assert.Equal(root, _hub.Log.Tree.Root(23));
        await _hub.AppendAsync(4, firstSeed: 40);
        (code, var output, error) = await Cli.RunAsync(_hub, args);
        Assert.True(code == 0, error);
        Assert.Contains("consistent with the saved checkpoint 23", output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

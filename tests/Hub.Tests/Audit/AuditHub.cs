using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.HubCtl.Audit;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>
/// A hub with audit accounts: <c>riec-auditor</c> (riec-bureau: privacy officer + auditor, scope audit) and
/// <c>gemeente-audit</c> (scope audit but no audit role), plus one configured witness key.
/// </summary>
public sealed class AuditHub : IAsyncLifetime
{
    public const string AuditorClient = "riec-auditor";
    public const string NonAuditorClient = "gemeente-audit";

    private readonly string? _postgres;
    private readonly bool _ownsDirectory;

    public AuditHub()
        : this(null, null)
    {
    }

    internal AuditHub(string? dataDirectory, string? postgres)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TempDirectory.Create("audit-hub");
        _postgres = postgres;
        Witness = WitnessKey.Generate("witness.test/w1", out var keyText);
        WitnessKeyText = keyText;
    }

    public string DataDirectory { get; }

    public WitnessKey Witness { get; }

    public string WitnessKeyText { get; }

    public HubFactory Factory { get; private set; } = null!;

    public AuditLog Log => Factory.Services.GetRequiredService<AuditLog>();

    public string AuditDatabase => Path.Combine(DataDirectory, "audit.db");

    public async Task InitializeAsync() => await StartAsync(seed: true);

    /// <summary>(Re)starts the hub on the same data directory.</summary>
    public async Task StartAsync(bool seed)
    {
        var settings = new Dictionary<string, string?> { ["Audit:Witnesses:0"] = Witness.VerifierKey.Text };
        if (_postgres is not null)
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Hub"] = _postgres;
        }

        Factory = new HubFactory(settings, DataDirectory);
        if (seed)
        {
            await TestAccounts.SeedAsync(Factory.Services, async accounts =>
            {
                await accounts.CreatePartnerAsync("riec-test", "RIEC Test", "riec-bureau", [new("riec", "privacy-officer"), new("riec", "auditor")]);
                await accounts.CreatePartnerAsync("gemeente-test", "Gemeente Test", "gemeente", [new("riec", "casusregisseur")]);
                await accounts.CreateSystemClientAsync(AuditorClient, "riec-test", TestAccounts.Secret, ["audit"], isDemo: false);
                await accounts.CreateSystemClientAsync(NonAuditorClient, "gemeente-test", TestAccounts.Secret, ["audit"], isDemo: false);
            });
        }
        else
        {
            _ = Factory.Services;
        }
    }

    public void Stop()
    {
        Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static async Task<string> TokenAsync(HttpClient http, string client = AuditorClient) =>
        await Tokens.GetAsync(http, client, TestAccounts.Secret, "audit");

    public async Task<HttpClient> AuthorisedClientAsync(string client = AuditorClient)
    {
        var http = Factory.CreateApiClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, client));
        return http;
    }

    /// <summary>Appends <paramref name="count"/> disclosure records in batches of 5 and signs a checkpoint.</summary>
    public async Task AppendAsync(int count, int firstSeed = 0)
    {
        for (var i = 0; i < count; i += 5)
        {
            var batch = Enumerable.Range(firstSeed + i, Math.Min(5, count - i)).Select(s => AuditSamples.Disclosure(s)).ToList();
            await Log.AppendAsync(batch);
        }

        await Log.SignCheckpointAsync();
    }

    public Task DisposeAsync()
    {
        Stop();
        if (_ownsDirectory)
        {
            TempDirectory.Delete(DataDirectory);
        }

        return Task.CompletedTask;
    }

    public static AuditRecord Record(int seed) => AuditSamples.Disclosure(seed);
}

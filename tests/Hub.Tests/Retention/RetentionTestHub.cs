using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Hub.Tests.Signals;

namespace SharingHub.Hub.Tests.Retention;

/// <summary>
/// A hub of its own for one retention / key-rotation test, on a <see cref="TestClock"/> (the retention job's loop is off;
/// tests run passes themselves), with ZVH partners: a municipality system client that submits, a privacy officer and an analyst
/// who sign in as people, and a system client that holds the privacy-officer role (refused: person required).
/// </summary>
internal sealed class RetentionTestHub : IAsyncDisposable
{
    public const string Convenant = "zvh";
    public const string Submitter = "ret-gem-sys";
    public const string OfficerSystem = "ret-po-sys";
    public const string Officer = "po.ret";
    public const string Analyst = "analist.ret";
    public const string Foreigner = "po.elders";
    public const string Password = "retention test password 42";
    public static readonly Uri Redirect = new("http://localhost/ret-callback");

    private readonly PostgresDatabase? _database;

    private RetentionTestHub(HubFactory factory, TestClock time, PostgresDatabase? database)
    {
        Factory = factory;
        Time = time;
        _database = database;
    }

    public HubFactory Factory { get; }

    public TestClock Time { get; }

    public bool IsPostgres => _database is not null;

    public static async Task<RetentionTestHub> StartAsync(bool postgres = false, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var time = new TestClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal) { ["Retention:Enabled"] = "false", ["Auth:PasswordIterations"] = "100000" };
        PostgresDatabase? database = null;
        if (postgres)
        {
            database = new PostgresDatabase();
            await database.InitializeAsync();
            all["Storage:Provider"] = "Postgres";
            all["ConnectionStrings:Hub"] = database.ConnectionString;
            all["Documents:Provider"] = "AzureBlob";
            all["Documents:ConnectionString"] = TestServices.AzuriteConnectionString;
            all["Documents:Container"] = "retention-" + Guid.NewGuid().ToString("N");
        }

        var factory = new HubFactory(all, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            services?.Invoke(s);
        });
        var hub = new RetentionTestHub(factory, time, database);
        await TestAccounts.SeedAsync(factory.Services, async accounts =>
        {
            await accounts.CreatePartnerAsync("ret-gemeente", "Gemeente Retention", "gemeente", [new("zvh", "medewerker")]);
            await accounts.CreatePartnerAsync("ret-zvh", "ZVH Retention", "zvh", [new("zvh", "casusregisseur"), new("zvh", "privacy-officer")]);
            await accounts.CreatePartnerAsync("ret-elders", "Elders", "gemeente", [new("zvh", "medewerker")]);
            await accounts.CreateSystemClientAsync(Submitter, "ret-gemeente", TestAccounts.Secret, ["signals"], isDemo: false);
            await accounts.CreateSystemClientAsync(OfficerSystem, "ret-zvh", TestAccounts.Secret, ["audit", "signals"], isDemo: false);
            await accounts.CreatePortalClientAsync("ret-portal", [Redirect], [], ["audit", "signals", "review"], isDemo: false);
            await accounts.CreatePersonAsync(Officer, "PO", Password, "ret-zvh", [new("zvh", "privacy-officer")]);
            await accounts.CreatePersonAsync(Analyst, "Analist", Password, "ret-zvh", [new("zvh", "analist")]);
            await accounts.CreatePersonAsync(Foreigner, "Elders", Password, "ret-elders", [new("elders", "privacy-officer"), new("zvh", "medewerker")]);
        });
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public Task<string> PersonTokenAsync(string userName, string scope = "audit") =>
        PersonTokens.GetAsync(Factory, userName, Password, scope, "ret-portal", Redirect);

    public async Task<string> SystemTokenAsync(string clientId, string scope)
    {
        using var http = Factory.CreateApiClient();
        return await Tokens.GetAsync(http, clientId, TestAccounts.Secret, scope);
    }

    public static string PersonBody(string bsn, string given = "Jan", string surname = "Jansen", string dob = "1980-05-17", bool reporter = false, string categories = "\"casusinformatie\",\"identificatie\",\"bsn\"") =>
        $$"""
        {"subjectType":"person","identifiers":{"bsn":"{{bsn}}","givenNames":"{{given}}","surname":"{{surname}}","dateOfBirth":"{{dob}}"},
         "purpose":"complexe-casuistiek","categories":[{{categories}}],"phase":"signal"{{(reporter ? ",\"reporter\":{\"givenNames\":\"Mies\",\"surname\":\"Melder\"}" : string.Empty)}}}
        """;

    /// <summary>Submits one ZVH signal as the municipality; returns its id and the municipality's subject reference.</summary>
    public async Task<(Guid SignalId, string SubjectRef)> SubmitAsync(string body)
    {
        var token = await SystemTokenAsync(Submitter, "signals");
        using var http = Factory.CreateApiClient();
        using var response = await SignalApi.PostAsync(http, "/api/v1/convenants/zvh/signals", token, body);
        var json = await Tokens.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, "submit failed: " + json);
        return (Guid.Parse(json.GetProperty("signalId").GetString()!), json.GetProperty("subjectRef").GetString()!);
    }

    public async Task AttachTextAsync(Guid signalId, string text)
    {
        var token = await SystemTokenAsync(Submitter, "signals");
        using var http = Factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/zvh/signals/{signalId:D}/documents", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        content.Add(part, "file", "note.txt");
        request.Content = content;
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpMethod method, string path, string token, string? body = null)
    {
        using var http = Factory.CreateApiClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> PreviewAsync(string? token = null)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, "/api/v1/convenants/zvh/retention/preview", token ?? await PersonTokenAsync(Officer));
        Assert.True(status == HttpStatusCode.OK, "preview failed: " + body + LoggedErrors());
        return body;
    }

    public async Task<JsonElement> RunAsync(string? token = null)
    {
        var (status, body) = await CallAsync(HttpMethod.Post, "/api/v1/convenants/zvh/retention/run", token ?? await PersonTokenAsync(Officer));
        Assert.True(status == HttpStatusCode.OK, "run failed: " + body + LoggedErrors());
        return body;
    }

    public async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public Task<List<string>> VaultKeyIdsAsync() =>
        DbAsync(db => db.Set<VaultDataKeyRow>().AsNoTracking().Select(k => k.SubjectId).OrderBy(k => k).ToListAsync());

    /// <summary>Type and message of every exception the hub logged (for failure messages).</summary>
    public string LoggedErrors() => string.Join('\n', Factory.Services.GetFakeLogCollector().GetSnapshot()
        .Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(r => string.Join('\n', r.Message.Split('\n').Where(l => l.Contains("SharingHub", StringComparison.Ordinal) || l.Contains("Unhandled", StringComparison.Ordinal)))));

    /// <summary>Row counts of every hub table (the audit tables and OpenIddict's token tables, which grow with every audited call, left out), every document, every vault key row and every signal's stored bytes.</summary>
    public async Task<string> StateAsync()
    {
        var (tables, documents) = await SignalApi.SnapshotAsync(Factory);
        var keys = await DbAsync(db => db.Set<VaultDataKeyRow>().AsNoTracking().OrderBy(k => k.SubjectId).Select(k => new { k.SubjectId, k.Wrapped }).ToListAsync());
        var signals = await DbAsync(db => db.Signals.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Identity, s.Reporter, s.Content, s.Summary }).ToListAsync());
        var state = new StringBuilder();
        foreach (var (name, count) in tables.Where(t => !t.Key.StartsWith("audit", StringComparison.Ordinal) && !t.Key.StartsWith("oidc_", StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            state.Append(name).Append('=').Append(count).Append('\n');
        }

        state.AppendJoin('\n', documents.Order(StringComparer.Ordinal)).Append('\n');
        foreach (var key in keys)
        {
            state.Append(key.SubjectId).Append(':').Append(Convert.ToHexString(key.Wrapped)).Append('\n');
        }

        foreach (var signal in signals)
        {
            state.Append(signal.Id).Append(':').Append(Convert.ToHexString(signal.Identity)).Append(':')
                .Append(signal.Reporter is null ? "-" : Convert.ToHexString(signal.Reporter)).Append(':')
                .Append(signal.Content is null ? "-" : Convert.ToHexString(signal.Content)).Append(':').Append(signal.Summary ?? "-").Append('\n');
        }

        return state.ToString();
    }

    public async Task<List<string>> DocumentsAsync(string prefix = "documents/")
    {
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        var names = new List<string>();
        await foreach (var info in store.ListAsync(prefix))
        {
            names.Add(info.Name.Value);
        }

        return names;
    }
}

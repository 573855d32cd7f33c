using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Hub.Tests.Signals;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>An HTTP response reduced to what the casus tests check.</summary>
internal sealed record ApiResult(HttpStatusCode Status, JsonElement Body, string Text)
{
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    public Guid Id => Body.GetProperty("id").GetGuid();

    public int Version => Body.GetProperty("version").GetInt32();

    public string State => Body.GetProperty("state").GetString()!;

    public string Phase => Body.GetProperty("phase").GetString()!;

    public string? Level => Body.GetProperty("level").GetString();
}

/// <summary>HTTP helpers for the casus and signals APIs through the real token endpoint (tokens cached per client).</summary>
internal sealed class CasusApi(HubFactory factory) : IDisposable
{
    private static int _bsnCursor = 300_000_000;
    private static int _nameCursor;

    private static readonly string[] Surnames =
    [
        "Visser", "Meijer", "Mulder", "Dekker", "Brouwer", "Dijkstra", "Jacobs", "Vermeulen", "Peters", "Hendriks",
        "Willems", "Koster", "Prinsen", "Huisman", "Kuiper", "Veenstra", "Postma", "Schouten", "Wouters", "Kramer",
    ];

    private static readonly string[] GivenNames = ["Annemarie", "Bramwell", "Chantal", "Daniella", "Esmeralda", "Floortje", "Gijsbert", "Hannelore", "Joriske", "Liselotte"];

    private readonly HttpClient _http = factory.CreateApiClient();
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public HubFactory Factory { get; } = factory;

    public AuditLog Audit => Factory.Services.GetRequiredService<AuditLog>();

    public void Dispose() => _http.Dispose();

    /// <summary>A fresh valid (elfproef) BSN no other test uses.</summary>
    public static string NextBsn()
    {
        while (true)
        {
            var candidate = Interlocked.Increment(ref _bsnCursor).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Bsn.IsValidElfproef(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>A fresh (given name, surname) pair.</summary>
    public static (string Given, string Surname) NextName()
    {
        var i = Interlocked.Increment(ref _nameCursor);
        return (GivenNames[i % GivenNames.Length], Surnames[i % Surnames.Length]);
    }

    /// <summary>A person signal body.</summary>
    public static string Person(string bsn, (string Given, string Surname) name, string dob, string purpose, string[] categories, string phase = "signal",
        string? summary = null, bool minor = false)
    {
        var cats = string.Join(',', categories.Select(c => "\"" + c + "\""));
        var summaryJson = summary is null ? string.Empty : ",\"summary\":" + JsonSerializer.Serialize(summary);
        return $$"""
            {"subjectType":"person","identifiers":{"bsn":"{{bsn}}","givenNames":"{{name.Given}}","surname":"{{name.Surname}}","dateOfBirth":"{{dob}}"},
             "purpose":"{{purpose}}","categories":[{{cats}}],"phase":"{{phase}}","isMinor":{{(minor ? "true" : "false")}}{{summaryJson}}}
            """;
    }

    /// <summary>Fetches the tokens of these clients now, so that later audit counts hold only what the test does.</summary>
    public async Task WarmAsync(params string[] clients)
    {
        foreach (var client in clients)
        {
            await TokenAsync(client);
        }
    }

    public async Task<string> TokenAsync(string client)
    {
        if (!_tokens.TryGetValue(client, out var token))
        {
            token = await Tokens.GetAsync(_http, client, TestAccounts.Secret, "signals");
            _tokens[client] = token;
        }

        return token;
    }

    /// <summary>Submits a signal through the signals API and returns the caller's subject reference.</summary>
    public async Task<string> SubmitAsync(string convenant, string client, string body)
    {
        var result = await SendAsync(HttpMethod.Post, $"/api/v1/convenants/{convenant}/signals", client, body);
        Assert.True(result.Status == HttpStatusCode.Created, "signal refused: " + result.Text);
        return result.Body.GetProperty("subjectRef").GetString()!;
    }

    public Task<ApiResult> BringInAsync(string convenant, string client, string subjectRef) =>
        SendAsync(HttpMethod.Post, $"/api/v1/convenants/{convenant}/casus", client, JsonSerializer.Serialize(new { subjectRef }));

    public Task<ApiResult> TransitionAsync(string convenant, string client, Guid id, string body) =>
        SendAsync(HttpMethod.Post, $"/api/v1/convenants/{convenant}/casus/{id:D}/transitions", client, body);

    public Task<ApiResult> GetAsync(string convenant, string client, Guid id) =>
        SendAsync(HttpMethod.Get, $"/api/v1/convenants/{convenant}/casus/{id:D}", client, null);

    public Task<ApiResult> ListAsync(string convenant, string client, string? state = null) =>
        SendAsync(HttpMethod.Get, $"/api/v1/convenants/{convenant}/casus" + (state is null ? string.Empty : "?state=" + Uri.EscapeDataString(state)), client, null);

    public async Task<ApiResult> SendAsync(HttpMethod method, string path, string client, string? body, string contentType = "application/json")
    {
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResult(response.StatusCode, json, text);
    }

    /// <summary>Brings a subject in and asserts 201.</summary>
    public async Task<ApiResult> BringInOkAsync(string convenant, string client, string subjectRef)
    {
        var result = await BringInAsync(convenant, client, subjectRef);
        Assert.True(result.Status == HttpStatusCode.Created, "bring-in refused: " + result.Text);
        return result;
    }

    /// <summary>Transitions and asserts 200.</summary>
    public async Task<ApiResult> MoveAsync(string convenant, string client, Guid id, string body)
    {
        var result = await TransitionAsync(convenant, client, id, body);
        Assert.True(result.Status == HttpStatusCode.OK, "transition refused: " + result.Text);
        return result;
    }

    /// <summary>Row counts of the casus tables.</summary>
    public async Task<(long Casus, long Events)> CountsAsync()
    {
        var (tables, _) = await SignalApi.SnapshotAsync(Factory);
        return (tables["casus"], tables["casus_events"]);
    }

    /// <summary>The audit records appended since the log had <paramref name="size"/> entries.</summary>
    public async Task<List<AuditRecord>> AuditSinceAsync(long size)
    {
        var entries = await Audit.Store.ReadEntriesAsync(size, 10_000, CancellationToken.None);
        return [.. entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)];
    }

    /// <summary>The anchor pseudonym of a casus's subject (what the audit trail names it by).</summary>
    public async Task<string> AnchorOfAsync(Guid casusId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var subjectId = await db.Cases.Where(c => c.Id == casusId).Select(c => c.SubjectId).SingleAsync();
        return await db.Subjects.Where(s => s.Id == subjectId).Select(s => s.Anchor).SingleAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }
}

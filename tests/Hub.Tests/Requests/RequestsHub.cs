using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Requests;

/// <summary>
/// A hub for the request tests under the ZVH convenant: partners of the police, the municipality, a care partner and the
/// ZVH bureau; system clients with scopes signals+requests; a portal client (requests+review) and the people who review.
/// </summary>
public class RequestsHub : IAsyncLifetime
{
    public const string Convenant = "zvh";
    public const string Purpose = "complexe-casuistiek";
    public const string Politie = "pol-req";
    public const string Gemeente = "gem-req";
    public const string Zorg = "zorg-req";
    public const string PolitiePartner = "politie-req";
    public const string GemeentePartner = "gemeente-req";
    public const string ZvhPartner = "zvh-req";
    public const string Portal = "portal-req";

    /// <summary>A system client of the ZVH bureau with scope review (reviews must still come from people).</summary>
    public const string ZvhReviewSystem = "zvh-review-sys";
    public const string RedirectUri = "http://localhost/callback";
    public const string Password = "correct horse battery staple";

    /// <summary>ZVH privacy officer (party zvh).</summary>
    public const string PoZvh = "po.zvh";

    /// <summary>Moreel-beraad facilitator (partner gemeente).</summary>
    public const string Facilitator = "facilitator.zvh";

    /// <summary>ZVH casusregisseur.</summary>
    public const string Regisseur = "regisseur.zvh";

    /// <summary>A police person who requests (medewerker) and is also a privacy officer of the police.</summary>
    public const string Agent = "agent.politie";

    /// <summary>Another police privacy officer (same partner as the requester).</summary>
    public const string PoPolitie = "po.politie";

    /// <summary>A municipal medewerker: no reviewer role.</summary>
    public const string Medewerker = "medewerker.gemeente";

    /// <summary>A second ZVH privacy officer.</summary>
    public const string PoZvh2 = "po2.zvh";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly string? _postgres;

    public RequestsHub()
        : this(null)
    {
    }

    protected RequestsHub(string? postgres) => _postgres = postgres;

    public TestClock Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public HubFactory Factory { get; private set; } = null!;

    /// <summary>Settings for the hub; the periodic escalation pass is off unless a test turns it on (tests call RunOnceAsync).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal) { ["Requests:EscalationEnabled"] = "false" };

    public bool IsPostgres => _postgres is not null;

    public virtual async Task InitializeAsync() => await StartAsync(_postgres);

    protected async Task StartAsync(string? postgres)
    {
        var settings = new Dictionary<string, string?>(Settings);
        if (postgres is not null)
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:Hub"] = postgres;
        }

        Factory = new HubFactory(settings, services: s => s.AddSingleton<TimeProvider>(Time));
        await TestAccounts.SeedAsync(Factory.Services, async accounts =>
        {
            await accounts.CreatePartnerAsync(PolitiePartner, "Politie Req", "politie",
                [new("zvh", "medewerker"), new("zvh", "privacy-officer"), new("riec", "medewerker")]);
            await accounts.CreatePartnerAsync(GemeentePartner, "Gemeente Req", "gemeente",
                [new("zvh", "medewerker"), new("zvh", "privacy-officer"), new("zvh", "moreel-beraad-facilitator")]);
            await accounts.CreatePartnerAsync("zorg-req-partner", "Zorg Req", "zorgpartner", [new("zvh", "medewerker")]);
            await accounts.CreatePartnerAsync(ZvhPartner, "ZVH Req", "zvh",
                [new("zvh", "casusregisseur"), new("zvh", "analist"), new("zvh", "privacy-officer"), new("zvh", "moreel-beraad-facilitator")]);
            await accounts.CreateSystemClientAsync(Politie, PolitiePartner, TestAccounts.Secret, ["signals", "requests"], isDemo: false);
            await accounts.CreateSystemClientAsync(Gemeente, GemeentePartner, TestAccounts.Secret, ["signals", "requests"], isDemo: false);
            await accounts.CreateSystemClientAsync(Zorg, "zorg-req-partner", TestAccounts.Secret, ["signals", "requests"], isDemo: false);
            await accounts.CreateSystemClientAsync(ZvhReviewSystem, ZvhPartner, TestAccounts.Secret, ["review"], isDemo: false);
            await accounts.CreatePortalClientAsync(Portal, [new Uri(RedirectUri)], [], ["requests", "review"], isDemo: false);
            await accounts.CreatePersonAsync(PoZvh, "PO ZVH", Password, ZvhPartner, [new("zvh", "privacy-officer")]);
            await accounts.CreatePersonAsync(PoZvh2, "PO2 ZVH", Password, ZvhPartner, [new("zvh", "privacy-officer")]);
            await accounts.CreatePersonAsync(Facilitator, "Facilitator", Password, GemeentePartner, [new("zvh", "moreel-beraad-facilitator")]);
            await accounts.CreatePersonAsync(Regisseur, "Regisseur", Password, ZvhPartner, [new("zvh", "casusregisseur")]);
            await accounts.CreatePersonAsync(Agent, "Agent", Password, PolitiePartner, [new("zvh", "medewerker"), new("zvh", "privacy-officer")]);
            await accounts.CreatePersonAsync(PoPolitie, "PO Politie", Password, PolitiePartner, [new("zvh", "privacy-officer")]);
            await accounts.CreatePersonAsync(Medewerker, "Medewerker", Password, GemeentePartner, [new("zvh", "medewerker")]);
        });
    }

    public virtual Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public AuditLog Log => Factory.Services.GetRequiredService<AuditLog>();

    /// <summary>A system token (scopes signals + requests), fetched fresh (tokens expire with the fake clock).</summary>
    public async Task<string> SystemTokenAsync(string clientId)
    {
        using var http = Factory.CreateApiClient();
        return await Tokens.GetAsync(http, clientId, TestAccounts.Secret, "signals requests");
    }

    /// <summary>A person token (scopes requests + review) through the login page and the authorization-code flow with PKCE.</summary>
    public Task<string> PersonTokenAsync(string userName) =>
        PersonTokens.GetAsync(Factory, userName, Password, "requests review", Portal, new Uri(RedirectUri));

    /// <summary>Cached person tokens (valid 15 minutes of fake time; tests that move the clock far fetch fresh ones).</summary>
    public async Task<string> CachedPersonTokenAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            token = await PersonTokenAsync(userName);
            _tokens[userName] = token;
        }

        return token;
    }

    /// <summary>Submits a ZVH signal about a person as <paramref name="clientId"/>; returns the caller's subject reference.</summary>
    public async Task<string> SubmitZvhSignalAsync(string clientId, string bsn, bool minor, string surname = "Jansen", string dob = "2010-05-17")
    {
        using var http = Factory.CreateApiClient();
        var token = await SystemTokenAsync(clientId);
        var body = $$"""
            {"subjectType":"person","identifiers":{"bsn":"{{bsn}}","givenNames":"Piet","surname":"{{surname}}","dateOfBirth":"{{dob}}"},
             "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie"],"phase":"signal","isMinor":{{(minor ? "true" : "false")}}}
            """;
        using var response = await PostAsync(http, "/api/v1/convenants/zvh/signals", token, body);
        var json = await Tokens.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, "signal refused: " + json);
        return json.GetProperty("subjectRef").GetString()!;
    }

    /// <summary>Submits a RIEC signal as the police (another convenant); returns the subject reference.</summary>
    public async Task<string> SubmitRiecSignalAsync(string bsn)
    {
        using var http = Factory.CreateApiClient();
        var token = await SystemTokenAsync(Politie);
        var body = $$"""
            {"subjectType":"person","identifiers":{"bsn":"{{bsn}}","givenNames":"Jan","surname":"Jansen","dateOfBirth":"1980-05-17"},
             "purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","identificatie","bsn"],"phase":"signal"}
            """;
        using var response = await PostAsync(http, "/api/v1/convenants/riec/signals", token, body);
        var json = await Tokens.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, "signal refused: " + json);
        return json.GetProperty("subjectRef").GetString()!;
    }

    /// <summary>Inserts an open casus for the subject behind <paramref name="subjectRef"/> in <paramref name="phase"/> (owner: the ZVH bureau).</summary>
    public async Task<Guid> AddCasusAsync(string partnerId, string subjectRef, string phase, string state = CasusStates.LocalMulti, string? level = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var subjectId = await db.SubjectRefs.Where(r => r.PartnerId == partnerId && r.Reference == subjectRef).Select(r => r.SubjectId).SingleAsync();
        var now = Time.GetUtcNow();
        var casus = new Casus
        {
            Id = Guid.NewGuid(),
            ConvenantId = Convenant,
            SubjectId = subjectId,
            OwnerPartnerId = ZvhPartner,
            OwnerRole = "casusregisseur",
            State = state,
            Phase = phase,
            Level = level,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Cases.Add(casus);
        await db.SaveChangesAsync();
        return casus.Id;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string token, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await http.SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CreateRequestAsync(string token, string body)
    {
        using var http = Factory.CreateApiClient();
        using var response = await PostAsync(http, "/api/v1/convenants/zvh/access-requests", token, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ReviewAsync(string token, Guid requestId, string body)
    {
        using var http = Factory.CreateApiClient();
        using var response = await PostAsync(http, $"/api/v1/access-requests/{requestId}/reviews", token, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string token, string path)
    {
        using var http = Factory.CreateApiClient();
        using var response = await Tokens.GetWithTokenAsync(http, path, token);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Row counts of the workflow tables.</summary>
    public async Task<(int Requests, int Reviews, int Grants)> CountsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return (await db.AccessRequests.CountAsync(), await db.Reviews.CountAsync(), await db.Grants.CountAsync());
    }

    public async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>The audit records appended since <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditSinceAsync(long from)
    {
        var size = Log.Size;
        var entries = await Log.Store.ReadEntriesAsync(from, (int)(size - from), CancellationToken.None);
        return [.. entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)];
    }

    public static string RequestBody(string subjectRef, string categories = "\"identificatie\"", string fields = "\"naam\",\"geboortedatum\"",
        string mode = "identified", string? counterpart = "zvh", string purpose = Purpose, string? duration = null,
        string? necessity = null, string? proportionality = null, string? subsidiarity = null)
    {
        var c = counterpart is null ? string.Empty : $",\"counterpart\":\"{counterpart}\"";
        var d = duration is null ? string.Empty : $",\"durationDays\":{duration}";
        return $$"""
            {"subjectRef":"{{subjectRef}}","purpose":"{{purpose}}","categories":[{{categories}}],"fields":[{{fields}}],"mode":"{{mode}}"{{c}}{{d}},
             "necessity":{{JsonSerializer.Serialize(necessity ?? Necessity)}},
             "proportionality":{{JsonSerializer.Serialize(proportionality ?? Proportionality)}},
             "subsidiarity":{{JsonSerializer.Serialize(subsidiarity ?? Subsidiarity)}}}
            """;
    }

    public const string Necessity = "De wijkagent voert het plan van aanpak uit en moet weten wie de jongere is om het huisbezoek af te leggen.";
    public const string Proportionality = "Alleen naam en geboortedatum worden gevraagd, geen adres of andere gegevens, voor maximaal dertig dagen.";
    public const string Subsidiarity = "Gepseudonimiseerde gegevens volstaan niet omdat de agent de jongere persoonlijk moet kunnen aanspreken tijdens de uitvoering.";

}

/// <summary>The same hub on a fresh PostgreSQL database.</summary>
public sealed class PostgresRequestsHub : RequestsHub
{
    private readonly PostgresDatabase _database = new();

    public override async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await StartAsync(_database.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>A hub for the casus tests: its provider and its seeded partners (convenant-aligned parties and roles).</summary>
public interface ICasusHub
{
    HubFactory Factory { get; }

    bool IsPostgres { get; }
}

/// <summary>Test partners under zvh, pmg and riec, each with one system client (scope signals) named like the partner.</summary>
internal static class CasusPartners
{
    // ZVH
    public const string ZvhGemeente = "zvh-gemeente";
    public const string ZvhPolitie = "zvh-politie";
    public const string ZvhZorg = "zvh-zorg";
    public const string ZvhRegie = "zvh-regie";
    public const string ZvhAnalist = "zvh-analist";

    /// <summary>A gemeente partner that was (wrongly) given the zvh casusregisseur role: the convenant reserves it for party zvh.</summary>
    public const string ZvhFalseRegie = "zvh-false-regie";

    // PmG
    public const string PmgSchool = "pmg-school";
    public const string PmgJeugdzorg = "pmg-jeugdzorg";
    public const string PmgOm = "pmg-om";
    public const string PmgRegie = "pmg-regie";
    public const string PmgJongerenwerk = "pmg-jongerenwerk";

    // RIEC
    public const string RiecGemeente = "riec-gemeente";
    public const string RiecRegie = "riec-regie";

    public const string ZvhPurpose = "complexe-casuistiek";
    public const string PmgPurpose = "aanpak-jeugdgroepen";
    public const string RiecPurpose = "aanpak-georganiseerde-criminaliteit";

    private static readonly (string Id, string Party, (string Convenant, string Role)[] Roles)[] All =
    [
        (ZvhGemeente, "gemeente", [("zvh", "medewerker")]),
        (ZvhPolitie, "politie", [("zvh", "medewerker")]),
        (ZvhZorg, "zorgpartner", [("zvh", "medewerker")]),
        (ZvhRegie, "zvh", [("zvh", "casusregisseur")]),
        (ZvhAnalist, "zvh", [("zvh", "analist")]),
        (ZvhFalseRegie, "gemeente", [("zvh", "casusregisseur")]),
        (PmgSchool, "school", [("pmg", "medewerker")]),
        (PmgJeugdzorg, "jeugdzorg", [("pmg", "medewerker")]),
        (PmgOm, "om", [("pmg", "medewerker")]),
        (PmgRegie, "gemeente", [("pmg", "casusregisseur")]),
        (PmgJongerenwerk, "jongerenwerk", [("pmg", "jongerenwerker")]),
        (RiecGemeente, "gemeente", [("riec", "medewerker")]),
        (RiecRegie, "riec-bureau", [("riec", "casusregisseur")]),
    ];

    public static Task SeedAsync(IServiceProvider services) => TestAccounts.SeedAsync(services, async accounts =>
    {
        foreach (var (id, party, roles) in All)
        {
            await accounts.CreatePartnerAsync(id, "Partner " + id, party, roles.Select(r => new SharingHub.Hub.Accounts.ConvenantRole(r.Convenant, r.Role)));
            await accounts.CreateSystemClientAsync(id, id, TestAccounts.Secret, ["signals"], isDemo: false);
        }
    });
}

/// <summary>The hub on a SQLite file.</summary>
public sealed class SqliteCasusHub : ICasusHub, IAsyncLifetime
{
    public HubFactory Factory { get; } = new();

    public bool IsPostgres => false;

    public async Task InitializeAsync() => await CasusPartners.SeedAsync(Factory.Services);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The hub on a fresh PostgreSQL database.</summary>
public sealed class PostgresCasusHub : ICasusHub, IAsyncLifetime, IDisposable
{
    private readonly PostgresDatabase _database = new();
    private HubFactory? _factory;

    public HubFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public bool IsPostgres => true;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new HubFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Hub"] = _database.ConnectionString,
        });
        await CasusPartners.SeedAsync(Factory.Services);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _database.DisposeAsync();
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _factory = null;
    }
}

using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Disclosure;

/// <summary>A hub for the disclosure tests: its database provider and its seeded ZVH and PmG partners, clients and people.</summary>
public interface IDisclosureHub
{
    HubFactory Factory { get; }

    bool IsPostgres { get; }
}

/// <summary>
/// ZVH and PmG accounts with convenant-aligned parties and roles. Systems: a municipality and the police (medewerker;
/// scopes signals + requests), the ZVH bureau, a partner holding only a RIEC role, and a privacy officer's system client
/// (scopes audit + review). People: a ZVH/PmG privacy officer who signs in through the portal client.
/// </summary>
internal static class DisclosurePartners
{
    public const string Convenant = "zvh";
    public const string Purpose = "complexe-casuistiek";
    public const string LegalGround = "ZVH-P-01";
    public const string Gemeente = "dz-gem";
    public const string Politie = "dz-pol";
    public const string Bureau = "dz-bureau";
    public const string RiecOnly = "dz-riec";
    public const string OfficerSystem = "dz-po-sys";
    public const string GemeentePartner = "dz-gemeente";
    public const string PolitiePartner = "dz-politie";
    public const string BureauPartner = "dz-zvh";
    public const string RiecPartner = "dz-riec-partner";
    public const string OfficerPartner = "dz-fg";
    public const string Portal = "dz-portal";
    public const string RedirectUri = "http://localhost/dz-callback";
    public const string OfficerUser = "po.disclosure";
    public const string OfficerPassword = "disclosure officer password 42";
    public const string PmgGemeente = "dz-gem-pmg";
    public const string PmgPartner = "dz-gemeente-pmg";

    public static Task SeedAsync(IServiceProvider services) => TestAccounts.SeedAsync(services, async accounts =>
    {
        await accounts.CreatePartnerAsync(GemeentePartner, "Gemeente Disclosure", "gemeente", [new("zvh", "medewerker")]);
        await accounts.CreatePartnerAsync(PolitiePartner, "Politie Disclosure", "politie", [new("zvh", "medewerker")]);
        await accounts.CreatePartnerAsync(BureauPartner, "ZVH Disclosure", "zvh", [new("zvh", "casusregisseur"), new("zvh", "analist")]);
        await accounts.CreatePartnerAsync(RiecPartner, "Gemeente RIEC only", "gemeente", [new("riec", "medewerker")]);
        await accounts.CreatePartnerAsync(OfficerPartner, "FG Disclosure", "gemeente", [new("zvh", "privacy-officer"), new("pmg", "privacy-officer")]);
        await accounts.CreatePartnerAsync(PmgPartner, "Gemeente PmG", "gemeente", [new("pmg", "medewerker"), new("pmg", "casusregisseur")]);
        await accounts.CreateSystemClientAsync(Gemeente, GemeentePartner, TestAccounts.Secret, ["signals", "requests", "linkage"], isDemo: false);
        await accounts.CreateSystemClientAsync(Politie, PolitiePartner, TestAccounts.Secret, ["signals", "requests", "linkage"], isDemo: false);
        await accounts.CreateSystemClientAsync(Bureau, BureauPartner, TestAccounts.Secret, ["signals", "requests", "linkage"], isDemo: false);
        await accounts.CreateSystemClientAsync(RiecOnly, RiecPartner, TestAccounts.Secret, ["signals", "requests"], isDemo: false);
        await accounts.CreateSystemClientAsync(OfficerSystem, OfficerPartner, TestAccounts.Secret, ["audit", "review", "requests"], isDemo: false);
        await accounts.CreateSystemClientAsync(PmgGemeente, PmgPartner, TestAccounts.Secret, ["signals", "requests", "linkage"], isDemo: false);
        await accounts.CreatePortalClientAsync(Portal, [new Uri(RedirectUri)], [], ["review", "audit"], isDemo: false);
        await accounts.CreatePersonAsync(OfficerUser, "FG Disclosure", OfficerPassword, OfficerPartner, [new("zvh", "privacy-officer"), new("pmg", "privacy-officer")]);
    });
}

/// <summary>SQLite file + documents on local files.</summary>
public sealed class SqliteDisclosureHub : IDisclosureHub, IAsyncLifetime
{
    public HubFactory Factory { get; } = new();

    public bool IsPostgres => false;

    public async Task InitializeAsync() => await DisclosurePartners.SeedAsync(Factory.Services);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A fresh PostgreSQL database (documents on local files).</summary>
public sealed class PostgresDisclosureHub : IDisclosureHub, IAsyncLifetime, IDisposable
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
        await DisclosurePartners.SeedAsync(Factory.Services);
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

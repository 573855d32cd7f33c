using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Linkage;

/// <summary>A hub for the linkage tests (background loop off: tests call the linker themselves).</summary>
public interface ILinkageHub
{
    HubFactory Factory { get; }

    bool IsPostgres { get; }
}

/// <summary>Partners with convenant-aligned parties and roles (RIEC, plus ZVH for the gemeente), and their system clients.</summary>
internal static class LinkagePartners
{
    public const string Gemeente = "gem-link";
    public const string Politie = "pol-link";
    public const string Fiod = "fiod-link";
    public const string Om = "om-link";

    public const string GemeentePartner = "gemeente-link";
    public const string PolitiePartner = "politie-link";
    public const string FiodPartner = "fiod-link";
    public const string OmPartner = "om-link";

    public static readonly Dictionary<string, string?> Settings = new(StringComparer.Ordinal)
    {
        ["Linkage:Enabled"] = "false",
    };

    public static Task SeedAsync(IServiceProvider services) => TestAccounts.SeedAsync(services, async accounts =>
    {
        await accounts.CreatePartnerAsync(GemeentePartner, "Gemeente Linkage", "gemeente",
            [new("riec", "medewerker"), new("riec", "privacy-officer"), new("zvh", "medewerker")]);
        await accounts.CreatePartnerAsync(PolitiePartner, "Politie Linkage", "politie", [new("riec", "medewerker")]);
        await accounts.CreatePartnerAsync(FiodPartner, "FIOD Linkage", "fiod", [new("riec", "medewerker")]);
        await accounts.CreatePartnerAsync(OmPartner, "OM Linkage", "om", [new("riec", "medewerker")]);
        await accounts.CreateSystemClientAsync(Gemeente, GemeentePartner, TestAccounts.Secret, ["signals", "linkage", "audit"], isDemo: false);
        await accounts.CreateSystemClientAsync(Politie, PolitiePartner, TestAccounts.Secret, ["signals", "linkage"], isDemo: false);
        await accounts.CreateSystemClientAsync(Fiod, FiodPartner, TestAccounts.Secret, ["signals", "linkage"], isDemo: false);
        await accounts.CreateSystemClientAsync(Om, OmPartner, TestAccounts.Secret, ["signals", "linkage"], isDemo: false);
    });
}

/// <summary>SQLite file + local documents.</summary>
public sealed class SqliteLinkageHub : ILinkageHub, IAsyncLifetime
{
    public HubFactory Factory { get; } = new(LinkagePartners.Settings);

    public bool IsPostgres => false;

    public async Task InitializeAsync() => await LinkagePartners.SeedAsync(Factory.Services);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A fresh PostgreSQL database.</summary>
public sealed class PostgresLinkageHub : ILinkageHub, IAsyncLifetime, IDisposable
{
    private readonly PostgresDatabase _database = new();
    private HubFactory? _factory;

    public HubFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public bool IsPostgres => true;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new HubFactory(new Dictionary<string, string?>(LinkagePartners.Settings, StringComparer.Ordinal)
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Hub"] = _database.ConnectionString,
        });
        await LinkagePartners.SeedAsync(Factory.Services);
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

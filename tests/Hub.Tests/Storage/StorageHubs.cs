using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Storage;

/// <summary>A hub on one storage provider, for the storage contract tests.</summary>
public interface IStorageHub
{
    HubFactory Factory { get; }
}

/// <summary>The hub on its embedded default: a SQLite file in a temp directory.</summary>
public sealed class SqliteStorageHub : IStorageHub, IAsyncLifetime
{
    public HubFactory Factory { get; } = new();

    public async Task InitializeAsync() => await TestAccounts.SeedStandardAsync(Factory.Services);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The hub on a fresh PostgreSQL database (migrated at start-up by the hub itself).</summary>
public sealed class PostgresStorageHub : IStorageHub, IAsyncLifetime, IDisposable
{
    private readonly PostgresDatabase _database = new();
    private HubFactory? _factory;

    public HubFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new HubFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Hub"] = _database.ConnectionString,
        });
        await TestAccounts.SeedStandardAsync(Factory.Services);
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

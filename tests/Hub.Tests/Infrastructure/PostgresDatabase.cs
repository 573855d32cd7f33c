using Npgsql;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>A fresh, empty database on the test PostgreSQL server, dropped again on dispose.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _name = "hub_test_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE DATABASE " + _name, admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = _name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS " + _name + " WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

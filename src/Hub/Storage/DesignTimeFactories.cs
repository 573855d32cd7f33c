using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SharingHub.Hub.Storage;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteHubDbContext</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHubDbContext>
{
    public SqliteHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresHubDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHubDbContext>
{
    public PostgresHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

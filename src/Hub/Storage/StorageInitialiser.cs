using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Hosting;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Prepares the database before the server accepts requests (<see cref="IHostedLifecycleService.StartingAsync"/>):
/// SQLite gets WAL mode, then pending migrations are applied.
/// </summary>
internal sealed partial class StorageInitialiser(
    IServiceScopeFactory scopes, StorageOptions options, HubPaths paths, ILogger<StorageInitialiser> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
            {
                Directory.CreateDirectory(directory);
            }
        }

        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        LogReady(logger, db.Database.ProviderName ?? "unknown", paths.DataDirectory);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Database ready ({Provider}); data directory {DataDirectory}")]
    private static partial void LogReady(ILogger logger, string provider, string dataDirectory);
}

using Microsoft.Data.Sqlite;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Moves SQLite's WAL checkpoints off the request path. With the default auto-checkpoint (every 1,000 WAL pages) the commit
/// that crosses the threshold copies the log into the database file and fsyncs it before it returns; at ingress that commit
/// runs inside the per-convenant gate, so batches of new subjects paid for checkpoints there (about 80 ms per 1,000 signals,
/// measured; a timer every second was too slow at ingress rates, the log grew past the safety net and commits checkpointed
/// anyway). Here a background loop looks at the size of the WAL file every <see cref="StorageOptions.SqliteCheckpointInterval"/>
/// (a stat, nothing more) and, once it holds <see cref="ThresholdBytes"/> or more, runs <c>PRAGMA wal_checkpoint(PASSIVE)</c>
/// on its own connection: that never waits for readers or writers, and the next writer restarts the log once everything is
/// copied. Request connections keep a high auto-checkpoint threshold (<see cref="SqlitePragmas"/>) only as a safety net.
/// One instance per SQLite file: hub.db (storage) and the audit trail's audit.db (<see cref="Audit.Storage.SqliteAuditStore"/>,
/// whose commits, fsync'd one by one, otherwise checkpointed about every 1,000-signal ingress batch themselves).
/// </summary>
internal sealed partial class SqliteCheckpointer(
    SqliteCheckpointer.Target target, StorageOptions options, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The WAL size at which a checkpoint runs: 4 MiB, SQLite's own default of 1,000 pages of 4 KiB.</summary>
    public const long ThresholdBytes = 4L * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = target.ConnectionString;
        var wal = new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";
        using var timer = new PeriodicTimer(options.SqliteCheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var file = new FileInfo(wal);
                    if (file.Exists && file.Length >= ThresholdBytes)
                    {
                        await CheckpointAsync(connectionString, stoppingToken).ConfigureAwait(false);
                    }
                }
#pragma warning disable CA1031 // A failed checkpoint is logged (type only) and retried on the next tick; writers fall back to auto-checkpoints.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogCheckpointFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>One passive checkpoint; returns the WAL frames still not copied (0 when the log is fully checkpointed).</summary>
    internal static async Task<long> CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    // Columns: busy (0/1), frames in the WAL, frames checkpointed (-1, -1 when not in WAL mode).
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(1) >= 0
                        ? reader.GetInt64(1) - reader.GetInt64(2)
                        : 0;
                }
            }
        }
    }

    /// <summary>The hub's SQLite connection string (registered with the checkpointer; SQLite only).</summary>
    internal sealed record Target(string ConnectionString);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "A background SQLite checkpoint failed ({ExceptionType}); retrying on the next tick")]
    private static partial void LogCheckpointFailed(ILogger logger, string exceptionType);
}

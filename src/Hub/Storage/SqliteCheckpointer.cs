using Microsoft.Data.Sqlite;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Moves SQLite's WAL checkpoints off the request path and batches them. With the default auto-checkpoint (every 1,000 WAL
/// pages) the commit that crosses the threshold copies the log into the database file and fsyncs it before it returns; at
/// ingress that commit runs inside the per-convenant gate, so batches of new subjects paid for checkpoints there (about 80 ms
/// per 1,000 signals, measured). Here a background loop checkpoints on its own connection every
/// <see cref="StorageOptions.SqliteCheckpointInterval"/> (500 ms by default) when the WAL file was written since the last
/// look (a stat, nothing more); see <see cref="CheckpointAsync"/> for what one checkpoint does.
/// <para>
/// Why not after every commit: a checkpoint copies each page once, however many commits rewrote it. A batch of 1,000 new
/// subjects writes about 4,200 pages to the WAL, most of them random index pages, and the next batches rewrite many of the
/// same pages, so one checkpoint per several batches copies far fewer pages than one per batch (docs/PERFORMANCE.md, session
/// 8). Request connections keep a high auto-checkpoint threshold (<see cref="SqlitePragmas.AutoCheckpointPages"/>) only as a
/// safety net for when this loop falls behind or fails.
/// </para>
/// One instance per SQLite file: hub.db (storage) and the audit trail's audit.db (<see cref="Audit.Storage.SqliteAuditStore"/>,
/// whose commits, fsync'd one by one, otherwise checkpointed about every 1,000-signal ingress batch themselves).
/// </summary>
internal sealed partial class SqliteCheckpointer(
    SqliteCheckpointer.Target target, StorageOptions options, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>
    /// WAL frames (4 KiB pages) from which a checkpoint also makes sure the log restarts: 16,384 (64 MiB). Only a writer that
    /// begins while the whole log is copied starts it again from its beginning, and under steady ingress a commit nearly always
    /// lands while a passive checkpoint copies. Without this pass hub.db's WAL file reached 555-595 MB in one load protocol
    /// (eight runs of 40,000 signals), and commits hit the safety net and checkpointed inside the request.
    /// </summary>
    public const long RestartFrames = 16_384;

    /// <summary>
    /// How long the restarting checkpoint waits for the write lock and for readers still in the log (milliseconds). Writers
    /// wait while it holds the lock (request connections wait up to 10 s, <see cref="SqlitePragmas"/>); it copies only what the
    /// passive pass before it left, the commits of that pass's last milliseconds. When it cannot get the lock in time it gives
    /// up, and the next tick tries again.
    /// </summary>
    public const int RestartWaitMilliseconds = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = target.ConnectionString;
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var wal = new WalFile(database + "-wal");
        var name = Path.GetFileName(database);
        using var timer = new PeriodicTimer(options.SqliteCheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // Looked at before the checkpoint: a commit that lands while it runs changes the file again, so the next tick copies it.
                if (!wal.WrittenSinceLastLook())
                {
                    continue;
                }

                try
                {
                    var result = await CheckpointAsync(connectionString, stoppingToken).ConfigureAwait(false);
                    if (result.Remaining > 0)
                    {
                        wal.Forget(); // a reader held frames back: try again on the next tick even if nothing is written meanwhile
                    }

                    LogCheckpoint(logger, name, result.PassiveFrames, result.Frames, result.Copied, result.Restart);
                }
#pragma warning disable CA1031 // A failed checkpoint is logged (type only) and retried on the next tick; writers fall back to auto-checkpoints.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    wal.Forget();
                    LogCheckpointFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>
    /// One checkpoint: a passive pass, which copies what it can and waits for nobody; then, when the log holds
    /// <see cref="RestartFrames"/> or more, a <c>RESTART</c> pass, which takes the write lock (waiting at most
    /// <see cref="RestartWaitMilliseconds"/>, or <paramref name="restartWaitMilliseconds"/>), copies the rest and waits until
    /// no reader uses the log, so that the next writer starts it again from its beginning.
    /// </summary>
    internal static async Task<CheckpointResult> CheckpointAsync(
        string connectionString, CancellationToken cancellationToken, int restartWaitMilliseconds = RestartWaitMilliseconds)
    {
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var (_, frames, copied) = await RunAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken).ConfigureAwait(false);
            if (frames < RestartFrames)
            {
                return new CheckpointResult(frames, frames, copied, RestartOutcome.NotNeeded);
            }

            // This connection goes back to the pool with this short wait; every other user sets its own when it opens one
            // (SqlitePragmas for hub.db, the audit store for audit.db).
            var timeout = connection.CreateCommand();
            await using (timeout.ConfigureAwait(false))
            {
                timeout.CommandText = "PRAGMA busy_timeout=" + restartWaitMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
                await timeout.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var (busy, restartFrames, restartCopied) = await RunAsync(connection, "PRAGMA wal_checkpoint(RESTART);", cancellationToken).ConfigureAwait(false);
            return new CheckpointResult(frames, restartFrames, restartCopied, busy ? RestartOutcome.Busy : RestartOutcome.Done);
        }
    }

    private static async Task<(bool Busy, long Frames, long Copied)> RunAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                // Columns: busy (1: a RESTART could not finish in time), frames in the WAL, frames copied (-1, -1 when not in WAL mode).
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(1) >= 0
                    ? (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2))
                    : (false, 0, 0);
            }
        }
    }

    /// <summary>What one checkpoint did.</summary>
    /// <param name="PassiveFrames">Frames in the WAL when the passive pass ran.</param>
    /// <param name="Frames">Frames in the WAL after the last pass.</param>
    /// <param name="Copied">Of those, copied into the database file.</param>
    /// <param name="Restart">Whether a restarting pass ran, and whether it finished.</param>
    internal readonly record struct CheckpointResult(long PassiveFrames, long Frames, long Copied, RestartOutcome Restart)
    {
        /// <summary>WAL frames still not copied (0 when the log is fully checkpointed).</summary>
        public long Remaining => Frames - Copied;
    }

    /// <summary>The restarting pass of a checkpoint.</summary>
    internal enum RestartOutcome
    {
        /// <summary>The log was below <see cref="RestartFrames"/>: no restarting pass.</summary>
        NotNeeded,

        /// <summary>Copied everything and no reader uses the log: the next writer starts it again from its beginning.</summary>
        Done,

        /// <summary>A writer or a reader did not let go within <see cref="RestartWaitMilliseconds"/>; the next tick tries again.</summary>
        Busy,
    }

    /// <summary>
    /// Whether a WAL file was written since the last look: its length and last write time against those seen then. A missing
    /// file counts as unwritten. The first look after start (or after <see cref="Forget"/>) sees a change. A commit that leaves
    /// the length as it was within one tick of the file system's clock after a look is missed; it stays in the WAL, durable,
    /// and is copied with the next write.
    /// </summary>
    internal sealed class WalFile(string path)
    {
        private (long Length, DateTime Written)? _seen;

        public bool WrittenSinceLastLook()
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                _seen = null;
                return false;
            }

            var now = (file.Length, file.LastWriteTimeUtc);
            var changed = _seen != now;
            _seen = now;
            return changed;
        }

        /// <summary>Makes the next look see a change (after a failed checkpoint, so that it is retried).</summary>
        public void Forget() => _seen = null;
    }

    /// <summary>The hub's SQLite connection string (registered with the checkpointer; SQLite only).</summary>
    internal sealed record Target(string ConnectionString);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "SQLite checkpoint of {Database}: {PassiveFrames} WAL frames at the passive pass; {Copied} of {Frames} copied; restart {Restart}")]
    private static partial void LogCheckpoint(ILogger logger, string database, long passiveFrames, long frames, long copied, RestartOutcome restart);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "A background SQLite checkpoint failed ({ExceptionType}); retrying on the next tick")]
    private static partial void LogCheckpointFailed(ILogger logger, string exceptionType);
}

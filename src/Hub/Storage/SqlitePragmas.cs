using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Per-connection SQLite settings for write-heavy ingress: <c>synchronous=NORMAL</c> (safe with WAL: a power loss can
/// lose the last commits, never corrupt the database), a 64 MiB page cache (random-key index inserts stay in memory),
/// in-memory temp storage, a high auto-checkpoint threshold (checkpoints run in the background, <see cref="SqliteCheckpointer"/>)
/// and a WAL size limit (<see cref="JournalSizeLimitBytes"/>).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The WAL settings of every hub SQLite connection, hub.db and audit.db: the auto-checkpoint safety net and the WAL size limit.</summary>
    public static readonly string WalPragmas = "PRAGMA wal_autocheckpoint=" + AutoCheckpointPages.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "; PRAGMA journal_size_limit=" + JournalSizeLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";

    // Declared after WalPragmas: static fields initialise in order.
    private static readonly string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=10000; " + WalPragmas;

    /// <summary>
    /// WAL pages (4 KiB) after which a committing connection checkpoints itself: 512 MiB, a safety net only; normally
    /// <see cref="SqliteCheckpointer"/> checkpoints in the background long before (SQLite's default is 1,000 pages). A batch of
    /// 1,000 new subjects writes about 4,200 pages to hub.db's WAL; at 10,000 signals/s the background checkpointer found
    /// 20,000-52,000 frames in the log (its copy and fsync take a few hundred milliseconds, so ticks stretch), and the file
    /// peaked at 233-321 MB. A lower net (256 MiB) was hit now and then and cost throughput: that checkpoint runs inside the
    /// committing request (docs/PERFORMANCE.md, session 8).
    /// </summary>
    public const int AutoCheckpointPages = 131_072;

    /// <summary>
    /// The size (256 MiB) to which a WAL file that grew larger (a burst, or readers that held the log) is cut back when the
    /// next writer restarts it after a checkpoint; below it the file is reused in place. SQLite's default keeps the largest
    /// size the log ever reached. Above the usual peak of steady ingress, so that the file is not cut and grown again every
    /// few seconds.
    /// </summary>
    public const long JournalSizeLimitBytes = 256L * 1024 * 1024;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

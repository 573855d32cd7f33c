using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Per-connection SQLite settings for write-heavy ingress: <c>synchronous=NORMAL</c> (safe with WAL: a power loss can
/// lose the last commits, never corrupt the database), a 64 MiB page cache (random-key index inserts stay in memory),
/// in-memory temp storage, and a high auto-checkpoint threshold (checkpoints run in the background, <see cref="SqliteCheckpointer"/>).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=" + AutoCheckpointPages.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";

    /// <summary>
    /// WAL pages (4 KiB) after which a committing connection checkpoints itself: 64 MiB, a safety net only; normally
    /// <see cref="SqliteCheckpointer"/> checkpoints in the background long before (SQLite's default is 1,000 pages).
    /// </summary>
    public const int AutoCheckpointPages = 16_384;

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

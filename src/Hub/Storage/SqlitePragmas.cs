using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Per-connection SQLite settings for write-heavy ingress: <c>synchronous=NORMAL</c> (safe with WAL: a power loss can
/// lose the last commits, never corrupt the database), a 64 MiB page cache (random-key index inserts stay in memory)
/// and in-memory temp storage.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";

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

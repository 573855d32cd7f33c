using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SharingHub.Hub.Audit.Storage;

/// <summary>
/// The audit log in its own SQLite file (default <c>audit.db</c> beside hub.db), so its pragmas do not slow the
/// hub's database: WAL journal and <c>synchronous=FULL</c> (every commit is fsync'd before it returns).
/// </summary>
internal sealed class SqliteAuditStore(string connectionString) : AuditStore
{
    public string ConnectionString { get; } = connectionString;

    protected override IReadOnlyList<string> SchemaV1 => AuditSchema.SqliteV1;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS audit_bootstrap_lock (id INTEGER PRIMARY KEY); INSERT OR IGNORE INTO audit_bootstrap_lock VALUES (1);", cancellationToken);

    public override async Task AppendAsync(IReadOnlyList<PendingEntry> entries, long firstIndex, long loggedAtMs, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        using var wide = InsertCommand(connection, transaction, RowsPerStatement, loggedAtMs);
        using var single = InsertCommand(connection, transaction, 1, loggedAtMs);
        var offset = 0;
        while (offset < entries.Count)
        {
            var command = entries.Count - offset >= RowsPerStatement ? wide : single;
            var rows = command == wide ? RowsPerStatement : 1;
            for (var row = 0; row < rows; row++)
            {
                var entry = entries[offset + row];
                var parameters = command.Parameters;
                parameters[(row * 4) + 0].Value = firstIndex + offset + row;
                parameters[(row * 4) + 1].Value = entry.Record;
                parameters[(row * 4) + 2].Value = entry.LeafHash;
                parameters[(row * 4) + 3].Value = entry.SubjectKey;
            }

            command.ExecuteNonQuery();
            offset += rows;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Multi-row INSERT: one statement per 64 rows cuts the per-statement overhead of the provider.
    private const int RowsPerStatement = 64;

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction, int rows, long loggedAtMs)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new System.Text.StringBuilder("INSERT INTO audit_entries (idx, record, leaf_hash, subject_key, logged_at) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"($i{row}, $r{row}, $h{row}, $s{row}, $t)");
            command.Parameters.Add("$i" + row, SqliteType.Integer);
            command.Parameters.Add("$r" + row, SqliteType.Blob);
            command.Parameters.Add("$h" + row, SqliteType.Blob);
            command.Parameters.Add("$s" + row, SqliteType.Integer);
        }

        command.Parameters.Add("$t", SqliteType.Integer).Value = loggedAtMs;
#pragma warning disable CA2100 // Built from constants and generated parameter names; every value is a parameter.
        command.CommandText = values.ToString();
#pragma warning restore CA2100
        command.Prepare();
        return command;
    }
}

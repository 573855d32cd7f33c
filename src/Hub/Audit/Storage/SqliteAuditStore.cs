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
        var insert = connection.CreateCommand();
        await using var insertDisposal = insert.ConfigureAwait(false);
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO audit_entries (idx, record, leaf_hash, subject_id, operation, logged_at) VALUES ($i, $r, $h, $s, $o, $t)";
        var index = insert.Parameters.Add("$i", SqliteType.Integer);
        var record = insert.Parameters.Add("$r", SqliteType.Blob);
        var hash = insert.Parameters.Add("$h", SqliteType.Blob);
        var subject = insert.Parameters.Add("$s", SqliteType.Text);
        var operation = insert.Parameters.Add("$o", SqliteType.Text);
        insert.Parameters.Add("$t", SqliteType.Integer).Value = loggedAtMs;
        insert.Prepare();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            index.Value = firstIndex + i;
            record.Value = entry.Record;
            hash.Value = entry.LeafHash;
            subject.Value = entry.SubjectId;
            operation.Value = entry.Operation;
            insert.ExecuteNonQuery();
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

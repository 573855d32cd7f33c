using System.Data.Common;
using Microsoft.Data.Sqlite;
using SharingHub.Hub.Storage;
using SQLitePCL;

namespace SharingHub.Hub.Audit.Storage;

/// <summary>
/// The audit log in its own SQLite file (default <c>audit.db</c> beside hub.db), so its pragmas do not slow the
/// hub's database: WAL journal and <c>synchronous=FULL</c> (every commit is fsync'd before it returns). WAL checkpoints run
/// in the background (<see cref="SqliteCheckpointer"/>, registered with the audit log); a committing connection checkpoints
/// itself only past <see cref="SqlitePragmas.AutoCheckpointPages"/>, as a safety net.
/// </summary>
internal sealed class SqliteAuditStore(string connectionString) : AuditStore
{
    private static readonly string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; "
        + SqlitePragmas.WalPragmas;

    public string ConnectionString { get; } = connectionString;

    protected override IReadOnlyList<string> SchemaV1 => AuditSchema.SqliteV1;

    protected override IReadOnlyList<string> SchemaV2 => AuditSchema.V2;

    protected override string FindBySubjectSql => AuditSchema.SqliteFindBySubject;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, Pragmas, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS audit_bootstrap_lock (id INTEGER PRIMARY KEY); INSERT OR IGNORE INTO audit_bootstrap_lock VALUES (1);", cancellationToken);

    public override async Task AppendAsync(IReadOnlyList<PendingEntry> entries, long firstIndex, long loggedAtMs, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        // BEGIN IMMEDIATE: the write lock is taken (or waited for, busy_timeout) here, before the raw inserts below.
        var transaction = connection.BeginTransaction(deferred: false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        Insert(connection.Handle!, entries, firstIndex, loggedAtMs);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // One prepared single-row INSERT, re-bound BY POSITION per row on the connection's own handle, inside its open transaction.
    // Measured cheaper than the provider's named parameters (it looks each name up with sqlite3_bind_parameter_index, a scan of
    // every name, and boxes every value) and than multi-row statements bound by position: docs/PERFORMANCE.md, "Audit trail".
    private const string InsertSql = "INSERT INTO audit_entries (idx, record, leaf_hash, subject_key, logged_at) VALUES (?1, ?2, ?3, ?4, ?5)";

    private static void Insert(sqlite3 db, IReadOnlyList<PendingEntry> entries, long firstIndex, long loggedAtMs)
    {
        Check(db, raw.sqlite3_prepare_v2(db, InsertSql, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_int64(statement, 5, loggedAtMs));
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                Check(db, raw.sqlite3_bind_int64(statement, 1, firstIndex + i));
                Check(db, raw.sqlite3_bind_blob(statement, 2, entry.Record));
                Check(db, raw.sqlite3_bind_blob(statement, 3, entry.LeafHash));
                Check(db, raw.sqlite3_bind_int64(statement, 4, entry.SubjectKey));
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(done, db);
                }

                Check(db, raw.sqlite3_reset(statement));
            }
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}

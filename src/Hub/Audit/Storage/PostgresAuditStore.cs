using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace SharingHub.Hub.Audit.Storage;

/// <summary>
/// The audit log in the hub's PostgreSQL database, in its own schema <c>audit</c> (the connection's search path), apart
/// from the EF-managed tables; batches go in with binary COPY.
/// </summary>
internal sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : AuditStore
{
    public const string Schema = "audit";

    /// <summary>A store on <paramref name="connectionString"/> with the search path set to the audit schema.</summary>
    public static PostgresAuditStore Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema };
        return new PostgresAuditStore(NpgsqlDataSource.Create(builder.ConnectionString));
    }

    private const long SchemaLockKey = 0x5348_3335_3030; // "SH3500"

    protected override IReadOnlyList<string> SchemaV1 => AuditSchema.PostgresV1;

    protected override IReadOnlyList<string> SchemaV2 => AuditSchema.V2;

    protected override string FindBySubjectSql => AuditSchema.PostgresFindBySubject;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        await using var commandDisposal = command.ConfigureAwait(false);
        Add(command, "@key", SchemaLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE SCHEMA IF NOT EXISTS " + Schema, cancellationToken).ConfigureAwait(false);
    }

    public override async Task AppendAsync(IReadOnlyList<PendingEntry> entries, long firstIndex, long loggedAtMs, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var importer = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (idx, record, leaf_hash, subject_key, logged_at) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(firstIndex + i, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.Record, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.LeafHash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.SubjectKey, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(loggedAtMs, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Data.Common;

namespace SharingHub.Hub.Audit.Storage;

/// <summary>
/// The audit log's storage over raw ADO.NET (no EF: speed, and no migration shared with the hub's schema).
/// <see cref="SqliteAuditStore"/> (a separate <c>audit.db</c>, WAL, synchronous=FULL) or <see cref="PostgresAuditStore"/>.
/// </summary>
internal abstract class AuditStore
{
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract IReadOnlyList<string> SchemaV1 { get; }

    /// <summary>Version 2: the subject index per region of entries (<see cref="AuditSchema.RegionBits"/>).</summary>
    protected abstract IReadOnlyList<string> SchemaV2 { get; }

    /// <summary>The query behind <see cref="FindBySubjectAsync"/> (parameter <c>@subject</c>; uses the version-2 index).</summary>
    protected abstract string FindBySubjectSql { get; }

    /// <summary>Serialises concurrent bootstraps (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock).</summary>
    protected abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Writes one batch, indices <paramref name="firstIndex"/>.., in ONE transaction; returns once committed durably.</summary>
    public abstract Task AppendAsync(IReadOnlyList<PendingEntry> entries, long firstIndex, long loggedAtMs, CancellationToken cancellationToken);

    /// <summary>Creates or upgrades the schema; idempotent.</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        await LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, AuditSchema.VersionTable, cancellationToken).ConfigureAwait(false);
        var version = await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM audit_schema_version", cancellationToken).ConfigureAwait(false);
        (int Version, IReadOnlyList<string> Statements)[] steps = [(1, SchemaV1), (2, SchemaV2)];
        foreach (var (stepVersion, statements) in steps)
        {
            if (version >= stepVersion)
            {
                continue;
            }

            foreach (var statement in statements)
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            var insert = Command(connection, transaction, "INSERT INTO audit_schema_version (version, applied_at) VALUES (@v, @t)");
            await using var insertDisposal = insert.ConfigureAwait(false);
            Add(insert, "@v", (long)stepVersion);
            Add(insert, "@t", 0L);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams every leaf hash in index order; throws when an index is missing (a deleted row).</summary>
    public async Task LoadLeafHashesAsync(Action<byte[]> sink, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null, "SELECT idx, leaf_hash FROM audit_entries ORDER BY idx");
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var expected = 0L;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = reader.GetInt64(0);
            if (index != expected)
            {
                throw new InvalidDataException($"Audit log gap: entry {expected} is missing.");
            }

            sink((byte[])reader.GetValue(1));
            expected++;
        }
    }

    public async Task<IReadOnlyList<StoredEntry>> ReadEntriesAsync(long from, int count, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null,
            "SELECT idx, record, leaf_hash FROM audit_entries WHERE idx >= @from ORDER BY idx LIMIT @count");
        await using var commandDisposal = command.ConfigureAwait(false);
        Add(command, "@from", from);
        Add(command, "@count", (long)count);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries whose subject key matches <paramref name="subjectId"/>; callers re-check the record's subject (key collisions).</summary>
    public async Task<IReadOnlyList<StoredEntry>> FindBySubjectAsync(string subjectId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null, FindBySubjectSql);
        await using var commandDisposal = command.ConfigureAwait(false);
        Add(command, "@subject", PendingEntry.KeyOf(subjectId));

        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null,
            "INSERT INTO audit_checkpoints (size, root, note, signed_at) VALUES (@size, @root, @note, @at)");
        await using var commandDisposal = command.ConfigureAwait(false);
        Add(command, "@size", checkpoint.Size);
        Add(command, "@root", checkpoint.Root);
        Add(command, "@note", checkpoint.Note);
        Add(command, "@at", checkpoint.SignedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The checkpoint of <paramref name="size"/>, or the latest one when null.</summary>
    public async Task<StoredCheckpoint?> FindCheckpointAsync(long? size, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null, size is null
            ? "SELECT size, root, note, signed_at FROM audit_checkpoints ORDER BY size DESC LIMIT 1"
            : "SELECT size, root, note, signed_at FROM audit_checkpoints WHERE size = @size");
        await using var commandDisposal = command.ConfigureAwait(false);
        if (size is { } s)
        {
            Add(command, "@size", s);
        }

        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredCheckpoint(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    /// <summary>Stores a witness cosignature line (replacing an earlier one of the same witness for that size).</summary>
    public async Task SaveCosignatureAsync(long size, string witness, string line, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var delete = Command(connection, transaction, "DELETE FROM audit_cosignatures WHERE size = @size AND witness = @witness");
        await using (delete.ConfigureAwait(false))
        {
            Add(delete, "@size", size);
            Add(delete, "@witness", witness);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var insert = Command(connection, transaction,
            "INSERT INTO audit_cosignatures (size, witness, line, received_at) VALUES (@size, @witness, @line, @at)");
        await using (insert.ConfigureAwait(false))
        {
            Add(insert, "@size", size);
            Add(insert, "@witness", witness);
            Add(insert, "@line", line);
            Add(insert, "@at", at.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> CosignaturesAsync(long size, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null, "SELECT line FROM audit_cosignatures WHERE size = @size ORDER BY witness");
        await using var commandDisposal = command.ConfigureAwait(false);
        Add(command, "@size", size);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    public async Task<StoredSigningKey?> LoadSigningKeyAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = Command(connection, null, "SELECT name, public_key, protected_private_key FROM audit_signing_keys WHERE name = @name");
        await using var commandDisposal = command.ConfigureAwait(false);
        Add(command, "@name", name);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredSigningKey(reader.GetString(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2))
            : null;
    }

    /// <summary>Inserts the key unless one of that name exists (a concurrent start-up won); returns the stored key.</summary>
    public async Task<StoredSigningKey> SaveSigningKeyAsync(StoredSigningKey key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null,
                "INSERT INTO audit_signing_keys (name, public_key, protected_private_key, created_at) VALUES (@name, @pub, @priv, @at) ON CONFLICT (name) DO NOTHING");
            await using var commandDisposal = command.ConfigureAwait(false);
            Add(command, "@name", key.Name);
            Add(command, "@pub", key.PublicKey);
            Add(command, "@priv", key.ProtectedPrivateKey);
            Add(command, "@at", at.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await LoadSigningKeyAsync(key.Name, cancellationToken).ConfigureAwait(false) ?? key;
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from constants and generated parameter names only; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    protected static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql);
        await using var commandDisposal = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql);
        await using var commandDisposal = command.ConfigureAwait(false);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<StoredEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var entries = new List<StoredEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new StoredEntry(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2)));
        }

        return entries;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Storage;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>The store contract on both providers: idempotent bootstrap, batches, append-only triggers.</summary>
public abstract class AuditStoreContract
{
    internal abstract AuditStore Store { get; }

    protected abstract Task<DbConnection> OpenRawAsync();

    /// <summary>One text column of every row a query returns (plans, index names).</summary>
    protected static async Task<List<string>> ColumnAsync(DbCommand command, int column = 0)
    {
        ArgumentNullException.ThrowIfNull(command);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(column));
        }

        return values;
    }

    [Fact]
    public async Task Initialise_Twice_IsIdempotentAndRecordsVersions1And2()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await Store.InitialiseAsync(CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM audit_schema_version";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2L, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2L, Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The version-1 schema statements of this provider (for the upgrade test).</summary>
    internal abstract IReadOnlyList<string> Version1 { get; }

    [Fact]
    public async Task FindBySubject_EntriesInSeveralIndexRegions_AllFoundInOrder()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        // 40,000 entries span three regions of 16,384; the subject has one entry in each and two in the last.
        int[] mine = [5, 16_390, 32_768, 39_999];
        var entries = Enumerable.Range(0, 40_000).Select(i =>
        {
            var record = System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}");
            return new PendingEntry(record, Rfc6962.HashLeaf(record), PendingEntry.KeyOf(mine.Contains(i) ? "p1.1.target" : "p1.1.x" + i));
        }).ToList();
        await Store.AppendAsync(entries.Take(20_000).ToList(), 0, 1, CancellationToken.None);
        await Store.AppendAsync(entries.Skip(20_000).ToList(), 20_000, 2, CancellationToken.None);

        var found = await Store.FindBySubjectAsync("p1.1.target", CancellationToken.None);

        Assert.Equal(mine.Select(i => (long)i), found.Select(e => e.Index));
        Assert.Equal(entries[16_390].Record, found[1].Record);
        Assert.Empty(await Store.FindBySubjectAsync("p1.1.nobody", CancellationToken.None));
    }

    [Fact]
    public async Task Initialise_Version1Store_UpgradedAndEarlierEntriesFoundBySubject()
    {
        await using (var connection = await OpenRawAsync())
        {
            foreach (var statement in Version1.Append(AuditSchema.VersionTable).Append("INSERT INTO audit_schema_version (version, applied_at) VALUES (1, 0)"))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync();
            }
        }

        await Store.AppendAsync(Entries(0, 40), 0, 1, CancellationToken.None);

        await Store.InitialiseAsync(CancellationToken.None);

        var found = await Store.FindBySubjectAsync("p1.1.x17", CancellationToken.None);
        Assert.Equal([17L], found.Select(e => e.Index));
        await using var check = await OpenRawAsync();
        await using var versions = check.CreateCommand();
        versions.CommandText = "SELECT COUNT(*), MAX(version) FROM audit_schema_version";
        await using var reader = await versions.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2L, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2L, Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Append_Batch_IsReadBackInOrder()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await Store.AppendAsync(Entries(0, 3), 0, 1, CancellationToken.None);
        await Store.AppendAsync(Entries(3, 2), 3, 2, CancellationToken.None);
        var entries = await Store.ReadEntriesAsync(1, 10, CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Index));
        Assert.Equal(Rfc6962.HashLeaf(entries[0].Record), entries[0].LeafHash);
        var hashes = new List<byte[]>();
        await Store.LoadLeafHashesAsync(hashes.Add, CancellationToken.None);
        Assert.Equal(5, hashes.Count);
    }

    [Fact]
    public async Task Append_DuplicateIndex_FailsWholeBatch()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await Store.AppendAsync(Entries(0, 2), 0, 1, CancellationToken.None);
        await Assert.ThrowsAnyAsync<DbException>(() => Store.AppendAsync(Entries(2, 3), 1, 1, CancellationToken.None));
        Assert.Equal(2, (await Store.ReadEntriesAsync(0, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Append_LargeBatch_StoresEveryColumnOfEveryRow()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        var entries = Entries(0, 133);
        await Store.AppendAsync(entries, 0, 1_764_063_000_123, CancellationToken.None);

        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, record, leaf_hash, subject_key, logged_at FROM audit_entries ORDER BY idx";
        await using var reader = await command.ExecuteReaderAsync();
        var row = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal(row, reader.GetInt64(0));
            Assert.Equal(entries[row].Record, (byte[])reader.GetValue(1));
            Assert.Equal(entries[row].LeafHash, (byte[])reader.GetValue(2));
            Assert.Equal(entries[row].SubjectKey, reader.GetInt64(3));
            Assert.Equal(1_764_063_000_123, reader.GetInt64(4));
            row++;
        }

        Assert.Equal(133, row);
    }

    [Fact]
    public async Task Append_DuplicateIndexInsideLargeBatch_FailsWholeBatch()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await Store.AppendAsync(Entries(100, 1), 100, 1, CancellationToken.None);

        await Assert.ThrowsAnyAsync<DbException>(() => Store.AppendAsync(Entries(0, 200), 0, 1, CancellationToken.None));

        var stored = await Store.ReadEntriesAsync(0, 300, CancellationToken.None);
        Assert.Equal([100L], stored.Select(e => e.Index));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET subject_key = 1 WHERE idx = 0")]
    [InlineData("DELETE FROM audit_entries WHERE idx = 0")]
    [InlineData("UPDATE audit_checkpoints SET note = 'x'")]
    [InlineData("DELETE FROM audit_checkpoints")]
    public async Task Trigger_UpdateOrDelete_IsRejected(string sql)
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await Store.AppendAsync(Entries(0, 1), 0, 1, CancellationToken.None);
        await Store.SaveCheckpointAsync(new StoredCheckpoint(1, new byte[32], "note\n", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var error = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("SH3521", error.Message, StringComparison.Ordinal);
        Assert.Single(await Store.ReadEntriesAsync(0, 10, CancellationToken.None));
    }

    internal static List<PendingEntry> Entries(int first, int count) => Enumerable.Range(first, count).Select(i =>
    {
        var record = System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}");
        return new PendingEntry(record, Rfc6962.HashLeaf(record), PendingEntry.KeyOf("p1.1.x" + i));
    }).ToList();
}

public sealed class SqliteAuditStoreTests : AuditStoreContract, IDisposable
{
    private readonly string _directory = TempDirectory.Create("audit-store");
    private readonly SqliteAuditStore _store;

    public SqliteAuditStoreTests() =>
        _store = new SqliteAuditStore(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "audit.db") }.ToString());

    internal override AuditStore Store => _store;

    internal override IReadOnlyList<string> Version1 => AuditSchema.SqliteV1;

    protected override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(_store.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task FindBySubject_Sqlite_SeeksTheRegionIndexAndTheSubjectIndexIsGone()
    {
        await _store.InitialiseAsync(CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN " + AuditSchema.SqliteFindBySubject;
        plan.Parameters.Add(new SqliteParameter("@subject", 1L));
        var details = await ColumnAsync(plan, 3);

        Assert.Contains("SEARCH audit_entries USING INDEX ix_audit_entries_region_subject (<expr>=? AND subject_key=?)", details);
        await using var indexes = connection.CreateCommand();
        indexes.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entries' AND sql IS NOT NULL ORDER BY name";
        var names = await ColumnAsync(indexes);

        Assert.Equal(["ix_audit_entries_region_subject"], names);
    }

    [Fact]
    public async Task Append_PastSqlitesDefaultCheckpointThreshold_CommitDoesNotCheckpointItself()
    {
        await _store.InitialiseAsync(CancellationToken.None);
        var record = new byte[3000];
        var entries = Enumerable.Range(0, 2000).Select(i => new PendingEntry(record, Rfc6962.HashLeaf(record), PendingEntry.KeyOf("p1.1.x" + i))).ToList();

        await _store.AppendAsync(entries, 0, 0, CancellationToken.None);

        // About 1,500 WAL pages: past SQLite's default of 1,000, below the safety net. The background checkpointer copies them.
        var database = Path.Combine(_directory, "audit.db");
        Assert.True(new FileInfo(database + "-wal").Length > 6_000_000, "the WAL does not hold the appended pages");
        Assert.True(new FileInfo(database).Length < 1_000_000, $"the commit checkpointed itself ({new FileInfo(database).Length} bytes in the file)");
        Assert.Equal(0, (await SqliteCheckpointer.CheckpointAsync(_store.ConnectionString, CancellationToken.None)).Remaining);
        Assert.True(new FileInfo(database).Length > 6_000_000, "the checkpoint did not copy the pages");
    }

    [Fact]
    public async Task Initialise_Database_UsesWalJournal()
    {
        await _store.InitialiseAsync(CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Trigger_Truncation_WithTriggersDropped_IsPossibleForAnAttacker()
    {
        // Documents the threat model: the triggers stop mistakes and the application, not the database owner.
        await _store.InitialiseAsync(CancellationToken.None);
        await _store.AppendAsync(Entries(0, 2), 0, 1, CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE idx = 1;";
        await command.ExecuteNonQueryAsync();
        Assert.Single(await _store.ReadEntriesAsync(0, 10, CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempDirectory.Delete(_directory);
    }
}

public sealed class PostgresAuditStoreTests : AuditStoreContract, IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private NpgsqlDataSource? _source;
    private PostgresAuditStore? _store;

    internal override AuditStore Store => _store!;

    internal override IReadOnlyList<string> Version1 => ["CREATE SCHEMA IF NOT EXISTS " + PostgresAuditStore.Schema, .. AuditSchema.PostgresV1];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { SearchPath = PostgresAuditStore.Schema }.ConnectionString);
        _store = new PostgresAuditStore(_source);
    }

    protected override async Task<DbConnection> OpenRawAsync() => await _source!.OpenConnectionAsync();

    [Fact]
    public async Task Initialise_CreatesTablesInTheAuditSchemaOnly()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_schema FROM information_schema.tables WHERE table_name = 'audit_entries'";
        Assert.Equal("audit", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task FindBySubject_Postgres_RegionIndexUsableAndTheSubjectIndexIsGone()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        await using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN " + AuditSchema.PostgresFindBySubject;
        plan.Parameters.Add(new NpgsqlParameter("subject", 1L));
        var text = string.Join('\n', await ColumnAsync(plan));

        Assert.Contains("Index Scan using ix_audit_entries_region_subject", text, StringComparison.Ordinal);
        Assert.Contains("((idx >> 14) = ANY (", text, StringComparison.Ordinal);
        await using var indexes = connection.CreateCommand();
        indexes.CommandText = "SELECT indexname FROM pg_indexes WHERE schemaname = 'audit' AND tablename = 'audit_entries' AND indexname <> 'audit_entries_pkey' ORDER BY indexname";
        var names = await ColumnAsync(indexes);

        Assert.Equal(["ix_audit_entries_region_subject"], names);
    }

    [Fact]
    public async Task Trigger_Truncate_IsRejected()
    {
        await Store.InitialiseAsync(CancellationToken.None);
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "TRUNCATE audit_entries";
        var error = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("SH3521", error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

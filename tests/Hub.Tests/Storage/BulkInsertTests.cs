using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Storage;

/// <summary>
/// <see cref="BulkInsert"/> binds SQLite values itself, by position on the raw statement. What it stores must be exactly what
/// EF stores for the same entities: same storage class and same value in every column (GUID text in upper case, booleans and
/// converted timestamps as integers, UTF-8 text, blobs, nulls).
/// </summary>
public sealed class BulkInsertTests : IDisposable
{
    private static readonly string[] Tables = ["subjects", "subject_keys", "subject_refs", "vault_data_keys", "signals", "signal_members", "subject_encodings"];

    private readonly string _directory = TempDirectory.Create("bulk-insert");

    [Fact]
    public async Task InsertAsync_EveryIngressEntityOnSqlite_StoresEveryColumnExactlyAsEfSaveChangesDoes()
    {
        await using (var db = await OpenAsync("ef.db"))
        {
            new BulkInsertRows().AddTo(db);
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync("bulk.db"))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await new BulkInsertRows().BulkInsertAsync(db);
            await transaction.CommitAsync();
        }

        foreach (var table in Tables)
        {
            var expected = await DumpAsync("ef.db", table);
            var actual = await DumpAsync("bulk.db", table);
            Assert.True(expected.Count >= 2, $"{table}: EF stored {expected.Count} row(s)");
            Assert.Equal(expected, actual);
        }

        var subjects = await DumpAsync("bulk.db", "subjects");
        Assert.Contains(subjects, row => row.StartsWith("Id=text:'" + BulkInsertRows.SubjectA.ToString("D").ToUpperInvariant() + "'|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InsertAsync_RowViolatesAConstraint_ThrowsAndTheRolledBackTransactionLeavesNoRow()
    {
        await using var db = await OpenAsync("violation.db");
        var rows = new BulkInsertRows();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, rows.Subjects, CancellationToken.None);
            var duplicate = rows.KeyTwice();

            var error = await Assert.ThrowsAsync<SqliteException>(() => BulkInsert.InsertAsync(db, duplicate, CancellationToken.None));

            Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
            Assert.DoesNotContain(rows.Keys[0].Pseudonym, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, await db.Subjects.CountAsync());
        Assert.Equal(0, await db.SubjectKeys.CountAsync());
    }

    [Fact]
    public async Task InsertAsync_OutsideATransaction_Refuses()
    {
        await using var db = await OpenAsync("no-transaction.db");

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(db, new BulkInsertRows().Subjects, CancellationToken.None));

        Assert.Equal(0, await db.Subjects.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempDirectory.Delete(_directory);
    }

    private async Task<SqliteHubDbContext> OpenAsync(string file)
    {
        var options = new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, file)}").Options;
        var db = new SqliteHubDbContext(options);
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>Every column of every row as <c>name=typeof:quote</c>, rows sorted.</summary>
    private async Task<List<string>> DumpAsync(string file, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, file)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"'{c}=' || typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM \"{table}\"";
        await using (var rowReader = await select.ExecuteReaderAsync())
        {
            while (await rowReader.ReadAsync())
            {
                rows.Add(rowReader.GetString(0));
            }
        }

        rows.Sort(StringComparer.Ordinal); // EF orders its inserts by key; the set of rows is what must match
        return rows;
    }
}

/// <summary>The same check on PostgreSQL, where <see cref="BulkInsert"/> streams the rows with binary COPY.</summary>
public sealed class BulkInsertPostgresTests : IAsyncLifetime
{
    private static readonly string[] Tables = ["subjects", "subject_keys", "subject_refs", "vault_data_keys", "signals", "signal_members", "subject_encodings"];

    private readonly PostgresDatabase _viaEf = new();
    private readonly PostgresDatabase _viaBulk = new();

    public async Task InitializeAsync()
    {
        await _viaEf.InitializeAsync();
        await _viaBulk.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _viaEf.DisposeAsync();
        await _viaBulk.DisposeAsync();
    }

    [Fact]
    public async Task InsertAsync_EveryIngressEntityOnPostgres_StoresEveryColumnExactlyAsEfSaveChangesDoes()
    {
        await using (var db = await OpenAsync(_viaEf))
        {
            new BulkInsertRows(utc: true).AddTo(db);
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync(_viaBulk))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await new BulkInsertRows(utc: true).BulkInsertAsync(db);
            await transaction.CommitAsync();
        }

        foreach (var table in Tables)
        {
            var expected = await DumpAsync(_viaEf, table);
            var actual = await DumpAsync(_viaBulk, table);
            Assert.True(expected.Count >= 2, $"{table}: EF stored {expected.Count} row(s)");
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task InsertAsync_RowViolatesAConstraintOnPostgres_ThrowsAndTheRolledBackTransactionLeavesNoRow()
    {
        await using var db = await OpenAsync(_viaBulk);
        var rows = new BulkInsertRows(utc: true);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, rows.Subjects, CancellationToken.None);
            var duplicate = rows.KeyTwice();

            var error = await Assert.ThrowsAsync<PostgresException>(() => BulkInsert.InsertAsync(db, duplicate, CancellationToken.None));

            Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
            Assert.DoesNotContain(rows.Keys[0].Pseudonym, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, await db.Subjects.CountAsync());
        Assert.Equal(0, await db.SubjectKeys.CountAsync());
    }

    private static async Task<PostgresHubDbContext> OpenAsync(PostgresDatabase database)
    {
        var options = new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(database.ConnectionString).Options;
        var db = new PostgresHubDbContext(options);
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>Every row as its JSON text (PostgreSQL's own rendering of each column's type and value), sorted.</summary>
    private static async Task<List<string>> DumpAsync(PostgresDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT to_jsonb(t)::text FROM \"{table}\" t", connection);
        var rows = new List<string>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

/// <summary>One fixed set of ingress rows (fresh instances per call): nulls and values, non-ASCII text, both booleans, offsets.</summary>
internal sealed class BulkInsertRows
{
    public static readonly Guid SubjectA = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly Guid SubjectB = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-fedcba987654");
    private static readonly Guid SignalA = Guid.Parse("0193a1b2-c3d5-7000-8000-abcdefabcdef");
    private static readonly Guid SignalB = Guid.Parse("0193a1b2-c3d5-7000-8000-123456789abc");
    private readonly DateTimeOffset At;

    /// <summary>Adds every row to <paramref name="db"/> for SaveChanges.</summary>
    public void AddTo(DbContext db)
    {
        db.AddRange(Subjects);
        db.AddRange(Keys);
        db.AddRange(References);
        db.AddRange(DataKeys);
        db.AddRange(Signals);
        db.AddRange(Members);
        db.AddRange(Encodings);
    }

    /// <summary>Inserts every row with <see cref="BulkInsert"/>, in the caller's transaction.</summary>
    public async Task BulkInsertAsync(HubDbContext db)
    {
        await BulkInsert.InsertAsync(db, Subjects, CancellationToken.None);
        await BulkInsert.InsertAsync(db, Keys, CancellationToken.None);
        await BulkInsert.InsertAsync(db, References, CancellationToken.None);
        await BulkInsert.InsertAsync(db, DataKeys, CancellationToken.None);
        await BulkInsert.InsertAsync(db, Signals, CancellationToken.None);
        await BulkInsert.InsertAsync(db, Members, CancellationToken.None);
        await BulkInsert.InsertAsync(db, Encodings, CancellationToken.None);
    }

    /// <summary>The first match key and a second row with the same (convenant, pseudonym): a primary-key violation.</summary>
    public SubjectKey[] KeyTwice() =>
        [Keys[0], new SubjectKey { ConvenantId = Keys[0].ConvenantId, Pseudonym = Keys[0].Pseudonym, SubjectId = Keys[0].SubjectId, Kind = 9 }];

    /// <param name="utc">Timestamps in UTC (PostgreSQL's timestamptz takes only offset 0, through EF as through COPY); else at +01:00.</param>
    public BulkInsertRows(bool utc = false)
    {
        At = new DateTimeOffset(2026, 12, 7, 9, 30, 15, 123, utc ? TimeSpan.Zero : TimeSpan.FromHours(1));
        Subjects =
        [
            new() { Id = SubjectA, ConvenantId = "riec", SubjectType = 1, Anchor = "p1.1.QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZn", CreatedAt = At },
            new() { Id = SubjectB, ConvenantId = "riec", SubjectType = 2, Anchor = "a1.1.YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDU2", CreatedAt = At.AddDays(-400), MergedIntoId = SubjectA },
        ];
        DataKeys =
        [
            new() { SubjectId = Subject.VaultIdOf(SubjectA), DataKeyId = Guid.Parse("5f0e8c1a-2b3c-4d5e-9f60-718293a4b5c6"), MasterKeyId = Guid.Parse("a1b2c3d4-e5f6-4789-abcd-ef0123456789"), CreatedAt = At, Wrapped = [0, 1, 2, 250, 255] },
            new() { SubjectId = Signal.ReporterVaultIdOf(SignalB), DataKeyId = Guid.Parse("6f0e8c1a-2b3c-4d5e-9f60-718293a4b5c6"), MasterKeyId = Guid.Parse("a1b2c3d4-e5f6-4789-abcd-ef0123456789"), CreatedAt = At.ToOffset(TimeSpan.Zero), Wrapped = [9] },
        ];
        Signals =
        [
            new()
            {
                Id = SignalA, ConvenantId = "riec", SubjectId = SubjectA, PartnerId = "gemeente", ClientId = "gemeente-systeem", Role = "analist",
                Purpose = "ondermijning", Categories = "identificatie,casusinformatie", Phase = "signal", IsMinor = false,
                Summary = "Café ‘De Gouden Leeuw’ – overlast 🚨 [PERSOON-3f9a]", Identity = [1, 2, 3], SubmittedAt = At, TraceId = "0af7651916cd43dd8448eb211c80319c",
            },
            new()
            {
                Id = SignalB, ConvenantId = "riec", SubjectId = SubjectB, PartnerId = "politie", ClientId = "politie-systeem", Role = "analist",
                Purpose = "ondermijning", Categories = "identificatie", Phase = "signal", IsMinor = true, Summary = null, Identity = [4],
                Reporter = [5, 6], Content = [7, 8, 9], SubmittedAt = At.AddMinutes(-1), TraceId = null,
            },
        ];
        Encodings =
        [
            new() { SignalId = SignalA, ConvenantId = "riec", SubjectId = SubjectA, KeyVersion = 1, Clk = [1, 0, 1], BlockKeys = [2, 2], CreatedAt = At, LinkedAt = null },
            new() { SignalId = SignalB, ConvenantId = "riec", SubjectId = SubjectB, KeyVersion = 2, Clk = [0], BlockKeys = [3], CreatedAt = At, LinkedAt = At.AddSeconds(5) },
        ];
    }

    public List<Subject> Subjects { get; }

    public List<SubjectKey> Keys { get; } =
    [
        new() { ConvenantId = "riec", Pseudonym = "p1.1.QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZn", SubjectId = SubjectA, Kind = 1 },
        new() { ConvenantId = "riec", Pseudonym = "p4.1.enl4d3Z1dHNycXBvbm1sa2ppaGdmZWRjYmEwMTIzNDU2", SubjectId = SubjectA, Kind = 4 },
        new() { ConvenantId = "riec", Pseudonym = "a1.1.YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDU2", SubjectId = SubjectB, Kind = 7 },
    ];

    public List<SubjectRef> References { get; } =
    [
        new() { ConvenantId = "riec", PartnerId = "gemeente", Reference = "r1.gemeente.c29tZXRoaW5nLXJlZmVyZW5jZS1hYmNkZWZnaGlq", SubjectId = SubjectA },
        new() { ConvenantId = "riec", PartnerId = "politie", Reference = "r1.politie.b3RoZXItcmVmZXJlbmNlLTAxMjM0NTY3ODk", SubjectId = SubjectB },
    ];

    public List<VaultDataKeyRow> DataKeys { get; }

    public List<Signal> Signals { get; }

    public List<SignalMember> Members { get; } =
    [
        new() { SignalId = SignalB, SubjectId = SubjectA, Position = 0, Identity = [10, 11] },
        new() { SignalId = SignalB, SubjectId = SubjectB, Position = 1, Identity = [12] },
    ];

    public List<SubjectEncoding> Encodings { get; }
}

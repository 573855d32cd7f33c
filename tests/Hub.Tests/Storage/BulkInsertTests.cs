using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
            var rows = new Rows();
            db.AddRange(rows.Subjects);
            db.AddRange(rows.Keys);
            db.AddRange(rows.References);
            db.AddRange(rows.DataKeys);
            db.AddRange(rows.Signals);
            db.AddRange(rows.Members);
            db.AddRange(rows.Encodings);
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync("bulk.db"))
        {
            var rows = new Rows();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, rows.Subjects, CancellationToken.None);
            await BulkInsert.InsertAsync(db, rows.Keys, CancellationToken.None);
            await BulkInsert.InsertAsync(db, rows.References, CancellationToken.None);
            await BulkInsert.InsertAsync(db, rows.DataKeys, CancellationToken.None);
            await BulkInsert.InsertAsync(db, rows.Signals, CancellationToken.None);
            await BulkInsert.InsertAsync(db, rows.Members, CancellationToken.None);
            await BulkInsert.InsertAsync(db, rows.Encodings, CancellationToken.None);
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
        Assert.Contains(subjects, row => row.StartsWith("Id=text:'" + Rows.SubjectA.ToString("D").ToUpperInvariant() + "'|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InsertAsync_RowViolatesAConstraint_ThrowsAndTheRolledBackTransactionLeavesNoRow()
    {
        await using var db = await OpenAsync("violation.db");
        var rows = new Rows();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, rows.Subjects, CancellationToken.None);
            var duplicate = new[] { rows.Keys[0], new SubjectKey { ConvenantId = rows.Keys[0].ConvenantId, Pseudonym = rows.Keys[0].Pseudonym, SubjectId = rows.Keys[0].SubjectId, Kind = 9 } };

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

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(db, new Rows().Subjects, CancellationToken.None));

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

    /// <summary>One fixed set of ingress rows (fresh instances per call): nulls and values, non-ASCII text, both booleans, offsets.</summary>
    private sealed class Rows
    {
        public static readonly Guid SubjectA = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        private static readonly Guid SubjectB = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-fedcba987654");
        private static readonly Guid SignalA = Guid.Parse("0193a1b2-c3d5-7000-8000-abcdefabcdef");
        private static readonly Guid SignalB = Guid.Parse("0193a1b2-c3d5-7000-8000-123456789abc");
        private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 15, 123, TimeSpan.FromHours(1));

        public List<Subject> Subjects { get; } =
        [
            new() { Id = SubjectA, ConvenantId = "riec", SubjectType = 1, Anchor = "p1.1.QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZn", CreatedAt = At },
            new() { Id = SubjectB, ConvenantId = "riec", SubjectType = 2, Anchor = "a1.1.YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDU2", CreatedAt = At.AddDays(-400), MergedIntoId = SubjectA },
        ];

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

        public List<VaultDataKeyRow> DataKeys { get; } =
        [
            new() { SubjectId = Subject.VaultIdOf(SubjectA), DataKeyId = Guid.Parse("5f0e8c1a-2b3c-4d5e-9f60-718293a4b5c6"), MasterKeyId = Guid.Parse("a1b2c3d4-e5f6-4789-abcd-ef0123456789"), CreatedAt = At, Wrapped = [0, 1, 2, 250, 255] },
            new() { SubjectId = Signal.ReporterVaultIdOf(SignalB), DataKeyId = Guid.Parse("6f0e8c1a-2b3c-4d5e-9f60-718293a4b5c6"), MasterKeyId = Guid.Parse("a1b2c3d4-e5f6-4789-abcd-ef0123456789"), CreatedAt = At.ToOffset(TimeSpan.Zero), Wrapped = [9] },
        ];

        public List<Signal> Signals { get; } =
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

        public List<SignalMember> Members { get; } =
        [
            new() { SignalId = SignalB, SubjectId = SubjectA, Position = 0, Identity = [10, 11] },
            new() { SignalId = SignalB, SubjectId = SubjectB, Position = 1, Identity = [12] },
        ];

        public List<SubjectEncoding> Encodings { get; } =
        [
            new() { SignalId = SignalA, ConvenantId = "riec", SubjectId = SubjectA, KeyVersion = 1, Clk = [1, 0, 1], BlockKeys = [2, 2], CreatedAt = At, LinkedAt = null },
            new() { SignalId = SignalB, ConvenantId = "riec", SubjectId = SubjectB, KeyVersion = 2, Clk = [0], BlockKeys = [3], CreatedAt = At, LinkedAt = At.AddSeconds(5) },
        ];
    }
}

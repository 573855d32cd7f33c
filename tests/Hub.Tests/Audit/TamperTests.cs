using Microsoft.Data.Sqlite;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>
/// End to end: a hub appends 20 records and signs; <c>hubctl audit verify --full</c> passes and saves its state;
/// then an attacker with the database (triggers dropped) changes it, and the verifier must fail naming the first bad index.
/// </summary>
public sealed class TamperTests : IAsyncLifetime, IDisposable
{
    private readonly AuditHub _hub = new();
    private readonly ScratchDirectory _scratch = new();

    private string State => Path.Combine(_scratch.Path, "verifier.json");

    public async Task InitializeAsync()
    {
        await _hub.InitializeAsync();
        await _hub.AppendAsync(20);
        var (code, _, error) = await VerifyAsync("--trust-on-first-use");
        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Verify_Untouched_PassesAgainWithSavedState()
    {
        await _hub.AppendAsync(5, firstSeed: 50);
        var (code, output, _) = await VerifyAsync();
        Assert.Equal(0, code);
        Assert.Contains("consistent with the saved checkpoint 20", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FlippedRecordByte_NamesIndex()
    {
        Execute("DROP TRIGGER audit_entries_no_update", conn =>
        {
            var record = ReadRecord(conn, 7);
            record[10] ^= 0x01;
            Update(conn, 7, record, null);
        });
        await AssertFirstBadAsync(7);
    }

    [Fact]
    public async Task Verify_DeletedRow_NamesIndex()
    {
        Execute("DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE idx = 7", null);
        await AssertFirstBadAsync(7);
    }

    [Fact]
    public async Task Verify_ReorderedRows_NamesFirstIndex()
    {
        Execute("DROP TRIGGER audit_entries_no_update", conn =>
        {
            var (r7, h7) = (ReadRecord(conn, 7), ReadHash(conn, 7));
            var (r12, h12) = (ReadRecord(conn, 12), ReadHash(conn, 12));
            Update(conn, 7, r12, h12);
            Update(conn, 12, r7, h7);
        });
        await AssertFirstBadAsync(7);
    }

    [Fact]
    public async Task Verify_Truncated_NamesFirstMissingIndex()
    {
        Execute("DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE idx >= 15", null);
        await AssertFirstBadAsync(15);
    }

    [Fact]
    public async Task Verify_ResignedFork_IsCaughtBySavedState()
    {
        // The attacker rewrites entry 7 consistently (record and leaf hash), removes the checkpoints, and lets the hub
        // (with its signing key) sign the rewritten history; the log then grows as usual.
        _hub.Stop();
        Execute("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_checkpoints_no_delete; DELETE FROM audit_checkpoints", conn =>
        {
            var record = ReadRecord(conn, 7);
            record[10] ^= 0x01;
            Update(conn, 7, record, Rfc6962.HashLeaf(record));
        });
        await _hub.StartAsync(seed: false);
        await _hub.AppendAsync(3, firstSeed: 90);

        var (code, _, error) = await VerifyAsync("--full");
        Assert.Equal(1, code);
        Assert.Contains("not consistent with the saved checkpoint 20", error, StringComparison.Ordinal);
        Assert.Contains("first bad index: 7", error, StringComparison.Ordinal);

        // Without --full the fork is still caught (exit 1), only not located.
        (code, _, error) = await VerifyAsync();
        Assert.Equal(1, code);
        Assert.Contains("forked", error, StringComparison.Ordinal);
    }

    private async Task AssertFirstBadAsync(long index)
    {
        var (code, _, error) = await VerifyAsync("--full");
        Assert.Equal(1, code);
        Assert.Contains($"first bad index: {index}", error, StringComparison.Ordinal);

        // A fresh verifier without saved state must fail too (never success on what it could not check).
        var (fresh, _, _) = await Cli.RunAsync(_hub, ["verify", "--url", "http://localhost/", "--key", _hub.Log.VerifierKey, "--full",
            "--client-id", AuditHub.AuditorClient, "--client-secret", TestAccounts.Secret]);
        Assert.Equal(1, fresh);
    }

    private Task<(int Code, string Output, string Error)> VerifyAsync(params string[] extra) =>
        Cli.RunAsync(_hub, ["verify", "--url", "http://localhost/", "--state", State, "--full",
            "--client-id", AuditHub.AuditorClient, "--client-secret", TestAccounts.Secret, .. extra.Where(e => e != "--full")]);

    private void Execute(string sql, Action<SqliteConnection>? then)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _hub.AuditDatabase, Pooling = false }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        then?.Invoke(connection);
    }

    private static byte[] ReadRecord(SqliteConnection connection, long index) => Read(connection, "record", index);

    private static byte[] ReadHash(SqliteConnection connection, long index) => Read(connection, "leaf_hash", index);

    private static byte[] Read(SqliteConnection connection, string column, long index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM audit_entries WHERE idx = $i";
        command.Parameters.AddWithValue("$i", index);
        return (byte[])command.ExecuteScalar()!;
    }

    private static void Update(SqliteConnection connection, long index, byte[] record, byte[]? hash)
    {
        using var command = connection.CreateCommand();
        command.CommandText = hash is null
            ? "UPDATE audit_entries SET record = $r WHERE idx = $i"
            : "UPDATE audit_entries SET record = $r, leaf_hash = $h WHERE idx = $i";
        command.Parameters.AddWithValue("$r", record);
        command.Parameters.AddWithValue("$i", index);
        if (hash is not null)
        {
            command.Parameters.AddWithValue("$h", hash);
        }

        command.ExecuteNonQuery();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Dispose();
    }

    public void Dispose() => _scratch.Dispose();
}

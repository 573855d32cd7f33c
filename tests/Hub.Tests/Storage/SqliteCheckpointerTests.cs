using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Audit;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Storage;

/// <summary>WAL checkpoints in the background (<see cref="SqliteCheckpointer"/>) instead of inside the committing request.</summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task HubConnection_Opened_AutoCheckpointIsOnlyASafetyNet()
    {
        using var factory = new HubFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.Database.OpenConnectionAsync();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        var pages = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SqlitePragmas.AutoCheckpointPages, pages);
        Assert.True(pages > 1000, "the threshold must be above SQLite's default, or commits still checkpoint inline");
        Assert.True(pages > 2 * SqliteCheckpointer.RestartFrames, "the safety net must be well above the log size at which the checkpointer restarts the log");
    }

    [Fact]
    public async Task HubConnection_Opened_WaitsForLocksAndLimitsTheWal()
    {
        using var factory = new HubFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.Database.OpenConnectionAsync();

        // A connection without a busy timeout that meets the restarting checkpoint's write lock gets SQLITE_BUSY, and
        // Microsoft.Data.Sqlite then sleeps 150 ms before it tries again; with one, SQLite waits in steps of milliseconds.
        Assert.Equal(10_000, await PragmaAsync(db.Database.GetDbConnection(), "busy_timeout"));
        Assert.Equal(SqlitePragmas.JournalSizeLimitBytes, await PragmaAsync(db.Database.GetDbConnection(), "journal_size_limit"));
    }

    [Fact]
    public async Task Hub_AuditAppends_AuditFileCheckpointedInTheBackground()
    {
        using var factory = new HubFactory();
        var log = factory.Services.GetRequiredService<AuditLog>();
        var database = Path.Combine(factory.DataDirectory, "audit.db");
        var before = new FileInfo(database).Length;

        // About 6,000 records of 750 bytes (about 1,100 WAL pages): far below the commits' safety net, so only the checkpointer copies them.
        await log.AppendAsync(Enumerable.Range(0, 6000).Select(i => AuditSamples.Disclosure(i)).ToList());

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (new FileInfo(database).Length < before + 4_000_000 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        Assert.True(new FileInfo(database).Length >= before + 4_000_000, $"audit.db grew from {before} to {new FileInfo(database).Length} bytes only");
    }

    [Fact]
    public async Task CheckpointAsync_WalWithCommittedFrames_CopiesEveryFrame()
    {
        var directory = TempDirectory.Create("checkpoint");
        try
        {
            var (connectionString, writer) = await WalWriterAsync(directory, rows: 2000, rowBytes: 500);
            await using var writerDisposal = writer;

            var databaseBefore = new FileInfo(Path.Combine(directory, "t.db")).Length;
            var walBefore = new FileInfo(Path.Combine(directory, "t.db-wal")).Length;
            var result = await SqliteCheckpointer.CheckpointAsync(connectionString, CancellationToken.None);
            var databaseAfter = new FileInfo(Path.Combine(directory, "t.db")).Length;

            Assert.True(walBefore > 1_000_000, $"the WAL held only {walBefore} bytes");
            Assert.Equal(0, result.Remaining);
            Assert.True(result.Frames is > 200 and < SqliteCheckpointer.RestartFrames, $"{result.Frames} frames");
            Assert.Equal(SqliteCheckpointer.RestartOutcome.NotNeeded, result.Restart);
            Assert.True(databaseAfter >= databaseBefore + 1_000_000, $"the database file grew from {databaseBefore} to {databaseAfter} bytes only");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task CheckpointAsync_CommitWhileItCopiesALargeLog_NextWriterStartsTheLogAgain()
    {
        var directory = TempDirectory.Create("checkpoint-restart");
        try
        {
            // About 22,000 frames of 4 KiB: past RestartFrames.
            var (connectionString, writer) = await WalWriterAsync(directory, rows: 22_000, rowBytes: 3000);
            await using var writerDisposal = writer;

            // A second writer holds the write lock while the checkpoint starts and commits while it runs: the passive pass
            // cannot copy that commit, so without the restarting pass the log would hold frames not yet copied when the next
            // writer begins, and that writer would append after the 22,000 frames instead of starting the log again.
            await using var second = new SqliteConnection(connectionString);
            await second.OpenAsync();
            await ExecuteAsync(second, "PRAGMA busy_timeout=10000; BEGIN IMMEDIATE; INSERT INTO t VALUES (randomblob(3000));");
            // On a thread of its own: Microsoft.Data.Sqlite's async methods run synchronously.
            var checkpoint = Task.Run(() => SqliteCheckpointer.CheckpointAsync(connectionString, CancellationToken.None, restartWaitMilliseconds: 10_000));
            await Task.Delay(300);
            Assert.False(checkpoint.IsCompleted, "the restarting pass did not wait for the write lock");
            await ExecuteAsync(second, "COMMIT;");
            var result = await checkpoint;

            await ExecuteAsync(writer, "INSERT INTO t VALUES (randomblob(10));");
            var (_, framesAfter, _) = await WalAsync(connectionString);

            Assert.True(result.PassiveFrames >= SqliteCheckpointer.RestartFrames, $"{result.PassiveFrames} frames at the passive pass");
            Assert.Equal(SqliteCheckpointer.RestartOutcome.Done, result.Restart);
            Assert.Equal(0, result.Remaining);
            Assert.True(framesAfter < 10, $"the next commit appended to a log of {framesAfter} frames instead of starting it again");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task CheckpointAsync_WriterKeepsTheLockPastTheWait_GivesUpBusyAndCopiesWhatItCan()
    {
        var directory = TempDirectory.Create("checkpoint-busy");
        try
        {
            var (connectionString, writer) = await WalWriterAsync(directory, rows: 22_000, rowBytes: 3000);
            await using var writerDisposal = writer;
            await ExecuteAsync(writer, "BEGIN IMMEDIATE; INSERT INTO t VALUES (randomblob(10));");

            var waited = System.Diagnostics.Stopwatch.StartNew();
            var result = await SqliteCheckpointer.CheckpointAsync(connectionString, CancellationToken.None);
            waited.Stop();
            await ExecuteAsync(writer, "COMMIT;");

            Assert.Equal(SqliteCheckpointer.RestartOutcome.Busy, result.Restart);
            Assert.Equal(0, result.Remaining); // every committed frame was copied by the passive pass
            Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(SqliteCheckpointer.RestartWaitMilliseconds * 0.9), $"gave up after {waited.ElapsedMilliseconds} ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public void WrittenSinceLastLook_WalFileWrittenOrNot_ChangeSeenOnce()
    {
        var directory = TempDirectory.Create("checkpoint-wal");
        try
        {
            var path = Path.Combine(directory, "t.db-wal");
            var wal = new SqliteCheckpointer.WalFile(path);

            Assert.False(wal.WrittenSinceLastLook()); // no file yet
            File.WriteAllBytes(path, new byte[100]);
            Assert.True(wal.WrittenSinceLastLook());
            Assert.False(wal.WrittenSinceLastLook());

            // The same length, written again (a restarted log is reused in place): the last write time tells.
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMilliseconds(5));
            Assert.True(wal.WrittenSinceLastLook());
            Assert.False(wal.WrittenSinceLastLook());

            File.AppendAllText(path, "x");
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMilliseconds(-5));
            Assert.True(wal.WrittenSinceLastLook()); // grew, whatever the time says
            Assert.False(wal.WrittenSinceLastLook());

            wal.Forget(); // after a failed or incomplete checkpoint
            Assert.True(wal.WrittenSinceLastLook());

            File.Delete(path);
            Assert.False(wal.WrittenSinceLastLook());
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public void Options_Default_CheckpointsEvery500Milliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), new StorageOptions().SqliteCheckpointInterval);
    }

    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A WAL database t.db in <paramref name="directory"/> (no pooling) and an open writer that committed
    /// <paramref name="rows"/> random blobs of <paramref name="rowBytes"/> with auto-checkpoints off. Keep the writer open:
    /// closing the last connection would checkpoint and delete the WAL itself.
    /// </summary>
    private static async Task<(string ConnectionString, SqliteConnection Writer)> WalWriterAsync(string directory, int rows, int rowBytes)
    {
        var connectionString = $"Data Source={Path.Combine(directory, "t.db")};Pooling=False";
        var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout=10000; CREATE TABLE t (v BLOB);"
            + $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) INSERT INTO t SELECT randomblob({rowBytes}) FROM n;");
        return (connectionString, writer);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>PRAGMA wal_checkpoint(PASSIVE) on a connection of its own: busy, frames in the WAL, frames copied.</summary>
    private static async Task<(long Busy, long Frames, long Copied)> WalAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    [Theory]
    [InlineData("00:00:00.001", false)]
    [InlineData("00:00:00.010", true)]
    [InlineData("00:00:00.050", true)]
    [InlineData("00:10:00", true)]
    [InlineData("00:10:01", false)]
    public void Options_Interval_ValidatedAgainstItsRange(string interval, bool valid)
    {
        var options = new StorageOptions { SqliteCheckpointInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var ok = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
        Assert.Equal(valid ? [] : ["SqliteCheckpointInterval"], results.SelectMany(r => r.MemberNames));
    }
}

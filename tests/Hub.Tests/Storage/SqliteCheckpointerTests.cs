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
    }

    [Fact]
    public async Task Hub_AuditAppendsPastTheThreshold_AuditFileCheckpointedInTheBackground()
    {
        using var factory = new HubFactory();
        var log = factory.Services.GetRequiredService<AuditLog>();
        var database = Path.Combine(factory.DataDirectory, "audit.db");
        var before = new FileInfo(database).Length;

        // About 6,000 records of 750 bytes: more than the checkpointer's 4 MiB, far below the commits' safety net.
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
            var connectionString = $"Data Source={Path.Combine(directory, "t.db")};Pooling=False";
            // The writer stays open (closing the last connection would checkpoint and delete the WAL itself).
            await using var writer = new SqliteConnection(connectionString);
            await writer.OpenAsync();
            await using (var command = writer.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (v BLOB);"
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT randomblob(500) FROM n;";
                await command.ExecuteNonQueryAsync();
            }

            var databaseBefore = new FileInfo(Path.Combine(directory, "t.db")).Length;
            var walBefore = new FileInfo(Path.Combine(directory, "t.db-wal")).Length;
            var remaining = await SqliteCheckpointer.CheckpointAsync(connectionString, CancellationToken.None);
            var databaseAfter = new FileInfo(Path.Combine(directory, "t.db")).Length;

            Assert.True(walBefore > 1_000_000, $"the WAL held only {walBefore} bytes");
            Assert.Equal(0, remaining);
            Assert.True(databaseAfter >= databaseBefore + 1_000_000, $"the database file grew from {databaseBefore} to {databaseAfter} bytes only");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(directory);
        }
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

using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Storage;

/// <summary>Which database the hub uses: <c>Storage:Provider</c> and <c>ConnectionStrings:Hub</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default, a file under the data directory) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (default true). Turn off when a deployment step migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// SQLite only: how often the background checkpointer copies the WAL into the database file when it was written since the
    /// last checkpoint (default 500 ms; <see cref="SqliteCheckpointer"/>). Longer intervals copy pages that several commits
    /// rewrote once; the commits' safety net (<see cref="SqlitePragmas.AutoCheckpointPages"/>) must stay above what ingress
    /// writes in one interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SqliteCheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

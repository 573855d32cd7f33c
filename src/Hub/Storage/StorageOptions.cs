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
    /// SQLite only: how often the background checkpointer looks at the size of the WAL (default 50 ms); it checkpoints once the
    /// WAL holds 4 MiB (<see cref="SqliteCheckpointer.ThresholdBytes"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SqliteCheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

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

    /// <summary>SQLite only: how often the background checkpointer copies the WAL into the database file (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SqliteCheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

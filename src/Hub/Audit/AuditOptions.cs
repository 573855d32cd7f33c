using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Audit;

/// <summary>Audit trail settings (section <c>Audit</c>). Storage follows <c>Storage:Provider</c> / <c>ConnectionStrings:Hub</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Checkpoint origin and signing key name (a schema-less URL). Default <c>sharinghub.local/audit</c>.</summary>
    [Required]
    public string Origin { get; set; } = "sharinghub.local/audit";

    /// <summary>SQLite only: the audit database file (default <c>&lt;data&gt;/audit.db</c>).</summary>
    public string? SqlitePath { get; set; }

    /// <summary>Most records per group-commit transaction (default 8192).</summary>
    [Range(1, 1_000_000)]
    public int MaxBatch { get; set; } = 8192;

    /// <summary>How often a checkpoint is signed while there are new records (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Witness verifier keys (C2SP vkeys, type 0x04) whose cosignatures the hub accepts.</summary>
    public IList<string> Witnesses { get; } = [];

    /// <summary>Publish each checkpoint to the document store (<c>audit/checkpoints/&lt;size&gt;</c>, <c>audit/checkpoint-latest</c>).</summary>
    public bool PublishCheckpoints { get; set; } = true;
}

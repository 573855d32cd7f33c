using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Retention;

/// <summary>Configuration section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>When false the hosted <see cref="RetentionJob"/> does not loop (runs stay possible through the API).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two runs of the job (default one day); the first run is one interval after start.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "366.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

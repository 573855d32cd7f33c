using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Linkage;

/// <summary>Settings of the background fuzzy linker (section <c>Linkage</c>).</summary>
public sealed class LinkageOptions
{
    public const string Section = "Linkage";

    /// <summary>Whether the timer loop runs (<see cref="SubjectLinker.RunOnceAsync"/> works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum Dice score for a fuzzy match; null uses the linkage core's default (<c>FuzzyOptions.Default.Threshold</c>).</summary>
    [Range(0.5, 1.0)]
    public double? Threshold { get; set; }

    /// <summary>Largest number of pending encodings one run takes per convenant (the rest wait for the next run).</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;
}

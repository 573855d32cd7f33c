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

    /// <summary>
    /// The default minimum Dice for a merge. Higher than the core's two-file default (0.6, <c>FuzzyOptions.Default.Threshold</c>):
    /// there a one-to-one assignment between two files keeps weak pairs in check; in the hub a merge joins clusters for good and
    /// every partner's signals follow it. Measured (docs/PERFORMANCE.md, "Linkage in the hub"): 1,000 one-letter surname typos
    /// against 10,000 known persons merge 34-35 wrong pairs at 0.6 and 0-4 at 0.8, and join the same true typo pairs at both.
    /// </summary>
    public const double DefaultThreshold = 0.8;

    /// <summary>Minimum Dice score for a fuzzy match.</summary>
    [Range(0.5, 1.0)]
    public double Threshold { get; set; } = DefaultThreshold;

    /// <summary>Largest number of signals with pending encodings one run takes per convenant, oldest first (the rest wait for the next run).</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;

    /// <summary>
    /// How long the linker keeps its in-memory index of a convenant's linked encodings before it reads them all again. Between
    /// reads each run checks the index against the database (count, first and last LinkedAt) and reads again on any difference;
    /// the interval bounds what that check cannot see (another process linking exactly as many rows as retention removed).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IndexRebuildInterval { get; set; } = TimeSpan.FromMinutes(15);
}

using SharingHub.Pseudonymisation.Linkage.Blocking;

namespace SharingHub.Pseudonymisation.Linkage.Fuzzy;

/// <summary>Fuzzy-linkage parameters; defaults are the ones measured in docs/PERFORMANCE.md.</summary>
public sealed record FuzzyOptions
{
    /// <summary>Default options.</summary>
    public static FuzzyOptions Default { get; } = new();

    /// <summary>Minimum Dice score for a link.</summary>
    public double Threshold { get; init; } = 0.75;

    /// <summary>Blocking passes, unioned.</summary>
    public IReadOnlyList<BlockingPass> Passes { get; init; } = Enum.GetValues<BlockingPass>();

    /// <summary>
    /// Largest number of records one side of a block may hold. A bigger block is skipped (its pairs are not
    /// compared in that pass, only in the other passes) and counted in the statistics.
    /// </summary>
    public int MaxBlockSide { get; init; } = 2000;

    /// <summary>Degree of parallelism for scoring; -1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

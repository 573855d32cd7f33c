using SharingHub.Pseudonymisation.Linkage.Blocking;

namespace SharingHub.Pseudonymisation.Linkage.Fuzzy;

/// <summary>Fuzzy-linkage parameters; defaults are the ones measured in docs/PERFORMANCE.md.</summary>
public sealed record FuzzyOptions
{
    /// <summary>Default options.</summary>
    public static FuzzyOptions Default { get; } = new();

    /// <summary>Minimum Dice score for a link.</summary>
    public double Threshold { get; init; } = 0.6;

    /// <summary>Blocking passes, unioned.</summary>
    public IReadOnlyList<BlockingPass> Passes { get; init; } = Enum.GetValues<BlockingPass>();

    /// <summary>
    /// Largest number of records one side of a block may hold. A bigger block is skipped (its pairs are not
    /// compared in that pass, only in the other passes) and counted in the statistics.
    /// </summary>
    public int MaxBlockSide { get; init; } = 2000;

    /// <summary>
    /// Dice at or above which a fuzzy pair is linked even though the two records carry different BSN
    /// pseudonyms (a mistyped or borrowed BSN); below it, a BSN conflict refuses the pair. 1.01 disables the override.
    /// </summary>
    public double BsnConflictOverride { get; init; } = 0.8;

    /// <summary>Minimum Dice that corroborates an exact match-key link (0 accepts every key match).</summary>
    public double ExactCorroboration { get; init; } = 0.4;

    /// <summary>Degree of parallelism for scoring; -1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

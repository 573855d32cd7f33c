namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>How a link was decided.</summary>
public enum LinkMethod
{
    /// <summary>An exact match-key pass.</summary>
    Exact = 0,

    /// <summary>Bloom-filter Dice above the threshold.</summary>
    Fuzzy = 1,
}

/// <summary>
/// A link by record index, as the linker produces it. For exact links <see cref="Detail"/> is the
/// <see cref="Exact.ExactKeyKind"/>; for fuzzy links it is the bit mask of the blocking passes that proposed the pair.
/// </summary>
public readonly record struct IndexLink(int Left, int Right, float Score, LinkMethod Method, int Detail);

namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>Which linkage runs.</summary>
public enum LinkageMode
{
    /// <summary>Exact passes, then fuzzy linkage of what they left.</summary>
    Auto = 0,

    /// <summary>Exact match-key passes only.</summary>
    Exact = 1,

    /// <summary>Fuzzy linkage of every record (no exact passes).</summary>
    Fuzzy = 2,
}

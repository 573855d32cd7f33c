namespace SharingHub.Policies.Decisions;

// Handles are 1-based so that default(T) is "none": an unresolved id never aliases the first entry.

/// <summary>A convenant in a <see cref="ConvenantCatalog"/>.</summary>
public readonly record struct ConvenantHandle(int Value)
{
    public bool IsNone => Value <= 0;
    internal int Index => Value - 1;
}

/// <summary>A party of one compiled convenant.</summary>
public readonly record struct PartyHandle(int Value)
{
    public bool IsNone => Value <= 0;
    internal int Index => Value - 1;
}

/// <summary>A role of one compiled convenant.</summary>
public readonly record struct RoleHandle(int Value)
{
    public bool IsNone => Value <= 0;
    internal int Index => Value - 1;
}

/// <summary>A purpose of one compiled convenant.</summary>
public readonly record struct PurposeHandle(int Value)
{
    public bool IsNone => Value <= 0;
    internal int Index => Value - 1;
}

/// <summary>An escalation level of one compiled convenant.</summary>
public readonly record struct LevelHandle(int Value)
{
    public bool IsNone => Value <= 0;
    internal int Index => Value - 1;
}

/// <summary>A set of data categories of one compiled convenant (bit i = category i in file order).</summary>
public readonly record struct CategorySet(ulong Bits)
{
    public bool IsEmpty => Bits == 0;

    public CategorySet With(int index) => new(Bits | (1UL << index));
}

/// <summary>Facts about the request that trigger approval rules.</summary>
[Flags]
public enum RequestFacts
{
    None = 0,

    /// <summary>The subject is a minor.</summary>
    Minor = 1,

    /// <summary>The data were collected for another purpose (further processing, AVG art. 6(4)).</summary>
    NewPurpose = 2,

    /// <summary>The data come from another convenant.</summary>
    CrossConvenant = 4,
}

namespace SharingHub.Pseudonymisation.Linkage.Encoding;

/// <summary>How encodings are hardened against frequency attacks.</summary>
public enum ClkHardening
{
    /// <summary>Tokens hashed straight into 1024 bits (keyed hashing only).</summary>
    None = 0,

    /// <summary>Tokens hashed into 2048 bits, then the two halves XOR-folded into 1024 (Schnell et al. 2016).</summary>
    XorFold = 1,
}

/// <summary>Encoding parameters. The defaults are the ones measured in docs/PERFORMANCE.md.</summary>
public sealed record ClkOptions
{
    /// <summary>Default options: XOR-folding, weights tuned on synthetic Dutch data.</summary>
    public static ClkOptions Default { get; } = new();

    /// <summary>Hardening applied to every encoding.</summary>
    public ClkHardening Hardening { get; init; } = ClkHardening.XorFold;

    /// <summary>Hash functions per given-name bigram.</summary>
    public int GivenNameHashes { get; init; } = 6;

    /// <summary>Hash functions per initial.</summary>
    public int InitialHashes { get; init; } = 8;

    /// <summary>Hash functions per surname bigram.</summary>
    public int SurnameHashes { get; init; } = 10;

    /// <summary>Hash functions for the tussenvoegsel token.</summary>
    public int SurnamePrefixHashes { get; init; } = 3;

    /// <summary>Hash functions per date-of-birth token.</summary>
    public int DateOfBirthHashes { get; init; } = 6;

    /// <summary>Hash functions per address token.</summary>
    public int AddressHashes { get; init; } = 5;

    /// <summary>Hash functions for <paramref name="field"/>.</summary>
    public int HashesFor(ClkField field) => field switch
    {
        ClkField.GivenName => GivenNameHashes,
        ClkField.Initial => InitialHashes,
        ClkField.Surname => SurnameHashes,
        ClkField.SurnamePrefix => SurnamePrefixHashes,
        ClkField.DateOfBirth => DateOfBirthHashes,
        _ => AddressHashes,
    };
}

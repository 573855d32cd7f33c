namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>Why a recogniser believes a span is an identifier. Combined as flags on every finding.</summary>
[Flags]
public enum ScrubEvidence
{
    /// <summary>No evidence recorded.</summary>
    None = 0,

    /// <summary>The text has the shape of the identifier (pattern match).</summary>
    Pattern = 1,

    /// <summary>A checksum passed (11-proef, mod-97) or a calendar date was valid.</summary>
    ChecksumPassed = 2,

    /// <summary>A context word for this type is near (e.g. "bsn", "geboren", "kenteken").</summary>
    ContextWord = 4,

    /// <summary>A word that points away from this type is near (e.g. "ordernummer"); lowers the score.</summary>
    NegativeContext = 8,

    /// <summary>The span matches a known person supplied by the caller.</summary>
    KnownPerson = 16,

    /// <summary>A title or role word precedes the name ("de heer", "mevrouw", "betrokkene").</summary>
    TitleOrRole = 32,

    /// <summary>The name was found earlier in the same document by another recogniser and repeated here.</summary>
    Propagated = 64,

    /// <summary>The pattern matched but the checksum failed; kept only because context makes it likely.</summary>
    ChecksumFailed = 128,
}

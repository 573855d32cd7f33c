namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Stable error codes of free-text scrubbing (block SH18xx). Scrubbing never throws on the text itself;
/// these codes appear only for programming or configuration errors, and no message ever holds text or key bytes.
/// </summary>
public static class ScrubErrorCodes
{
    /// <summary>An entity type value outside the enum.</summary>
    public const string UnknownEntityType = "SH1801";

    /// <summary>The key is missing or shorter than <see cref="ScrubberOptions.MinimumKeyLength"/> bytes.</summary>
    public const string KeyTooShort = "SH1802";

    /// <summary>The minimum score is outside (0, 1].</summary>
    public const string MinimumScoreOutOfRange = "SH1803";

    /// <summary>The token hex length is outside [1, 64].</summary>
    public const string TokenHexLengthOutOfRange = "SH1804";

    /// <summary>An operator value outside the enum.</summary>
    public const string UnknownOperator = "SH1805";
}

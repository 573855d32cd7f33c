namespace SharingHub.HubCtl.Commands;

/// <summary>
/// Stable codes of `hubctl link` and `hubctl eval` (block SH9400-SH9419). Messages name files, row numbers and
/// record ids, never field contents.
/// </summary>
internal static class LinkErrorCodes
{
    /// <summary>An option value is out of range (threshold outside [0, 1]).</summary>
    public const string InvalidOption = "SH9400";

    /// <summary>Records without any usable identifier (reported, left out of linkage; not an error).</summary>
    public const string UnusableRecords = "SH9401";

    /// <summary>The output file could not be written.</summary>
    public const string OutputUnwritable = "SH9402";

    /// <summary>eval could not tell which records belong to the left and the right file.</summary>
    public const string SidesUnknown = "SH9410";

    /// <summary>Links name records the truth does not know (counted as false positives).</summary>
    public const string UnknownLinkIds = "SH9411";
}

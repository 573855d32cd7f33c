namespace SharingHub.HubCtl.Commands;

/// <summary>Stable error codes of <c>hubctl scrub</c> (block SH95xx). Messages never contain file contents or key bytes.</summary>
internal static class ScrubErrors
{
    /// <summary>The input file does not exist or cannot be read (exit 1).</summary>
    public const string InputNotFound = "SH9501";

    /// <summary>The input file is not valid UTF-8 text (exit 1).</summary>
    public const string InputNotUtf8 = "SH9502";

    /// <summary>The key file does not exist or cannot be read (exit 1).</summary>
    public const string KeyFileNotFound = "SH9503";

    /// <summary>The key file is not a format-1 hubctl key file with a 32-byte secret (exit 1).</summary>
    public const string KeyFileInvalid = "SH9504";

    /// <summary>The output or report could not be written; nothing was left behind (exit 1).</summary>
    public const string OutputNotWritten = "SH9505";

    /// <summary>--out or --report names the input file, or --out and --report are the same file (exit 2).</summary>
    public const string SameFile = "SH9506";

    /// <summary>A path option is empty or not a valid path (exit 2).</summary>
    public const string InvalidPath = "SH9507";

    /// <summary>The key file can be read or written by group or others (exit 1).</summary>
    public const string KeyFileInsecure = "SH9508";
}

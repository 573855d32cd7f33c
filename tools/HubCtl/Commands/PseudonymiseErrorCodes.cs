namespace SharingHub.HubCtl.Commands;

/// <summary>
/// Stable error codes of <c>hubctl pseudonymise</c> (block SH9300-SH9309). Messages name rows, columns and
/// codes, never a field's content or key material.
/// </summary>
public static class PseudonymiseErrorCodes
{
    /// <summary>The key file does not exist (pass --create-key to make one).</summary>
    public const string KeyFileMissing = "SH9301";

    /// <summary>The key file is not a hubctl key file (format, kind, version or secret length).</summary>
    public const string KeyFileInvalid = "SH9302";

    /// <summary>--create-key was given but the key file already exists; hubctl never overwrites a key.</summary>
    public const string KeyFileExists = "SH9303";

    /// <summary>A row holds an identifier that does not parse (the SH10xx code says why).</summary>
    public const string InvalidIdentifier = "SH9304";

    /// <summary>The --domain value is not a domain id ([a-z0-9-], 1..63 characters).</summary>
    public const string InvalidDomain = "SH9305";

    /// <summary>The output file or the key file could not be written.</summary>
    public const string WriteFailed = "SH9306";

    /// <summary>The key file is readable or writable by group or others (chmod 600 it).</summary>
    public const string KeyFileInsecure = "SH9307";
}

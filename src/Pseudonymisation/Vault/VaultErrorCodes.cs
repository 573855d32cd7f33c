namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// Stable error codes of the identity vault (block SH11xx). Messages are fixed strings: never plaintext,
/// never key material.
/// </summary>
public static class VaultErrorCodes
{
    /// <summary>The subject id is not 1..128 characters of [A-Za-z0-9._-] (not starting with '.').</summary>
    public const string InvalidSubjectId = "SH1101";

    /// <summary>The payload is not a vault payload: wrong magic, truncated, trailing bytes or impossible lengths.</summary>
    public const string MalformedPayload = "SH1102";

    /// <summary>The payload or wrapped key names a format version this code does not read.</summary>
    public const string UnsupportedVersion = "SH1103";

    /// <summary>The subject has no data key: its identity was crypto-shredded (or never sealed here).</summary>
    public const string DataKeyNotFound = "SH1104";

    /// <summary>Authentication failed: the payload was altered, or belongs to another subject or field.</summary>
    public const string AuthenticationFailed = "SH1105";

    /// <summary>The payload was sealed under another data key than the subject's (for instance another subject's payload).</summary>
    public const string DataKeyMismatch = "SH1106";

    /// <summary>The master key that wrapped the subject's data key is not in the key store.</summary>
    public const string MasterKeyNotFound = "SH1107";

    /// <summary>DataProtection refused to unprotect a master key (revoked or lost protection key, tampered bytes).</summary>
    public const string MasterKeyUnwrapFailed = "SH1108";

    /// <summary>A wrapped data key is malformed or failed authentication.</summary>
    public const string WrappedDataKeyInvalid = "SH1109";

    /// <summary>A field name is not 1..32 characters of [a-z0-9_], or appears twice.</summary>
    public const string InvalidFieldName = "SH1110";

    /// <summary>Too many fields (more than 255) or a field value larger than 64 KiB.</summary>
    public const string TooLarge = "SH1111";

    /// <summary>A vault key store document could not be read.</summary>
    public const string StoreCorrupt = "SH1112";
}

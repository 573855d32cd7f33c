namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// Stable error codes of the key area (block SH12xx). The messages are fixed strings: they never carry key
/// material or identifiers, only the code, the domain id or a key version where that helps an operator.
/// </summary>
public static class KeyErrorCodes
{
    /// <summary>The domain id is not 1..63 characters of [a-z0-9-] starting with a letter or digit.</summary>
    public const string InvalidDomain = "SH1201";

    /// <summary>The requested key version does not exist in the domain's key ring.</summary>
    public const string UnknownKeyVersion = "SH1202";

    /// <summary>The domain has no keys in the store.</summary>
    public const string NoKeys = "SH1203";

    /// <summary>DataProtection refused to unwrap a key (wrong domain purpose, revoked or lost protection key, tampered bytes).</summary>
    public const string UnwrapFailed = "SH1204";

    /// <summary>An unwrapped key does not belong to the record that held it (swapped between versions or domains).</summary>
    public const string RecordMismatch = "SH1205";

    /// <summary>A key store file could not be read as a key store document.</summary>
    public const string StoreCorrupt = "SH1206";

    /// <summary>The partner id is empty, too long or contains control characters.</summary>
    public const string InvalidPartnerId = "SH1207";

    /// <summary>Key material has the wrong length (keys and secrets are exactly 32 bytes).</summary>
    public const string InvalidKeyLength = "SH1208";

    /// <summary>The stored records are inconsistent: duplicate versions, no or several active versions.</summary>
    public const string StoreInconsistent = "SH1209";

    /// <summary>The key version is outside 1..int.MaxValue.</summary>
    public const string InvalidKeyVersion = "SH1210";
}

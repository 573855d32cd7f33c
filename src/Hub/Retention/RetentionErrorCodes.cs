namespace SharingHub.Hub.Retention;

/// <summary>
/// The stable error codes of retention and key rotation (block SH3190–SH3199). Every refusal is answered as
/// <c>application/problem+json</c> with one of these codes; nothing changes on a refusal.
/// </summary>
public static class RetentionErrorCodes
{
    /// <summary>404: this hub does not run under that convenant.</summary>
    public const string UnknownConvenant = "SH3190";

    /// <summary>403: the caller is not a privacy officer of the convenant in the route.</summary>
    public const string NotPrivacyOfficer = "SH3191";

    /// <summary>403: retention and key rotation are decided by a person (a privacy officer signed in), never by a system client.</summary>
    public const string PersonRequired = "SH3192";

    /// <summary>409: a retention run or key rotation for this convenant is already under way in this hub.</summary>
    public const string AlreadyRunning = "SH3193";

    /// <summary>400: the key-rotation body is not valid JSON of the expected shape.</summary>
    public const string MalformedBody = "SH3194";

    /// <summary>409: <c>expectedActiveVersion</c> does not match the convenant's active key version (someone else rotated).</summary>
    public const string VersionMismatch = "SH3195";

    /// <summary>500 (reported per item, never thrown at the caller): one purge unit failed and was rolled back; the run went on.</summary>
    public const string ItemFailed = "SH3196";

    public static IReadOnlyList<string> All { get; } =
        [UnknownConvenant, NotPrivacyOfficer, PersonRequired, AlreadyRunning, MalformedBody, VersionMismatch, ItemFailed];
}

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// The stable codes of disclosure and grants (SH3170-SH3189). Every refusal is audited (status denied or error) before it is
/// answered; an unknown, foreign or invisible request answers <see cref="NotFound"/> so nothing leaks whether it exists.
/// </summary>
public static class DisclosureErrorCodes
{
    /// <summary>404: no such access request, or the caller is not its recipient (or requester / privacy officer for revoke).</summary>
    public const string NotFound = "SH3170";

    /// <summary>403: the grant has expired.</summary>
    public const string GrantExpired = "SH3171";

    /// <summary>403: the grant was revoked.</summary>
    public const string GrantRevoked = "SH3172";

    /// <summary>400: the request id is not a well-formed id.</summary>
    public const string MalformedId = "SH3173";

    /// <summary>403: the access request is not granted (pending review, denied or withdrawn) or has no grant.</summary>
    public const string NotGranted = "SH3174";

    /// <summary>403: the grant names the reporter's (melder's) identity; it is never disclosed, whatever a grant says.</summary>
    public const string ReporterIdentity = "SH3175";

    /// <summary>500: the disclosure could not be audited, so nothing was disclosed.</summary>
    public const string AuditFailed = "SH3176";

    /// <summary>400: <c>format</c> is neither <c>json</c> nor <c>csv</c>.</summary>
    public const string UnknownFormat = "SH3177";

    /// <summary>410: the subject's identity was erased (crypto-shredded under a retention rule); nothing can be disclosed.</summary>
    public const string IdentityErased = "SH3178";

    /// <summary>500: the vault could not open the subject's records; nothing was disclosed.</summary>
    public const string VaultFailed = "SH3179";

    /// <summary>403: the grant's convenant is not loaded by this hub, or no longer in force.</summary>
    public const string ConvenantUnavailable = "SH3180";

    /// <summary>403: revoking as a privacy officer needs a person token (a signed-in privacy officer, not a system client).</summary>
    public const string PersonTokenRequired = "SH3181";

    /// <summary>409: the grant is already revoked.</summary>
    public const string AlreadyRevoked = "SH3182";

    /// <summary>409: the access request has no grant to revoke.</summary>
    public const string NothingToRevoke = "SH3183";

    /// <summary>403: the grant names a field or category the convenant does not know, or a field outside its categories.</summary>
    public const string GrantInvalid = "SH3184";

    /// <summary>403: an absolute prohibition of the convenant covers this disclosure (its clause id in <c>clauses</c>).</summary>
    public const string Prohibited = "SH3185";
}

namespace SharingHub.Hub.Errors;

/// <summary>
/// Every stable error code the hub returns (block SH3xxx), in one place. A code never changes meaning;
/// retired codes are not reused. Clients match on <c>code</c>, never on <c>title</c> or <c>detail</c>.
/// </summary>
public static class ErrorCodes
{
    // SH300x: protocol and transport
    /// <summary>500: an unexpected server error; the response carries no detail.</summary>
    public const string Unexpected = "SH3000";

    /// <summary>404: no resource or endpoint at this address.</summary>
    public const string NotFound = "SH3001";

    /// <summary>405: the endpoint exists but not for this HTTP method.</summary>
    public const string MethodNotAllowed = "SH3002";

    /// <summary>415: the request body has a content type this endpoint does not accept.</summary>
    public const string UnsupportedMediaType = "SH3003";

    /// <summary>413: the request body is larger than this endpoint accepts.</summary>
    public const string PayloadTooLarge = "SH3004";

    /// <summary>429: the caller sent too many requests; retry after the Retry-After header.</summary>
    public const string TooManyRequests = "SH3005";

    /// <summary>400: the request could not be read (malformed body, bad parameter).</summary>
    public const string BadRequest = "SH3006";

    /// <summary>Any other 4xx status without a more specific code.</summary>
    public const string ClientError = "SH3007";

    /// <summary>503: a dependency (database, document store) is unavailable.</summary>
    public const string Unavailable = "SH3008";

    // SH301x: authentication and authorisation
    /// <summary>401: no valid access token (missing, malformed, revoked or with a bad signature).</summary>
    public const string Unauthenticated = "SH3010";

    /// <summary>401: the access token has expired; request a new one.</summary>
    public const string TokenExpired = "SH3011";

    /// <summary>403: the access token lacks the scope this endpoint needs.</summary>
    public const string InsufficientScope = "SH3012";

    /// <summary>403: the caller's partner has no role in the convenant named in the route.</summary>
    public const string NoRoleInConvenant = "SH3013";

    /// <summary>403: the caller may not do this (generic authorisation failure).</summary>
    public const string Forbidden = "SH3014";

    /// <summary>400: the convenant id in the route is not a well-formed convenant id.</summary>
    public const string MalformedConvenantId = "SH3015";

    // SH302x: token endpoint and login (returned as OAuth error_description prefixes or on the login page)
    /// <summary>The client or its partner is disabled: no token is issued.</summary>
    public const string ClientDisabled = "SH3020";

    /// <summary>Demo credentials were presented outside the Development environment.</summary>
    public const string DemoCredentialsRefused = "SH3021";

    /// <summary>Unknown user name or wrong password on the login page.</summary>
    public const string LoginFailed = "SH3022";

    /// <summary>The person or their partner is disabled: no sign-in.</summary>
    public const string PersonDisabled = "SH3023";

    /// <summary>The grant type is not supported by the token endpoint.</summary>
    public const string UnsupportedGrant = "SH3024";

    // SH303x: idempotency
    /// <summary>400: the Idempotency-Key header is malformed (1-128 visible ASCII characters).</summary>
    public const string IdempotencyKeyMalformed = "SH3030";

    /// <summary>409: the Idempotency-Key was used before with a different request.</summary>
    public const string IdempotencyKeyReused = "SH3031";
}

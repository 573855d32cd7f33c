namespace SharingHub.Hub.Audit;

/// <summary>
/// Stable error codes of the audit trail (block SH35xx), in one place. Returned as the <c>code</c> of a
/// ProblemDetails response. A code never changes meaning; retired codes are not reused.
/// </summary>
public static class AuditErrorCodes
{
    /// <summary>400: a query parameter is missing or not a non-negative integer.</summary>
    public const string MalformedParameter = "SH3500";

    /// <summary>400: an index is not in the requested tree (index ≥ size).</summary>
    public const string IndexOutOfRange = "SH3501";

    /// <summary>400: a tree size is larger than the current tree.</summary>
    public const string SizeBeyondTree = "SH3502";

    /// <summary>400: a consistency proof was asked with from &gt; to, or from = 0.</summary>
    public const string FromAfterTo = "SH3503";

    /// <summary>400: count is outside 1..1000.</summary>
    public const string CountOutOfRange = "SH3504";

    /// <summary>404: no checkpoint has been signed yet (the log is empty).</summary>
    public const string NoCheckpoint = "SH3505";

    /// <summary>403: the caller is not a privacy officer or auditor.</summary>
    public const string NotAnAuditor = "SH3506";

    /// <summary>403: the caller is not a privacy officer (subject-access report).</summary>
    public const string NotAPrivacyOfficer = "SH3507";

    /// <summary>400: the subject reference is not a well-formed subject pseudonym or reference.</summary>
    public const string MalformedSubject = "SH3508";

    /// <summary>400: the report format is not csv or json.</summary>
    public const string UnknownFormat = "SH3509";

    /// <summary>400: the cosignature body is not one valid note signature line for a checkpoint the hub signed.</summary>
    public const string MalformedCosignature = "SH3510";

    /// <summary>403: the cosignature is not from a configured witness key, or its signature does not verify.</summary>
    public const string UnknownWitness = "SH3511";

    /// <summary>404: no checkpoint of this size was signed.</summary>
    public const string UnknownCheckpoint = "SH3512";

    /// <summary>Programming error: an audit record field is not a well-formed id (never contains the rejected value).</summary>
    public const string InvalidRecordField = "SH3520";
}

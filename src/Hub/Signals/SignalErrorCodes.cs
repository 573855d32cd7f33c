namespace SharingHub.Hub.Signals;

/// <summary>
/// The stable codes of signal ingress and documents (SH3040-SH3057 and SH3070-SH3073; SH306x are the convenant start-up errors).
/// Identifier errors keep their SH10xx code from the identifiers library, reported with the field path.
/// </summary>
public static class SignalErrorCodes
{
    /// <summary>400: the body is not valid JSON for this endpoint (the JSON path is reported, never the value).</summary>
    public const string MalformedJson = "SH3040";

    /// <summary>400: a required field is missing or empty.</summary>
    public const string MissingField = "SH3041";

    /// <summary>400: a field has a value outside its allowed set (subject type, phase) or is too long.</summary>
    public const string InvalidField = "SH3042";

    /// <summary>400: the subject has no identifier usable as a match key for its type.</summary>
    public const string NoMatchKey = "SH3043";

    /// <summary>403: the convenant does not permit this submission (clause ids in <c>clauses</c>).</summary>
    public const string PolicyDenied = "SH3044";

    /// <summary>403: the convenant requires an approval before this submission; ingress does not hold submissions for approval.</summary>
    public const string ApprovalRequired = "SH3045";

    /// <summary>400: the batch is empty or has more items than allowed.</summary>
    public const string BatchSize = "SH3046";

    /// <summary>404: the convenant in the route is not loaded by this hub.</summary>
    public const string UnknownConvenant = "SH3047";

    /// <summary>404: no signal with this id submitted by the caller's partner under this convenant.</summary>
    public const string SignalNotFound = "SH3050";

    /// <summary>415: the document is not text/plain or application/pdf, or its bytes do not match the declared type.</summary>
    public const string DocumentType = "SH3051";

    /// <summary>400: the multipart body has no single <c>file</c> part, or the file is empty.</summary>
    public const string DocumentMissing = "SH3052";

    /// <summary>400: a text/plain document is not valid UTF-8.</summary>
    public const string DocumentEncoding = "SH3053";

    /// <summary>400: a content field (<c>fields.&lt;id&gt;</c>) is not a field of any category the signal declares in the convenant.</summary>
    public const string FieldNotInCategories = "SH3054";

    /// <summary>400: a content field belongs to the reporter (melder) category; reporter data is accepted only as <c>reporter</c>.</summary>
    public const string ReporterField = "SH3055";

    /// <summary>400: a group signal has no members or more than allowed.</summary>
    public const string GroupSize = "SH3056";

    /// <summary>400: two members of one group signal share an exact match key (the same person listed twice).</summary>
    public const string DuplicateMember = "SH3057";

    /// <summary>A PDF could not be read (no header, broken structure, form cycle, unknown filter): stored encrypted only, no scrubbed copy.</summary>
    public const string PdfMalformed = "SH3070";

    /// <summary>A PDF needs a password to open: stored encrypted only, no scrubbed copy.</summary>
    public const string PdfEncrypted = "SH3071";

    /// <summary>A PDF beyond the extraction limits (pages, characters, decompressed size, nesting, time): stored encrypted only.</summary>
    public const string PdfBeyondLimits = "SH3072";

    /// <summary>A PDF without a text layer (a scan): stored encrypted only, never marked as scrubbed.</summary>
    public const string PdfNoText = "SH3073";
}

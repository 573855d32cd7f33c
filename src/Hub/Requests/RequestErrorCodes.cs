namespace SharingHub.Hub.Requests;

/// <summary>
/// The stable codes of access requests and reviews (SH3140–SH3169). Bad input is answered before anything is stored;
/// unknown or invisible ids always get the same 404 code so nothing leaks whether they exist.
/// </summary>
public static class RequestErrorCodes
{
    /// <summary>400: the body is not valid JSON for this endpoint, or has a member it does not know (the JSON path is reported, never the value).</summary>
    public const string MalformedJson = "SH3140";

    /// <summary>400: a required field is missing or empty (the field is reported).</summary>
    public const string MissingField = "SH3141";

    /// <summary>422: a field has a value outside its allowed set or is too long (the field is reported, never the value).</summary>
    public const string InvalidField = "SH3142";

    /// <summary>404: the caller's partner holds no such subject reference under this convenant (unknown, another partner's, another convenant's).</summary>
    public const string SubjectNotFound = "SH3143";

    /// <summary>422: the purpose is not defined in the convenant.</summary>
    public const string UnknownPurpose = "SH3144";

    /// <summary>422: a category is not defined in the convenant.</summary>
    public const string UnknownCategory = "SH3145";

    /// <summary>422: a field does not belong to any of the named categories.</summary>
    public const string FieldOutsideCategories = "SH3146";

    /// <summary>422: the counterpart is not a party of the convenant.</summary>
    public const string UnknownCounterpart = "SH3147";

    /// <summary>422: a justification (necessity, proportionality, subsidiarity, motivation) is trivial: too short, a placeholder, repeated, copied or only the purpose name.</summary>
    public const string TrivialMotivation = "SH3148";

    /// <summary>422: <c>durationDays</c> is not between 1 and the configured maximum.</summary>
    public const string InvalidDuration = "SH3149";

    /// <summary>403: the convenant denies the request (the request is stored with status denied; clauses and reasons in the extensions).</summary>
    public const string Denied = "SH3150";

    /// <summary>422: none of the requested fields is shared by the flow that would permit the request.</summary>
    public const string FieldsNotShared = "SH3151";

    /// <summary>404: no access request with this id that the caller may see.</summary>
    public const string RequestNotFound = "SH3152";

    /// <summary>404: the convenant in the route is not loaded by this hub.</summary>
    public const string UnknownConvenant = "SH3153";

    /// <summary>400: the <c>status</c> filter of the review queue is not a request status.</summary>
    public const string InvalidStatusFilter = "SH3154";

    /// <summary>403: reviews are made by people (a person token from the portal), never by a system client.</summary>
    public const string PersonRequired = "SH3155";

    /// <summary>409: the gate is not (or no longer) required for this request.</summary>
    public const string GateNotRequired = "SH3156";

    /// <summary>403: the requester (the same actor) may never review its own request.</summary>
    public const string RequesterMayNotReview = "SH3157";

    /// <summary>403: the caller holds no role the convenant makes eligible for this gate (or comes from the requester's party where another party is required).</summary>
    public const string ReviewerNotEligible = "SH3158";

    /// <summary>409: this reviewer already reviewed this gate of this request.</summary>
    public const string AlreadyReviewed = "SH3159";

    /// <summary>409: the request is closed (granted, denied or withdrawn).</summary>
    public const string RequestClosed = "SH3160";

    /// <summary>422: the moreel-beraad deliberation record is missing, incomplete, or given for another gate.</summary>
    public const string InvalidDeliberation = "SH3161";

    /// <summary>422: a deliberation participant is unknown, not eligible under the convenant, named twice, or there are fewer than the quorum.</summary>
    public const string InvalidParticipants = "SH3162";

    /// <summary>409: the request changed while the review was being recorded; retry.</summary>
    public const string ConcurrentChange = "SH3163";

    /// <summary>403: the moreel-beraad gate is recorded by a moreel-beraad facilitator only.</summary>
    public const string FacilitatorRequired = "SH3164";

}

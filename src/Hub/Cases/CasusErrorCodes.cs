namespace SharingHub.Hub.Cases;

/// <summary>
/// The stable codes of the casus API (block SH3120-SH3139). Every refusal leaves the casus tables unchanged and is audited.
/// Unknown, foreign and invisible ids share one 404 code per kind, so an answer never tells whether something exists.
/// </summary>
public static class CasusErrorCodes
{
    /// <summary>400: the body is not valid JSON for this endpoint, or has a member it does not know (the JSON path is reported, never the value).</summary>
    public const string MalformedJson = "SH3120";

    /// <summary>400: a required field is missing or empty (<c>subjectRef</c>), or a transition names nothing to change.</summary>
    public const string MissingField = "SH3121";

    /// <summary>400: a value is outside its allowed set: an unknown state, phase or escalation level name, a malformed casus id or state filter.</summary>
    public const string InvalidValue = "SH3122";

    /// <summary>404: the caller's partner holds no such subject reference under this convenant (unknown, another partner's, or another convenant's: one code for all three).</summary>
    public const string SubjectNotFound = "SH3123";

    /// <summary>404: no casus with this id under this convenant that the caller may see (unknown, another convenant's, or not visible: one code).</summary>
    public const string CasusNotFound = "SH3124";

    /// <summary>404: the convenant in the route is not loaded by this hub.</summary>
    public const string UnknownConvenant = "SH3125";

    /// <summary>403: the caller's party may not bring in cases under this convenant (party <c>mayBringInCases</c> is false), or holds no role of the convenant its party may hold.</summary>
    public const string MayNotBringIn = "SH3126";

    /// <summary>403: only the owner partner or a casusregisseur of the convenant may move a casus.</summary>
    public const string MayNotTransition = "SH3127";

    /// <summary>409: the subject's cluster already has an open casus under this convenant (nothing is said about its owner).</summary>
    public const string OpenCasusExists = "SH3128";

    /// <summary>409: the casus changed since it was read (another transition won, or the stated <c>version</c> is stale); read it again.</summary>
    public const string VersionConflict = "SH3129";

    /// <summary>409: the lifecycle does not allow this state from the casus's current state (<see cref="CasusLifecycle"/>).</summary>
    public const string TransitionNotAllowed = "SH3130";

    /// <summary>409: phases only move forward, and not while the casus is parked.</summary>
    public const string PhaseNotForward = "SH3131";

    /// <summary>409: the phase does not fit the state (<see cref="CasusLifecycle.PhasesOf"/>).</summary>
    public const string PhaseInconsistent = "SH3132";

    /// <summary>409: an escalation level moves one rank at a time.</summary>
    public const string LevelStep = "SH3133";

    /// <summary>422: this convenant has no escalation levels, so a casus under it takes none.</summary>
    public const string LevelsNotSupported = "SH3134";

    /// <summary>422: referral to the RIEC is only possible under a convenant the RIEC bureau is party to.</summary>
    public const string ReferralNotAllowed = "SH3135";

    /// <summary>409: the casus is closed; nothing about it changes any more.</summary>
    public const string CasusClosed = "SH3136";
}

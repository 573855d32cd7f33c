namespace SharingHub.Policies;

/// <summary>
/// Every stable code of the Policies area (SH2xxx), in one place. SH20xx: convenant validation; SH21xx: decision
/// reasons; SH24xx: linter findings. Codes are part of the contract: never reuse or renumber one.
/// </summary>
public static class PolicyCodes
{
    // Validation (ConvenantLoader)
    public const string InvalidJson = "SH2001";
    public const string UnknownField = "SH2002";
    public const string WrongType = "SH2003";
    public const string MissingField = "SH2004";
    public const string InvalidValue = "SH2005";
    public const string InvalidClauseId = "SH2006";
    public const string DuplicateId = "SH2007";
    public const string DanglingReference = "SH2008";
    public const string DuplicateClauseId = "SH2009";
    public const string PurposeCycle = "SH2010";
    public const string TooMany = "SH2011";
    public const string InvalidPeriod = "SH2012";
    public const string InvalidDuration = "SH2013";
    public const string DuplicateConvenant = "SH2014";

    // Decision reasons (PolicyDecision.Reasons)
    public const string PermittedByFlow = "SH2101";
    public const string LegalGround = "SH2102";
    public const string ApprovalRequired = "SH2103";
    public const string ApprovalSatisfied = "SH2104";
    public const string ConvenantUnknown = "SH2110";
    public const string ConvenantNotActive = "SH2111";
    public const string ConvenantNotYetValid = "SH2112";
    public const string ConvenantExpired = "SH2113";
    public const string DpiaReviewOverdue = "SH2114";
    public const string PartyNotInConvenant = "SH2120";
    public const string RoleUnknown = "SH2121";
    public const string RoleNotHeldByParty = "SH2122";
    public const string PurposeUnknown = "SH2130";
    public const string PurposeProhibited = "SH2131";
    public const string PurposeNotAllowed = "SH2132";
    public const string CategoryUnknown = "SH2140";
    public const string CategoryNotInDpia = "SH2141";
    public const string ReporterIdentityProtected = "SH2142";
    public const string NoCategories = "SH2143";
    public const string Prohibited = "SH2150";
    public const string NoPermittingFlow = "SH2160";
    public const string NearestFlow = "SH2161";
    public const string InvalidRequest = "SH2170";

    // Linter findings (ConvenantLinter)
    public const string LintPurposeWithoutLegalGround = "SH2401";
    public const string LintCategoryNotInDpia = "SH2402";
    public const string LintSensitiveWithoutGate = "SH2403";
    public const string LintMissingRetention = "SH2404";
    public const string LintEndpointOutsideConvenant = "SH2405";
    public const string LintPermitOverlapsProhibition = "SH2406";
    public const string LintUnreachableFlow = "SH2407";
    public const string LintShadowedFlow = "SH2408";
    public const string LintMissingLegalException = "SH2409";
    public const string LintValidityWarning = "SH2410";
    public const string LintReporterIdentityFlow = "SH2411";
}

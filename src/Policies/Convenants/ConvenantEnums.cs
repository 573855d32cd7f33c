namespace SharingHub.Policies.Convenants;

/// <summary>Lifecycle status of a convenant; only <see cref="Active"/> permits anything.</summary>
public enum ConvenantStatus
{
    Draft = 1,
    Active,
    Suspended,
    Superseded,
    Withdrawn,
}

/// <summary>What kind of organisation a party is.</summary>
public enum PartyType
{
    Municipality = 1,
    Province,
    Police,
    PublicProsecution,
    TaxAuthority,
    Inspectorate,
    MilitaryPolice,
    Immigration,
    BenefitsAgency,
    CareProvider,
    DomesticViolenceCentre,
    Probation,
    ChildProtection,
    School,
    YouthCare,
    Halt,
    YouthWork,
    Secretariat,
}

/// <summary>The data-protection regime a party processes under.</summary>
public enum LegalRegime
{
    /// <summary>AVG (GDPR) with the UAVG.</summary>
    Avg = 1,

    /// <summary>Wet politiegegevens (Directive 2016/680).</summary>
    Wpg,

    /// <summary>Wet justitiële en strafvorderlijke gegevens.</summary>
    Wjsg,
}

/// <summary>How a purpose node in the purpose tree is marked.</summary>
public enum PurposeDisposition
{
    /// <summary>Allowed: this purpose and its descendants comply (unless related to a prohibited one).</summary>
    Allowed = 1,

    /// <summary>Prohibited: this purpose, its ancestors and its descendants never comply.</summary>
    Prohibited,

    /// <summary>Neither: complies only through an allowed ancestor.</summary>
    Inherit,
}

/// <summary>Sensitivity of a data category.</summary>
public enum Sensitivity
{
    Regular = 1,

    /// <summary>Special categories, AVG art. 9.</summary>
    Special,

    /// <summary>Criminal data, AVG art. 10.</summary>
    Criminal,

    /// <summary>The burgerservicenummer, UAVG art. 46.</summary>
    Bsn,

    /// <summary>Police data under the Wpg.</summary>
    PoliceData,

    /// <summary>Data under professional secrecy (beroepsgeheim).</summary>
    ProfessionalSecrecy,

    /// <summary>The identity of the reporter (melder): never disclosable.</summary>
    ReporterIdentity,
}

/// <summary>What the actor wants to do.</summary>
public enum PolicyAction
{
    Submit = 1,
    HitCheck,
    Request,
    Disclose,
    View,
    Export,
    Review,
}

/// <summary>How much of the subject the recipient sees.</summary>
public enum AccessMode
{
    /// <summary>Only whether a partner knows the subject, no content.</summary>
    HitNoHit = 1,

    /// <summary>Content under pseudonyms, no identity.</summary>
    Pseudonymised,

    /// <summary>Re-identified content.</summary>
    Identified,
}

/// <summary>What the request is about.</summary>
public enum SubjectType
{
    Person = 1,
    Address,
    Company,
    Vehicle,
    Group,
}

/// <summary>Work-process phase of a signal or casus ("van signaal naar casus").</summary>
public enum CasePhase
{
    /// <summary>No phase stated.</summary>
    None = 0,
    Signal,
    Intake,
    Analysis,
    CaseMeeting,
    Execution,
    Aftercare,
}

/// <summary>Human approval gates; a decision may need several.</summary>
[Flags]
public enum ApprovalGates
{
    None = 0,
    FourEyes = 1,
    PrivacyOfficer = 2,
    MoreelBeraad = 4,
    SteeringGroup = 8,
}

/// <summary>Conditions that make an approval rule apply.</summary>
[Flags]
public enum ApprovalTriggers
{
    None = 0,
    SpecialData = 1,
    CriminalData = 2,
    PoliceData = 4,
    ProfessionalSecrecy = 8,
    Bsn = 16,
    Minor = 32,
    IdentifiedMode = 64,
    NewPurpose = 128,
    CrossConvenant = 256,
    Always = 512,
}

/// <summary>The event a retention period counts from.</summary>
public enum RetentionStart
{
    SignalReceived = 1,
    CaseOpened,
    CaseClosed,
    LastProcessing,
    GrantExpired,
    Decision,
}

/// <summary>What happens when a retention period ends.</summary>
public enum RetentionEndAction
{
    Delete = 1,
    CryptoShred,
    Anonymise,
    Review,
}

/// <summary>Kinds of obligation a permit carries.</summary>
public enum ObligationKind
{
    RetainUntil = 1,
    MaskFields,
    Notify,
    Log,
}

using System.Collections.Frozen;

namespace SharingHub.Policies.Convenants;

/// <summary>
/// The stable JSON spelling (kebab-case) of every enum in the convenant format. These strings are part of the
/// file format and of the decision output: never rename one.
/// </summary>
public static class PolicyNames
{
    public static readonly NameMap<ConvenantStatus> Status = new(
        (ConvenantStatus.Draft, "draft"),
        (ConvenantStatus.Active, "active"),
        (ConvenantStatus.Suspended, "suspended"),
        (ConvenantStatus.Superseded, "superseded"),
        (ConvenantStatus.Withdrawn, "withdrawn"));

    public static readonly NameMap<PartyType> PartyType = new(
        (Convenants.PartyType.Municipality, "municipality"),
        (Convenants.PartyType.Province, "province"),
        (Convenants.PartyType.Police, "police"),
        (Convenants.PartyType.PublicProsecution, "public-prosecution"),
        (Convenants.PartyType.TaxAuthority, "tax-authority"),
        (Convenants.PartyType.Inspectorate, "inspectorate"),
        (Convenants.PartyType.MilitaryPolice, "military-police"),
        (Convenants.PartyType.Immigration, "immigration"),
        (Convenants.PartyType.BenefitsAgency, "benefits-agency"),
        (Convenants.PartyType.CareProvider, "care-provider"),
        (Convenants.PartyType.DomesticViolenceCentre, "domestic-violence-centre"),
        (Convenants.PartyType.Probation, "probation"),
        (Convenants.PartyType.ChildProtection, "child-protection"),
        (Convenants.PartyType.School, "school"),
        (Convenants.PartyType.YouthCare, "youth-care"),
        (Convenants.PartyType.Halt, "halt"),
        (Convenants.PartyType.YouthWork, "youth-work"),
        (Convenants.PartyType.Secretariat, "secretariat"));

    public static readonly NameMap<LegalRegime> Regime = new(
        (LegalRegime.Avg, "avg"),
        (LegalRegime.Wpg, "wpg"),
        (LegalRegime.Wjsg, "wjsg"));

    public static readonly NameMap<PurposeDisposition> Disposition = new(
        (PurposeDisposition.Allowed, "allowed"),
        (PurposeDisposition.Prohibited, "prohibited"),
        (PurposeDisposition.Inherit, "inherit"));

    public static readonly NameMap<Sensitivity> Sensitivity = new(
        (Convenants.Sensitivity.Regular, "regular"),
        (Convenants.Sensitivity.Special, "special"),
        (Convenants.Sensitivity.Criminal, "criminal"),
        (Convenants.Sensitivity.Bsn, "bsn"),
        (Convenants.Sensitivity.PoliceData, "police-data"),
        (Convenants.Sensitivity.ProfessionalSecrecy, "professional-secrecy"),
        (Convenants.Sensitivity.ReporterIdentity, "reporter-identity"));

    public static readonly NameMap<PolicyAction> Action = new(
        (PolicyAction.Submit, "submit"),
        (PolicyAction.HitCheck, "hit-check"),
        (PolicyAction.Request, "request"),
        (PolicyAction.Disclose, "disclose"),
        (PolicyAction.View, "view"),
        (PolicyAction.Export, "export"),
        (PolicyAction.Review, "review"));

    public static readonly NameMap<AccessMode> Mode = new(
        (AccessMode.HitNoHit, "hit-no-hit"),
        (AccessMode.Pseudonymised, "pseudonymised"),
        (AccessMode.Identified, "identified"));

    public static readonly NameMap<SubjectType> SubjectType = new(
        (Convenants.SubjectType.Person, "person"),
        (Convenants.SubjectType.Address, "address"),
        (Convenants.SubjectType.Company, "company"),
        (Convenants.SubjectType.Vehicle, "vehicle"),
        (Convenants.SubjectType.Group, "group"));

    public static readonly NameMap<CasePhase> Phase = new(
        (CasePhase.Signal, "signal"),
        (CasePhase.Intake, "intake"),
        (CasePhase.Analysis, "analysis"),
        (CasePhase.CaseMeeting, "case-meeting"),
        (CasePhase.Execution, "execution"),
        (CasePhase.Aftercare, "aftercare"));

    /// <summary>Gate names; "none" is accepted in files and maps to <see cref="ApprovalGates.None"/>.</summary>
    public static readonly NameMap<ApprovalGates> Gate = new(
        (ApprovalGates.None, "none"),
        (ApprovalGates.FourEyes, "four-eyes"),
        (ApprovalGates.PrivacyOfficer, "privacy-officer"),
        (ApprovalGates.MoreelBeraad, "moreel-beraad"),
        (ApprovalGates.SteeringGroup, "steering-group"));

    public static readonly NameMap<ApprovalTriggers> Trigger = new(
        (ApprovalTriggers.SpecialData, "special-data"),
        (ApprovalTriggers.CriminalData, "criminal-data"),
        (ApprovalTriggers.PoliceData, "police-data"),
        (ApprovalTriggers.ProfessionalSecrecy, "professional-secrecy"),
        (ApprovalTriggers.Bsn, "bsn"),
        (ApprovalTriggers.Minor, "minor"),
        (ApprovalTriggers.IdentifiedMode, "identified-mode"),
        (ApprovalTriggers.NewPurpose, "new-purpose"),
        (ApprovalTriggers.CrossConvenant, "cross-convenant"),
        (ApprovalTriggers.Always, "always"));

    public static readonly NameMap<RetentionStart> RetentionStart = new(
        (Convenants.RetentionStart.SignalReceived, "signal-received"),
        (Convenants.RetentionStart.CaseOpened, "case-opened"),
        (Convenants.RetentionStart.CaseClosed, "case-closed"),
        (Convenants.RetentionStart.LastProcessing, "last-processing"),
        (Convenants.RetentionStart.GrantExpired, "grant-expired"),
        (Convenants.RetentionStart.Decision, "decision"));

    public static readonly NameMap<RetentionEndAction> EndAction = new(
        (RetentionEndAction.Delete, "delete"),
        (RetentionEndAction.CryptoShred, "crypto-shred"),
        (RetentionEndAction.Anonymise, "anonymise"),
        (RetentionEndAction.Review, "review"));

    public static readonly NameMap<ObligationKind> Obligation = new(
        (ObligationKind.RetainUntil, "retain-until"),
        (ObligationKind.MaskFields, "mask-fields"),
        (ObligationKind.Notify, "notify"),
        (ObligationKind.Log, "log"));

    /// <summary>The AVG art. 6(1) bases a convenant may name.</summary>
    public static readonly FrozenSet<string> Article6Bases =
        new[] { "6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(f)" }.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>A two-way map between enum values and their JSON spelling.</summary>
public sealed class NameMap<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> _byName;
    private readonly FrozenDictionary<T, string> _byValue;

    public NameMap(params (T Value, string Name)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byName = entries.ToFrozenDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        _byValue = entries.ToFrozenDictionary(e => e.Value, e => e.Name);
        Names = entries.Select(e => e.Name).ToArray();
    }

    /// <summary>Every accepted spelling, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string? name, out T value)
    {
        if (name is not null && _byName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public string ToName(T value) => _byValue.TryGetValue(value, out var name) ? name : value.ToString();
}

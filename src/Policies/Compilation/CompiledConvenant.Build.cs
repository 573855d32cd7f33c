using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Compilation;

public sealed partial class CompiledConvenant
{
    private const int PhaseSlots = 7;

    private readonly CompiledFlow[] _flows;
    private readonly CompiledFlow[][] _flowsByAction;
    private readonly RetentionRule?[] _retention;
    private readonly ApprovalRequirement[] _requirements;
    private readonly CompiledRule[] _rules;
    private readonly CompiledProhibition[] _prohibitions;
    private readonly ulong[] _roleParties;
    private readonly ulong[] _ancestors;
    private readonly ulong[] _descendants;
    private readonly ulong _allCategories;
    private readonly ulong _dpiaCategories;
    private readonly ulong _special;
    private readonly ulong _criminal;
    private readonly ulong _police;
    private readonly ulong _secrecy;
    private readonly ulong _bsn;
    private readonly ulong _reporter;
    private readonly DateTimeOffset _dpiaDeadline;

    // Precomputed deny bodies, so that denials do not allocate either.
    private readonly DecisionBody _denyNotActive;
    private readonly DecisionBody _denyNotYetValid;
    private readonly DecisionBody _denyExpired;
    private readonly DecisionBody _denyDpia;
    private readonly DecisionBody _denyParty;
    private readonly DecisionBody _denyRoleUnknown;
    private readonly DecisionBody[] _denyRoleNotHeld;
    private readonly DecisionBody _denyPurposeUnknown;
    private readonly DecisionBody?[] _denyPurpose;
    private readonly DecisionBody _denyNoCategories;
    private readonly DecisionBody _denyCategoryUnknown;
    private readonly DecisionBody[] _denyNotInDpia;
    private readonly DecisionBody[] _denyReporter;
    private readonly DecisionBody _denyInvalid;
    private readonly DecisionBody _denyNoFlow;

    internal CompiledConvenant(ConvenantDocument doc)
    {
        Document = doc;
        var id = doc.Id;
        _parties = Index(doc.Parties.Select(p => p.Id));
        _roles = Index(doc.Roles.Select(r => r.Id));
        _purposes = Index(doc.Purposes.Select(p => p.Id));
        _categories = Index(doc.Categories.Select(c => c.Id));
        _levels = Index(doc.EscalationLevels.Select(l => l.Id));

        _roleParties = doc.Roles.Select(r => Bits.Indexes(r.Parties, _parties)).ToArray();
        (_ancestors, _descendants) = PurposeClosure(doc, _purposes);

        ulong allowedCover = 0, prohibitedRelated = 0;
        for (var p = 0; p < doc.Purposes.Count; p++)
        {
            if (doc.Purposes[p].Disposition == PurposeDisposition.Allowed)
            {
                allowedCover |= _descendants[p];
            }
            else if (doc.Purposes[p].Disposition == PurposeDisposition.Prohibited)
            {
                prohibitedRelated |= _descendants[p] | _ancestors[p];
            }
        }

        PermittedPurposes = allowedCover & ~prohibitedRelated;
        ProhibitedRelatedPurposes = prohibitedRelated;

        _allCategories = doc.Categories.Count == 64 ? ulong.MaxValue : (1UL << doc.Categories.Count) - 1;
        _dpiaCategories = Bits.Indexes(doc.Dpia.CoveredCategories, _categories);
        _special = Sensitive(doc, Sensitivity.Special);
        _criminal = Sensitive(doc, Sensitivity.Criminal);
        _police = Sensitive(doc, Sensitivity.PoliceData);
        _secrecy = Sensitive(doc, Sensitivity.ProfessionalSecrecy);
        _bsn = Sensitive(doc, Sensitivity.Bsn);
        _reporter = Sensitive(doc, Sensitivity.ReporterIdentity);
        _dpiaDeadline = new DateTimeOffset(doc.Dpia.ReviewDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        _retention = BuildRetention(doc);
        _requirements = doc.ApprovalRules
            .Where(r => r.Gate != ApprovalGates.None)
            .Select(r => new ApprovalRequirement(r.Gate, r.ClauseId, r.Quorum, r.Description))
            .ToArray();
        _rules = doc.ApprovalRules
            .Select((r, i) => new CompiledRule(r, Bits.Of(r.Actions), Bits.Of(r.Modes), r.Gate == ApprovalGates.None ? null : new ApprovalRequirement(r.Gate, r.ClauseId, r.Quorum, r.Description)))
            .ToArray();
        _prohibitions = doc.Prohibitions.Select(CompileProhibition).ToArray();

        _denyNotActive = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.ConvenantNotActive, $"convenant {id} {doc.Version} has status {PolicyNames.Status.ToName(doc.Status)}; only an active convenant permits processing");
        _denyNotYetValid = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.ConvenantNotYetValid, $"convenant {id} {doc.Version} is valid from {Iso(doc.ValidFrom)}");
        _denyExpired = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.ConvenantExpired, $"convenant {id} {doc.Version} expired at {Iso(doc.ValidTo)}");
        _denyDpia = DecisionBody.Deny(id, doc.Dpia.ClauseId, PolicyCodes.DpiaReviewOverdue, $"the DPIA {doc.Dpia.Reference} was due for review on {doc.Dpia.ReviewDate:yyyy-MM-dd}; no processing until it is reviewed");
        _denyParty = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.PartyNotInConvenant, $"the partner is not a party to convenant {id}");
        _denyRoleUnknown = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.RoleUnknown, $"the role is not defined in convenant {id}");
        _denyRoleNotHeld = doc.Roles.Select(r => DecisionBody.Deny(id, r.ClauseId, PolicyCodes.RoleNotHeldByParty, $"role {r.Id} may only be held by: {string.Join(", ", r.Parties)}")).ToArray();
        _denyPurposeUnknown = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.PurposeUnknown, $"the purpose is not defined in convenant {id} (doelbinding)");
        _denyPurpose = doc.Purposes.Select((p, i) => PurposeDeny(doc, i)).ToArray();
        _denyNoCategories = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.NoCategories, "the request names no data category");
        _denyCategoryUnknown = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.CategoryUnknown, $"a requested data category is not defined in convenant {id}");
        _denyNotInDpia = doc.Categories.Select(c => DecisionBody.Deny(id, doc.Dpia.ClauseId, PolicyCodes.CategoryNotInDpia, $"category {c.Id} is not covered by the DPIA {doc.Dpia.Reference}")).ToArray();
        _denyReporter = doc.Categories.Select(c => DecisionBody.Deny(id, c.ClauseId, PolicyCodes.ReporterIdentityProtected, $"category {c.Id} is the reporter's identity (melder): never available in identified mode")).ToArray();
        _denyInvalid = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.InvalidRequest, "the request has an action, mode, subject type, phase or level outside the convenant format");
        _denyNoFlow = DecisionBody.Deny(id, doc.ClauseId, PolicyCodes.NoPermittingFlow, $"no flow of convenant {id} permits this; everything not permitted is denied");

        _flows = doc.Flows.Select((f, i) => CompileFlow(f, i)).ToArray();
        _flowsByAction = new CompiledFlow[8][];
        for (var a = 0; a < _flowsByAction.Length; a++)
        {
            _flowsByAction[a] = _flows.Where(f => (f.Actions & (1u << a)) != 0).ToArray();
        }
    }

    /// <summary>Purposes that comply with the purpose tree (bit i = purpose i).</summary>
    internal ulong PermittedPurposes { get; }

    /// <summary>Purposes that are prohibited or an ancestor or descendant of a prohibited one.</summary>
    internal ulong ProhibitedRelatedPurposes { get; }

    internal ulong Descendants(int purpose) => _descendants[purpose];
    internal ulong RoleParties(int role) => _roleParties[role];
    internal ulong ReporterCategories => _reporter;
    internal ulong DpiaCategories => _dpiaCategories;
    internal IReadOnlyList<CompiledProhibition> Prohibitions => _prohibitions;
    internal IReadOnlyList<CompiledRule> Rules => _rules;
    internal IReadOnlyDictionary<string, int> CategoryIndex => _categories;
    internal IReadOnlyDictionary<string, int> PartyIndex => _parties;
    internal IReadOnlyDictionary<string, int> RoleIndex => _roles;

    /// <summary>The sensitivity triggers a set of categories raises.</summary>
    internal ApprovalTriggers CategoryTriggers(ulong categories)
    {
        var t = ApprovalTriggers.None;
        if ((categories & _special) != 0)
        {
            t |= ApprovalTriggers.SpecialData;
        }

        if ((categories & _criminal) != 0)
        {
            t |= ApprovalTriggers.CriminalData;
        }

        if ((categories & _police) != 0)
        {
            t |= ApprovalTriggers.PoliceData;
        }

        if ((categories & _secrecy) != 0)
        {
            t |= ApprovalTriggers.ProfessionalSecrecy;
        }

        if ((categories & _bsn) != 0)
        {
            t |= ApprovalTriggers.Bsn;
        }

        return t;
    }

    private CompiledFlow CompileFlow(Flow f, int index)
    {
        var obligations = f.Obligations.Select(o => new PolicyObligation(
            o.Kind,
            f.ClauseId,
            o.Retention is null ? null : Document.Retention.FirstOrDefault(r => r.ClauseId == o.Retention),
            [.. o.Fields],
            o.NotifyRole,
            o.Note)).ToImmutableArray();
        var covered = f.Purposes.Aggregate(0UL, (mask, p) => _purposes.TryGetValue(p, out var i) ? mask | _descendants[i] : mask);
        var flow = new CompiledFlow(f, index, obligations)
        {
            FromParties = Bits.Indexes(f.From.Parties, _parties),
            FromRoles = Bits.Indexes(f.From.Roles, _roles),
            ToParties = Bits.Indexes(f.To.Parties, _parties),
            ToRoles = Bits.Indexes(f.To.Roles, _roles),
            Actions = Bits.Of(f.Actions),
            CoveredPurposes = covered,
            Purposes = covered & PermittedPurposes,
            Categories = Bits.Indexes(f.Categories, _categories),
            SubjectTypes = Bits.Of(f.SubjectTypes),
            Phases = Bits.Of(f.Phases),
            Levels = Bits.Indexes(f.EscalationLevels, _levels),
            Modes = Bits.Of(f.Modes),
        };

        var bodies = new DecisionBody?[Document.Purposes.Count];
        for (var p = 0; p < bodies.Length; p++)
        {
            if ((flow.Purposes & (1UL << p)) != 0)
            {
                bodies[p] = new DecisionBody(DecisionOutcome.Permit, Id, f.ClauseId, PermitReasons(flow, p), obligations, flow: flow);
            }
        }

        flow.PermitBodies = bodies;
        return flow;
    }

    internal ImmutableArray<DecisionReason> PermitReasons(CompiledFlow flow, int purpose)
    {
        var reasons = ImmutableArray.CreateBuilder<DecisionReason>(2);
        reasons.Add(new DecisionReason(PolicyCodes.PermittedByFlow, flow.ClauseId, $"permitted by {flow.ClauseId}: {flow.Definition.Description}"));
        if (LegalGroundOf(purpose) is { } ground)
        {
            reasons.Add(ground);
        }

        return reasons.ToImmutable();
    }

    /// <summary>The legal-ground reason of a purpose: its own ground or the nearest ancestor's.</summary>
    internal DecisionReason? LegalGroundOf(int purpose)
    {
        for (int? p = purpose; p is { } i; p = Document.Purposes[i].Parent is { } parent && _purposes.TryGetValue(parent, out var up) ? up : null)
        {
            var node = Document.Purposes[i];
            if (node.LegalGround is { } g)
            {
                var extra = string.Concat(
                    g.Article9Exception is null ? "" : $"; art. 9: {g.Article9Exception}",
                    g.Article10Basis is null ? "" : $"; art. 10: {g.Article10Basis}",
                    g.BsnBasis is null ? "" : $"; BSN: {g.BsnBasis}",
                    g.WpgBasis is null ? "" : $"; Wpg: {g.WpgBasis}");
                return new DecisionReason(PolicyCodes.LegalGround, node.ClauseId, $"purpose {Document.Purposes[purpose].Id}: AVG art. {g.Article6} with {g.NationalBasis}{extra}");
            }
        }

        return null;
    }

    private DecisionBody? PurposeDeny(ConvenantDocument doc, int p)
    {
        var bit = 1UL << p;
        if ((PermittedPurposes & bit) != 0)
        {
            return null;
        }

        var purpose = doc.Purposes[p];
        if ((ProhibitedRelatedPurposes & bit) != 0)
        {
            for (var x = 0; x < doc.Purposes.Count; x++)
            {
                if (doc.Purposes[x].Disposition == PurposeDisposition.Prohibited && ((_descendants[x] | _ancestors[x]) & bit) != 0)
                {
                    var prohibited = doc.Purposes[x];
                    var relation = x == p ? "is prohibited" : $"is related to prohibited purpose {prohibited.Id}";
                    return DecisionBody.Deny(doc.Id, prohibited.ClauseId, PolicyCodes.PurposeProhibited, $"purpose {purpose.Id} {relation}; prohibitions win");
                }
            }
        }

        return DecisionBody.Deny(doc.Id, purpose.ClauseId, PolicyCodes.PurposeNotAllowed, $"purpose {purpose.Id} is neither an allowed purpose nor a descendant of one");
    }

    private CompiledProhibition CompileProhibition(Prohibition p)
    {
        var purposes = p.Purposes.Aggregate(0UL, (mask, id) => _purposes.TryGetValue(id, out var i) ? mask | _descendants[i] : mask);
        var body = DecisionBody.Deny(Id, p.ClauseId, PolicyCodes.Prohibited, $"prohibited by {p.ClauseId}: {p.Description}");
        return new CompiledProhibition(
            p,
            body,
            p.Parties.Count == 0 ? ulong.MaxValue : Bits.Indexes(p.Parties, _parties),
            p.Roles.Count == 0 ? ulong.MaxValue : Bits.Indexes(p.Roles, _roles),
            p.Actions.Count == 0 ? uint.MaxValue : Bits.Of(p.Actions),
            p.Purposes.Count == 0 ? ulong.MaxValue : purposes,
            p.Categories.Count == 0 ? ulong.MaxValue : Bits.Indexes(p.Categories, _categories),
            p.Modes.Count == 0 ? uint.MaxValue : Bits.Of(p.Modes),
            p.SubjectTypes.Count == 0 ? uint.MaxValue : Bits.Of(p.SubjectTypes));
    }

    private static RetentionRule?[] BuildRetention(ConvenantDocument doc)
    {
        var table = new RetentionRule?[doc.Categories.Count * PhaseSlots];
        for (var c = 0; c < doc.Categories.Count; c++)
        {
            var id = doc.Categories[c].Id;
            var general = doc.Retention.FirstOrDefault(r => r.Phases.Count == 0 && r.Categories.Contains(id));
            for (var phase = 0; phase < PhaseSlots; phase++)
            {
                table[(c * PhaseSlots) + phase] =
                    doc.Retention.FirstOrDefault(r => r.Phases.Contains((CasePhase)phase) && r.Categories.Contains(id)) ?? general;
            }
        }

        return table;
    }

    private static (ulong[] Ancestors, ulong[] Descendants) PurposeClosure(ConvenantDocument doc, FrozenDictionary<string, int> index)
    {
        var n = doc.Purposes.Count;
        var ancestors = new ulong[n];
        for (var p = 0; p < n; p++)
        {
            var mask = 1UL << p;
            var current = doc.Purposes[p].Parent;
            var guard = 0;
            while (current is not null && index.TryGetValue(current, out var up) && guard++ < n)
            {
                mask |= 1UL << up;
                current = doc.Purposes[up].Parent;
            }

            ancestors[p] = mask;
        }

        var descendants = new ulong[n];
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                if ((ancestors[q] & (1UL << p)) != 0)
                {
                    descendants[p] |= 1UL << q;
                }
            }
        }

        return (ancestors, descendants);
    }

    private static ulong Sensitive(ConvenantDocument doc, Sensitivity sensitivity)
    {
        ulong mask = 0;
        for (var i = 0; i < doc.Categories.Count; i++)
        {
            if (doc.Categories[i].Sensitivity == sensitivity)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    private static FrozenDictionary<string, int> Index(IEnumerable<string> ids)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            map.TryAdd(id, map.Count);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

internal sealed record CompiledRule(ApprovalRule Rule, uint Actions, uint Modes, ApprovalRequirement? Requirement);

internal sealed record CompiledProhibition(
    Prohibition Definition,
    DecisionBody Body,
    ulong Parties,
    ulong Roles,
    uint Actions,
    ulong Purposes,
    ulong Categories,
    uint Modes,
    uint SubjectTypes);

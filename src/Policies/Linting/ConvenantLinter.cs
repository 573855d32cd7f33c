using System.Numerics;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Linting;

/// <summary>
/// Finds clause-level problems a valid convenant can still have (SH24xx). A convenant "lints clean" when there is
/// no finding of severity <see cref="FindingSeverity.Error"/>.
/// </summary>
public static class ConvenantLinter
{
    private static readonly PolicyAction[] DisclosingActions = [PolicyAction.Request, PolicyAction.Disclose, PolicyAction.View, PolicyAction.Export];

    /// <summary>Loads and lints a convenant text: load errors when it does not load, otherwise the lint findings.</summary>
    public static IReadOnlyList<ConvenantError> LintText(string json, DateTimeOffset at)
    {
        var result = ConvenantLoader.Load(json);
        return result.Convenant is null ? result.Errors : Lint(result.Convenant, at);
    }

    /// <summary>Lints a compiled convenant; <paramref name="at"/> is the moment validity and DPIA review are judged.</summary>
    public static IReadOnlyList<ConvenantError> Lint(CompiledConvenant convenant, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(convenant);
        var findings = new List<ConvenantError>();
        var doc = convenant.Document;
        LegalGrounds(convenant, findings);
        Validity(doc, at, findings);
        var signed = doc.Signatories.Select(s => s.Party).ToHashSet(StringComparer.Ordinal);
        var retentionReported = new HashSet<(string, CasePhase)>();
        foreach (var flow in convenant.Flows)
        {
            var def = flow.Definition;
            Dpia(convenant, def, findings);
            Endpoints(convenant, def, signed, findings);
            Gates(convenant, flow, findings);
            Retention(convenant, def, retentionReported, findings);
            Exceptions(convenant, flow, findings);
            Reporter(convenant, def, findings);
            Prohibitions(convenant, flow, findings);
            Reachability(convenant, flow, findings);
        }

        return findings;
    }

    private static void LegalGrounds(CompiledConvenant c, List<ConvenantError> findings)
    {
        var doc = c.Document;
        for (var p = 0; p < doc.Purposes.Count; p++)
        {
            var purpose = doc.Purposes[p];
            if ((c.PermittedPurposes & (1UL << p)) != 0 && c.LegalGroundOf(p) is null)
            {
                findings.Add(new ConvenantError(PolicyCodes.LintPurposeWithoutLegalGround, purpose.Path + ".legalGround", purpose.ClauseId,
                    $"purpose {purpose.Id} is allowed but neither it nor an ancestor names a legal ground (AVG art. 6 basis and national article)"));
            }
        }
    }

    private static void Validity(ConvenantDocument doc, DateTimeOffset at, List<ConvenantError> findings)
    {
        if (doc.Status != ConvenantStatus.Active)
        {
            findings.Add(Warning(PolicyCodes.LintValidityWarning, "$.status", doc.ClauseId, $"status is {PolicyNames.Status.ToName(doc.Status)}: the engine denies everything"));
        }

        if (at >= doc.ValidTo || at < doc.ValidFrom)
        {
            findings.Add(Warning(PolicyCodes.LintValidityWarning, at < doc.ValidFrom ? "$.validFrom" : "$.validTo", doc.ClauseId, "the convenant is not valid at the time of linting: the engine denies everything"));
        }

        if (DateOnly.FromDateTime(at.UtcDateTime) > doc.Dpia.ReviewDate)
        {
            findings.Add(Warning(PolicyCodes.LintValidityWarning, doc.Dpia.Path + ".reviewDate", doc.Dpia.ClauseId, "the DPIA is past its review date: the engine denies everything"));
        }
    }

    private static void Dpia(CompiledConvenant c, Flow flow, List<ConvenantError> findings)
    {
        var covered = c.Document.Dpia.CoveredCategories;
        for (var i = 0; i < flow.Categories.Count; i++)
        {
            if (!covered.Contains(flow.Categories[i]))
            {
                findings.Add(Error(PolicyCodes.LintCategoryNotInDpia, $"{flow.Path}.categories[{i}]", flow.ClauseId,
                    $"category {flow.Categories[i]} is shared but the DPIA {c.Document.Dpia.ClauseId} does not cover it"));
            }
        }
    }

    private static void Endpoints(CompiledConvenant c, Flow flow, HashSet<string> signed, List<ConvenantError> findings)
    {
        foreach (var (side, endpoint) in new[] { ("from", flow.From), ("to", flow.To) })
        {
            for (var i = 0; i < endpoint.Parties.Count; i++)
            {
                if (!signed.Contains(endpoint.Parties[i]))
                {
                    findings.Add(Error(PolicyCodes.LintEndpointOutsideConvenant, $"{flow.Path}.{side}.parties[{i}]", flow.ClauseId,
                        $"party {endpoint.Parties[i]} has not signed the convenant"));
                }
            }

            var parties = Bits.Indexes(endpoint.Parties, c.PartyIndex);
            for (var i = 0; i < endpoint.Roles.Count; i++)
            {
                if (c.RoleIndex.TryGetValue(endpoint.Roles[i], out var role) && (c.RoleParties(role) & parties) == 0)
                {
                    findings.Add(Error(PolicyCodes.LintEndpointOutsideConvenant, $"{flow.Path}.{side}.roles[{i}]", flow.ClauseId,
                        $"role {endpoint.Roles[i]} cannot be held by any party on the {side} side"));
                }
            }
        }
    }

    private static void Gates(CompiledConvenant c, CompiledFlow flow, List<ConvenantError> findings)
    {
        var def = flow.Definition;
        var triggers = c.CategoryTriggers(flow.Categories) & (ApprovalTriggers.SpecialData | ApprovalTriggers.CriminalData | ApprovalTriggers.PoliceData | ApprovalTriggers.ProfessionalSecrecy);
        if (triggers == ApprovalTriggers.None || def.Approvals != ApprovalGates.None)
        {
            return;
        }

        foreach (var action in def.Actions.Where(a => DisclosingActions.Contains(a)))
        {
            foreach (var mode in def.Modes.Where(m => m != AccessMode.HitNoHit))
            {
                foreach (var single in Enum.GetValues<ApprovalTriggers>().Where(t => t != ApprovalTriggers.None && (triggers & t) == t))
                {
                    var gated = c.Rules.Any(r => r.Requirement is not null
                        && (r.Rule.Triggers & (single | ApprovalTriggers.Always)) != 0
                        && (r.Actions == 0 || (r.Actions & Bits.Of(action)) != 0)
                        && (r.Modes == 0 || (r.Modes & Bits.Of(mode)) != 0));
                    if (!gated)
                    {
                        findings.Add(Error(PolicyCodes.LintSensitiveWithoutGate, def.Path + ".categories", def.ClauseId,
                            $"{PolicyNames.Trigger.ToName(single)} can be obtained ({PolicyNames.Action.ToName(action)}, {PolicyNames.Mode.ToName(mode)}) without any approval gate"));
                    }
                }
            }
        }
    }

    private static void Retention(CompiledConvenant c, Flow flow, HashSet<(string, CasePhase)> reported, List<ConvenantError> findings)
    {
        var phases = flow.Phases.Count == 0 ? [CasePhase.None] : flow.Phases;
        foreach (var category in flow.Categories)
        {
            foreach (var phase in phases)
            {
                if (c.GetRetention(category, phase) is null && reported.Add((category, phase)))
                {
                    var cat = c.Document.Categories[c.FindCategory(category)];
                    var where = phase == CasePhase.None ? "" : $" in phase {PolicyNames.Phase.ToName(phase)}";
                    findings.Add(Error(PolicyCodes.LintMissingRetention, cat.Path, cat.ClauseId,
                        $"category {category} is shared by {flow.ClauseId}{where} but no retention rule covers it"));
                }
            }
        }
    }

    private static void Exceptions(CompiledConvenant c, CompiledFlow flow, List<ConvenantError> findings)
    {
        var doc = c.Document;
        var def = flow.Definition;
        var sensitivities = def.Categories.Select(id => doc.Categories[c.FindCategory(id)].Sensitivity).ToHashSet();
        var purposes = flow.Purposes;
        while (purposes != 0)
        {
            var p = BitOperations.TrailingZeroCount(purposes);
            purposes &= purposes - 1;
            var ground = GroundOf(doc, c, p);
            if (ground is null)
            {
                continue;
            }

            Check(Sensitivity.Special, ground.Article9Exception, "an art. 9 exception (article9Exception)");
            Check(Sensitivity.Criminal, ground.Article10Basis, "an art. 10 basis (article10Basis)");
            Check(Sensitivity.Bsn, ground.BsnBasis, "a BSN basis under UAVG art. 46 (bsnBasis)");
            Check(Sensitivity.PoliceData, ground.WpgBasis, "a Wpg provision basis (wpgBasis)");

            void Check(Sensitivity sensitivity, string? basis, string what)
            {
                if (sensitivities.Contains(sensitivity) && basis is null)
                {
                    findings.Add(Error(PolicyCodes.LintMissingLegalException, def.Path + ".purposes", def.ClauseId,
                        $"{flow.ClauseId} shares {PolicyNames.Sensitivity.ToName(sensitivity)} data for purpose {doc.Purposes[p].Id}, whose legal ground names no {what}"));
                }
            }
        }
    }

    private static void Reporter(CompiledConvenant c, Flow flow, List<ConvenantError> findings)
    {
        var reporter = flow.Categories.Where(id => c.Document.Categories[c.FindCategory(id)].Sensitivity == Sensitivity.ReporterIdentity).ToList();
        if (reporter.Count == 0)
        {
            return;
        }

        if (flow.Modes.Contains(AccessMode.Identified) || flow.Actions.Any(a => a != PolicyAction.Submit))
        {
            findings.Add(Error(PolicyCodes.LintReporterIdentityFlow, flow.Path, flow.ClauseId,
                $"{flow.ClauseId} makes the reporter's identity ({string.Join(", ", reporter)}) obtainable; it may only be submitted, never in identified mode"));
        }
    }

    private static void Prohibitions(CompiledConvenant c, CompiledFlow flow, List<ConvenantError> findings)
    {
        var def = flow.Definition;
        var relatedToProhibited = flow.CoveredPurposes & c.ProhibitedRelatedPurposes;
        if (relatedToProhibited != 0)
        {
            var purpose = c.Document.Purposes[BitOperations.TrailingZeroCount(relatedToProhibited)];
            findings.Add(Error(PolicyCodes.LintPermitOverlapsProhibition, def.Path + ".purposes", def.ClauseId,
                $"{flow.ClauseId} covers purpose {purpose.Id}, which is prohibited or related to a prohibited purpose"));
        }

        foreach (var p in c.Prohibitions)
        {
            if (Overlaps(flow, p))
            {
                findings.Add(Error(PolicyCodes.LintPermitOverlapsProhibition, def.Path, def.ClauseId,
                    $"{flow.ClauseId} permits requests that prohibition {p.Definition.ClauseId} forbids"));
            }
        }
    }

    private static void Reachability(CompiledConvenant c, CompiledFlow flow, List<ConvenantError> findings)
    {
        var def = flow.Definition;
        void Unreachable(string why) => findings.Add(Error(PolicyCodes.LintUnreachableFlow, def.Path, def.ClauseId, $"{flow.ClauseId} can never permit anything: {why}"));

        foreach (var action in def.Actions)
        {
            var (parties, roles, _) = Sides(flow, action);
            var anyPair = Enumerable.Range(0, c.Document.Roles.Count).Any(r => (roles & (1UL << r)) != 0 && (c.RoleParties(r) & parties) != 0);
            if (!anyPair)
            {
                Unreachable($"for {PolicyNames.Action.ToName(action)} no party on the acting side may hold any of its roles");
                return;
            }
        }

        if (flow.Purposes == 0)
        {
            Unreachable("none of its purposes complies with the purpose tree");
            return;
        }

        if ((flow.Categories & c.DpiaCategories) == 0)
        {
            Unreachable("none of its categories is covered by the DPIA");
            return;
        }

        if (def.Modes.All(m => m == AccessMode.Identified) && (flow.Categories & ~c.ReporterCategories) == 0)
        {
            Unreachable("it only shares the reporter's identity in identified mode");
            return;
        }

        foreach (var p in c.Prohibitions)
        {
            if (Covers(p, flow))
            {
                Unreachable($"prohibition {p.Definition.ClauseId} forbids everything it permits");
                return;
            }
        }

        foreach (var earlier in c.Flows.Take(flow.Index))
        {
            if (Shadows(earlier, flow))
            {
                findings.Add(Warning(PolicyCodes.LintShadowedFlow, def.Path, def.ClauseId,
                    $"{flow.ClauseId} never decides: the earlier flow {earlier.ClauseId} matches every request it matches"));
                return;
            }
        }
    }

    private static (ulong Parties, ulong Roles, ulong Other) Sides(CompiledFlow flow, PolicyAction action)
        => action == PolicyAction.Submit ? (flow.FromParties, flow.FromRoles, flow.ToParties) : (flow.ToParties, flow.ToRoles, flow.FromParties);

    private static bool Overlaps(CompiledFlow f, CompiledProhibition p)
        => f.Definition.Actions.Any(a =>
        {
            var (parties, roles, _) = Sides(f, a);
            return (p.Actions & Bits.Of(a)) != 0 && (parties & p.Parties) != 0 && (roles & p.Roles) != 0;
        })
        && (f.Purposes & p.Purposes) != 0 && (f.Categories & p.Categories) != 0 && (f.Modes & p.Modes) != 0 && (f.SubjectTypes & p.SubjectTypes) != 0;

    private static bool Covers(CompiledProhibition p, CompiledFlow f)
        => f.Definition.Actions.All(a =>
        {
            var (parties, roles, _) = Sides(f, a);
            return (p.Actions & Bits.Of(a)) != 0 && (parties & ~p.Parties) == 0 && (roles & ~p.Roles) == 0;
        })
        && (f.Purposes & ~p.Purposes) == 0 && (f.Categories & ~p.Categories) == 0 && (f.Modes & ~p.Modes) == 0 && (f.SubjectTypes & ~p.SubjectTypes) == 0;

    private static bool Shadows(CompiledFlow g, CompiledFlow f)
        => f.Definition.Actions.All(a =>
        {
            if ((g.Actions & Bits.Of(a)) == 0)
            {
                return false;
            }

            var (fp, fr, fo) = Sides(f, a);
            var (gp, gr, go) = Sides(g, a);
            return (fp & ~gp) == 0 && (fr & ~gr) == 0 && (fo & ~go) == 0;
        })
        && (f.Purposes & ~g.Purposes) == 0 && (f.Categories & ~g.Categories) == 0 && (f.Modes & ~g.Modes) == 0
        && (f.SubjectTypes & ~g.SubjectTypes) == 0
        && (g.Phases == 0 || (f.Phases != 0 && (f.Phases & ~g.Phases) == 0))
        && (g.Levels == 0 || (f.Levels != 0 && (f.Levels & ~g.Levels) == 0));

    private static LegalGround? GroundOf(ConvenantDocument doc, CompiledConvenant c, int purpose)
    {
        for (var p = purpose; ;)
        {
            if (doc.Purposes[p].LegalGround is { } g)
            {
                return g;
            }

            var parent = doc.Purposes[p].Parent;
            if (parent is null)
            {
                return null;
            }

            p = c.FindPurpose(parent).Index;
        }
    }

    private static ConvenantError Error(string code, string path, string clause, string message) => new(code, path, clause, message);

    private static ConvenantError Warning(string code, string path, string clause, string message) => new(code, path, clause, message, FindingSeverity.Warning);
}

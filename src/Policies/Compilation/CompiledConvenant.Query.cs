using System.Collections.Immutable;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Compilation;

public sealed partial class CompiledConvenant
{
    /// <summary>
    /// Resolves a query to a request. Unknown partners, roles and purposes resolve to "none" handles, which the
    /// engine denies with their own reason; unknown categories, names or levels give a denial right away.
    /// Reasons never echo the caller's strings, so a mistaken identifier in a field cannot leak into a log.
    /// </summary>
    public bool TryResolve(PolicyQuery query, ConvenantHandle handle, out DecisionRequest request, out PolicyDecision denial)
    {
        ArgumentNullException.ThrowIfNull(query);
        request = default;
        denial = default;
        if (!TryGetCategories(query.Categories, out var categories, out _))
        {
            denial = new PolicyDecision(_denyCategoryUnknown);
            return false;
        }

        var phase = CasePhase.None;
        if (!PolicyNames.Action.TryParse(query.Action, out var action)
            || !PolicyNames.Mode.TryParse(query.Mode, out var mode)
            || !PolicyNames.SubjectType.TryParse(query.SubjectType, out var subject)
            || (query.Phase is not null && !PolicyNames.Phase.TryParse(query.Phase, out phase)))
        {
            denial = new PolicyDecision(_denyInvalid);
            return false;
        }

        var approved = ApprovalGates.None;
        foreach (var name in query.Approved)
        {
            if (!PolicyNames.Gate.TryParse(name, out var gate))
            {
                denial = new PolicyDecision(_denyInvalid);
                return false;
            }

            approved |= gate;
        }

        var level = FindLevel(query.Level);
        if (query.Level is not null && level.IsNone)
        {
            denial = new PolicyDecision(_denyInvalid);
            return false;
        }

        var counterpart = FindParty(query.Counterpart);
        if (query.Counterpart is not null && counterpart.IsNone)
        {
            denial = new PolicyDecision(_denyParty);
            return false;
        }

        var flags = (query.Minor ? RequestFacts.Minor : RequestFacts.None)
            | (query.NewPurpose ? RequestFacts.NewPurpose : RequestFacts.None)
            | (query.CrossConvenant ? RequestFacts.CrossConvenant : RequestFacts.None);
        request = new DecisionRequest(handle, FindParty(query.Partner), FindRole(query.Role), FindPurpose(query.Purpose), action, categories, subject, mode, query.At)
        {
            Phase = phase,
            Level = level,
            Facts = flags,
            Counterpart = counterpart,
            Approved = approved,
        };
        return true;
    }

    /// <summary>Decides a query (allocates: resolution and strings). For hot paths resolve once and call <see cref="Decide"/>.</summary>
    public PolicyDecision Decide(PolicyQuery query)
        => TryResolve(query, default, out var request, out var denial) ? Decide(request) : denial;

    /// <summary>
    /// Like <see cref="Decide(in DecisionRequest)"/>, but a default denial also names the nearest flow and the first
    /// condition it failed on, so a person can see what would have to change. Allocates; for explain screens.
    /// </summary>
    public PolicyDecision Explain(in DecisionRequest request)
    {
        var decision = Decide(request);
        if (!decision.IsDeny || decision.Reasons[0].Code != PolicyCodes.NoPermittingFlow)
        {
            return decision;
        }

        var submit = request.Action == PolicyAction.Submit;
        var best = -1;
        string? bestFailure = null;
        CompiledFlow? bestFlow = null;
        foreach (var f in _flows)
        {
            var checks = new (bool Ok, string Failure)[]
            {
                (((submit ? f.FromParties : f.ToParties) & (1UL << request.Partner.Index)) != 0, $"partner is not on the {(submit ? "providing" : "receiving")} side"),
                (((submit ? f.FromRoles : f.ToRoles) & (1UL << request.Role.Index)) != 0, "role is not named"),
                ((f.Actions & (1u << (int)request.Action)) != 0, $"action {PolicyNames.Action.ToName(request.Action)} is not named"),
                ((f.Purposes & (1UL << request.Purpose.Index)) != 0, "purpose is not covered"),
                ((request.Categories.Bits & ~f.Categories) == 0, "a requested category is not shared by it"),
                ((f.Modes & (1u << (int)request.Mode)) != 0, $"mode {PolicyNames.Mode.ToName(request.Mode)} is not allowed"),
                ((f.SubjectTypes & (1u << (int)request.SubjectType)) != 0, $"subject type {PolicyNames.SubjectType.ToName(request.SubjectType)} is not named"),
                (f.Phases == 0 || (f.Phases & (1u << (int)request.Phase)) != 0, "phase is not named"),
                (f.Levels == 0 || (!request.Level.IsNone && (f.Levels & (1UL << request.Level.Index)) != 0), "escalation level is not named"),
                (request.Counterpart.IsNone || ((submit ? f.ToParties : f.FromParties) & (1UL << request.Counterpart.Index)) != 0, "counterpart is not on the other side"),
            };
            var score = checks.Count(c => c.Ok);
            if (score > best)
            {
                best = score;
                bestFlow = f;
                bestFailure = checks.First(c => !c.Ok).Failure;
            }
        }

        if (bestFlow is null)
        {
            return decision;
        }

        var reasons = decision.Reasons.Add(new DecisionReason(PolicyCodes.NearestFlow, bestFlow.ClauseId, $"nearest flow {bestFlow.ClauseId} does not apply: {bestFailure}"));
        return new PolicyDecision(new DecisionBody(DecisionOutcome.Deny, Id, decision.DecidingClauseId, reasons));
    }

}

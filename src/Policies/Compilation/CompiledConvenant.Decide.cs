using System.Collections.Immutable;
using System.Numerics;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Compilation;

public sealed partial class CompiledConvenant
{
    /// <summary>
    /// Decides a request against this convenant (the request's convenant handle is not consulted here). Order:
    /// validity and DPIA, actor, purpose tree, categories (DPIA, reporter identity), explicit prohibitions, flows
    /// (default deny), approval gates. Never allocates on the permit and deny paths; a needs-approval body is
    /// built once per (flow, purpose, triggered rules) and then shared.
    /// </summary>
    public PolicyDecision Decide(in DecisionRequest request)
    {
        var doc = Document;
        if (doc.Status != ConvenantStatus.Active)
        {
            return new PolicyDecision(_denyNotActive);
        }

        if (request.At < doc.ValidFrom)
        {
            return new PolicyDecision(_denyNotYetValid);
        }

        if (request.At >= doc.ValidTo)
        {
            return new PolicyDecision(_denyExpired);
        }

        if (request.At >= _dpiaDeadline)
        {
            return new PolicyDecision(_denyDpia);
        }

        var party = request.Partner.Index;
        if ((uint)party >= (uint)_parties.Count)
        {
            return new PolicyDecision(_denyParty);
        }

        var role = request.Role.Index;
        if ((uint)role >= (uint)_roles.Count)
        {
            return new PolicyDecision(_denyRoleUnknown);
        }

        var partyBit = 1UL << party;
        if ((_roleParties[role] & partyBit) == 0)
        {
            return new PolicyDecision(_denyRoleNotHeld[role]);
        }

        var purpose = request.Purpose.Index;
        if ((uint)purpose >= (uint)_purposes.Count)
        {
            return new PolicyDecision(_denyPurposeUnknown);
        }

        if (_denyPurpose[purpose] is { } purposeDeny)
        {
            return new PolicyDecision(purposeDeny);
        }

        var categories = request.Categories.Bits;
        if (categories == 0)
        {
            return new PolicyDecision(_denyNoCategories);
        }

        if ((categories & ~_allCategories) != 0)
        {
            return new PolicyDecision(_denyCategoryUnknown);
        }

        var outsideDpia = categories & ~_dpiaCategories;
        if (outsideDpia != 0)
        {
            return new PolicyDecision(_denyNotInDpia[BitOperations.TrailingZeroCount(outsideDpia)]);
        }

        if (request.Mode == AccessMode.Identified && (categories & _reporter) != 0)
        {
            return new PolicyDecision(_denyReporter[BitOperations.TrailingZeroCount(categories & _reporter)]);
        }

        var action = (int)request.Action;
        var mode = (int)request.Mode;
        var subject = (int)request.SubjectType;
        var phase = (int)request.Phase;
        var level = request.Level.Index;
        if ((uint)(action - 1) > 6 || (uint)(mode - 1) > 2 || (uint)(subject - 1) > 4 || (uint)phase > 6
            || (!request.Level.IsNone && level >= _levels.Count) || (!request.Counterpart.IsNone && request.Counterpart.Index >= _parties.Count))
        {
            return new PolicyDecision(_denyInvalid);
        }

        var actionBit = 1u << action;
        var modeBit = 1u << mode;
        var subjectBit = 1u << subject;
        var roleBit = 1UL << role;
        var purposeBit = 1UL << purpose;
        foreach (var p in _prohibitions)
        {
            if ((p.Parties & partyBit) != 0 && (p.Roles & roleBit) != 0 && (p.Actions & actionBit) != 0
                && (p.Purposes & purposeBit) != 0 && (p.Categories & categories) != 0 && (p.Modes & modeBit) != 0
                && (p.SubjectTypes & subjectBit) != 0)
            {
                return new PolicyDecision(p.Body);
            }
        }

        var flow = FindFlow(request, partyBit, roleBit, purposeBit, categories, actionBit, modeBit, subjectBit);
        if (flow is null)
        {
            return new PolicyDecision(_denyNoFlow);
        }

        var triggers = CategoryTriggers(categories) | ApprovalTriggers.Always;
        if (request.Mode == AccessMode.Identified)
        {
            triggers |= ApprovalTriggers.IdentifiedMode;
        }

        if ((request.Facts & RequestFacts.Minor) != 0)
        {
            triggers |= ApprovalTriggers.Minor;
        }

        if ((request.Facts & RequestFacts.NewPurpose) != 0)
        {
            triggers |= ApprovalTriggers.NewPurpose;
        }

        if ((request.Facts & RequestFacts.CrossConvenant) != 0)
        {
            triggers |= ApprovalTriggers.CrossConvenant;
        }

        ulong fired = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            if (rule.Requirement is not null && (rule.Rule.Triggers & triggers) != 0
                && (rule.Actions == 0 || (rule.Actions & actionBit) != 0)
                && (rule.Modes == 0 || (rule.Modes & modeBit) != 0))
            {
                fired |= 1UL << i;
            }
        }

        if (fired == 0 && flow.StaticGates == ApprovalGates.None)
        {
            return new PolicyDecision(flow.PermitBodies[purpose]!);
        }

        var key = new ApprovalKey(flow.Index, purpose, (int)triggers, fired, (int)request.Approved);
        if (_approvalBodies.TryGetValue(key, out var cached))
        {
            return new PolicyDecision(cached);
        }

        var body = BuildApprovalBody(flow, purpose, fired, triggers, request.Approved);
        _approvalBodies.TryAdd(key, body);
        return new PolicyDecision(body);
    }

    private CompiledFlow? FindFlow(in DecisionRequest request, ulong partyBit, ulong roleBit, ulong purposeBit, ulong categories, uint actionBit, uint modeBit, uint subjectBit)
    {
        var submit = request.Action == PolicyAction.Submit;
        var counterpartBit = request.Counterpart.IsNone ? 0UL : 1UL << request.Counterpart.Index;
        var phaseBit = 1u << (int)request.Phase;
        var levelBit = request.Level.IsNone ? 0UL : 1UL << request.Level.Index;
        foreach (var f in _flowsByAction[(int)request.Action])
        {
            var actorParties = submit ? f.FromParties : f.ToParties;
            var actorRoles = submit ? f.FromRoles : f.ToRoles;
            var otherParties = submit ? f.ToParties : f.FromParties;
            if ((actorParties & partyBit) != 0 && (actorRoles & roleBit) != 0
                && (f.Purposes & purposeBit) != 0
                && (categories & ~f.Categories) == 0
                && (f.Modes & modeBit) != 0
                && (f.SubjectTypes & subjectBit) != 0
                && (f.Actions & actionBit) != 0
                && (f.Phases == 0 || (f.Phases & phaseBit) != 0)
                && (f.Levels == 0 || (f.Levels & levelBit) != 0)
                && (counterpartBit == 0 || (otherParties & counterpartBit) != 0))
            {
                return f;
            }
        }

        return null;
    }

    private DecisionBody BuildApprovalBody(CompiledFlow flow, int purpose, ulong fired, ApprovalTriggers triggers, ApprovalGates approved)
    {
        var reasons = ImmutableArray.CreateBuilder<DecisionReason>();
        var requirements = ImmutableArray.CreateBuilder<ApprovalRequirement>();
        var gates = ApprovalGates.None;
        string? deciding = null;
        for (var i = 0; i < _rules.Length; i++)
        {
            if ((fired & (1UL << i)) == 0)
            {
                continue;
            }

            var rule = _rules[i];
            deciding ??= rule.Rule.ClauseId;
            gates |= rule.Rule.Gate;
            requirements.Add(rule.Requirement!);
            var why = string.Join(", ", PolicyNames.Trigger.Names.Where(n => PolicyNames.Trigger.TryParse(n, out var t) && (t & rule.Rule.Triggers & triggers) != 0));
            reasons.Add(new DecisionReason(PolicyCodes.ApprovalRequired, rule.Rule.ClauseId, $"{PolicyNames.Gate.ToName(rule.Rule.Gate)} required by {rule.Rule.ClauseId} ({why}): {rule.Rule.Description}"));
        }

        foreach (var gate in new[] { ApprovalGates.FourEyes, ApprovalGates.PrivacyOfficer, ApprovalGates.MoreelBeraad, ApprovalGates.SteeringGroup })
        {
            if ((flow.StaticGates & gate) != 0)
            {
                gates |= gate;
                // A gate the flow itself demands is decided by that flow's clause, with the quorum the convenant sets for the gate.
                var quorum = GetApprovalRequirement(gate)?.Quorum ?? new Quorum(1, [], false, 0);
                if (!requirements.Any(r => r.Gate == gate))
                {
                    requirements.Add(new ApprovalRequirement(gate, flow.ClauseId, quorum, flow.Definition.Description));
                }

                reasons.Add(new DecisionReason(PolicyCodes.ApprovalRequired, flow.ClauseId, $"{PolicyNames.Gate.ToName(gate)} required by flow {flow.ClauseId}"));
            }
        }

        reasons.AddRange(PermitReasons(flow, purpose));
        var open = gates & ~approved;
        if (open == ApprovalGates.None)
        {
            // Every required gate has been passed: permit, citing the flow and the approvals it rests on.
            var permitReasons = reasons.ToImmutable();
            var flowFirst = permitReasons.Where(r => r.Code != PolicyCodes.ApprovalRequired)
                .Concat(permitReasons.Where(r => r.Code == PolicyCodes.ApprovalRequired)
                    .Select(r => r with { Code = PolicyCodes.ApprovalSatisfied, Message = "satisfied: " + r.Message }))
                .ToImmutableArray();
            return new DecisionBody(DecisionOutcome.Permit, Id, flow.ClauseId, flowFirst, flow.Obligations, ApprovalGates.None, requirements.ToImmutable(), flow);
        }

        var pending = requirements.Where(r => (r.Gate & open) != 0).ToImmutableArray();
        return new DecisionBody(DecisionOutcome.NeedsApproval, Id, pending.Length > 0 ? pending[0].ClauseId : deciding ?? flow.ClauseId, reasons.ToImmutable(), flow.Obligations, open, pending, flow);
    }
}

internal readonly record struct ApprovalKey(int Flow, int Purpose, int Triggers, ulong Fired, int Approved);

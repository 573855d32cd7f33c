using System.Globalization;
using System.Text.Json.Serialization;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.HubCtl.Commands;

/// <summary>The JSON shape <c>hubctl convenant explain</c> prints.</summary>
internal sealed record DecisionJson(
    [property: JsonPropertyName("convenant")] string Convenant,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("decidingClause")] string DecidingClause,
    [property: JsonPropertyName("gates")] IReadOnlyList<string> Gates,
    [property: JsonPropertyName("reasons")] IReadOnlyList<ReasonJson> Reasons,
    [property: JsonPropertyName("obligations")] IReadOnlyList<ObligationJson> Obligations,
    [property: JsonPropertyName("approvals")] IReadOnlyList<ApprovalJson> Approvals,
    [property: JsonPropertyName("allowedFields")] IReadOnlyList<string> AllowedFields)
{
    public static DecisionJson From(PolicyDecision decision, DateTimeOffset at) => new(
        decision.ConvenantId,
        at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        decision.Outcome switch { DecisionOutcome.Permit => "permit", DecisionOutcome.NeedsApproval => "needs-approval", _ => "deny" },
        decision.DecidingClauseId,
        GateNames(decision.Gates),
        [.. decision.Reasons.Select(r => new ReasonJson(r.Code, r.ClauseId, r.Message))],
        [.. decision.Obligations.Select(o => new ObligationJson(
            PolicyNames.Obligation.ToName(o.Kind),
            o.ClauseId,
            o.Retention is null ? null : new RetentionJson(o.Retention.ClauseId, o.Retention.PeriodText, PolicyNames.RetentionStart.ToName(o.Retention.CountsFrom), PolicyNames.EndAction.ToName(o.Retention.EndAction)),
            o.Fields.IsDefaultOrEmpty ? null : [.. o.Fields],
            o.NotifyRole,
            o.Note))],
        [.. decision.Requirements.Select(r => new ApprovalJson(PolicyNames.Gate.ToName(r.Gate), r.ClauseId, r.Quorum.Reviewers, r.Quorum.ReviewerRoles, r.Quorum.ReviewerFromOtherParty, r.Quorum.MaxWaitDays))],
        [.. decision.AllowedFields]);

    private static string[] GateNames(ApprovalGates gates)
        => [.. new[] { ApprovalGates.FourEyes, ApprovalGates.PrivacyOfficer, ApprovalGates.MoreelBeraad, ApprovalGates.SteeringGroup }
            .Where(g => (gates & g) != 0).Select(PolicyNames.Gate.ToName)];
}

internal sealed record ReasonJson(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("message")] string Message);

internal sealed record RetentionJson(
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("countsFrom")] string CountsFrom,
    [property: JsonPropertyName("endAction")] string EndAction);

internal sealed record ObligationJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("retention"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RetentionJson? Retention,
    [property: JsonPropertyName("fields"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Fields,
    [property: JsonPropertyName("notifyRole"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotifyRole,
    [property: JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

internal sealed record ApprovalJson(
    [property: JsonPropertyName("gate")] string Gate,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("reviewers")] int Reviewers,
    [property: JsonPropertyName("reviewerRoles")] IReadOnlyList<string> ReviewerRoles,
    [property: JsonPropertyName("reviewerFromOtherParty")] bool ReviewerFromOtherParty,
    [property: JsonPropertyName("maxWaitDays")] int MaxWaitDays);

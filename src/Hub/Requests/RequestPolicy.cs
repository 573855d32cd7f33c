using System.Globalization;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Hub.Requests;

/// <summary>
/// The policy side of a stored access request: rebuilds its <see cref="DecisionRequest"/> from the row (the phase, level and
/// minor fact stored when it was made, never from a caller), names gates, and summarises each gate's requirement.
/// </summary>
internal static class RequestPolicy
{
    public static readonly ApprovalGates[] AllGates = [ApprovalGates.FourEyes, ApprovalGates.PrivacyOfficer, ApprovalGates.MoreelBeraad, ApprovalGates.SteeringGroup];

    public static IReadOnlyList<string> GateNames(int gates) =>
        [.. AllGates.Where(g => (gates & (int)g) != 0).Select(g => PolicyNames.Gate.ToName(g))];

    /// <summary>The decision request of a stored row, evaluated at <paramref name="at"/> with <paramref name="approved"/> gates passed.</summary>
    public static DecisionRequest? Rebuild(ConvenantCatalog catalog, CompiledConvenant convenant, AccessRequest row, string requesterParty, DateTimeOffset at, ApprovalGates approved)
    {
        if (!convenant.TryGetCategories(Split(row.Categories), out var categories, out _)
            || !PolicyNames.Mode.TryParse(row.Mode, out var mode)
            || !PolicyNames.SubjectType.TryParse(row.SubjectType, out var subjectType))
        {
            return null;
        }

        _ = PolicyNames.Phase.TryParse(row.Phase, out var phase);
        return new DecisionRequest(catalog.Find(convenant.Id), convenant.FindParty(requesterParty), convenant.FindRole(row.RequesterRole),
            convenant.FindPurpose(row.Purpose), PolicyAction.Request, categories, subjectType, mode, at)
        {
            Phase = phase,
            Level = convenant.FindLevel(row.Level),
            Facts = row.IsMinor ? RequestFacts.Minor : RequestFacts.None,
            Counterpart = convenant.FindParty(row.Counterpart),
            Approved = approved,
        };
    }

    /// <summary>
    /// Whether the convenant lets <paramref name="reviewerParty"/> acting as <paramref name="role"/> see this request for review
    /// (action <c>review</c>, pseudonymised, the request's purpose, categories, subject type, phase and level, at
    /// <paramref name="at"/>): prohibitions such as "never the reporter's identity" or "police never sees health data" apply to
    /// reviewers too, and an expired convenant lets nobody review.
    /// </summary>
    public static bool PermitsReview(ConvenantCatalog catalog, CompiledConvenant convenant, AccessRequest row, string requesterParty, string reviewerParty, string role, DateTimeOffset at)
    {
        if (Rebuild(catalog, convenant, row, requesterParty, at, ApprovalGates.None) is not { } request)
        {
            return false;
        }

        var review = request with
        {
            Partner = convenant.FindParty(reviewerParty),
            Role = convenant.FindRole(role),
            Action = PolicyAction.Review,
            Mode = AccessMode.Pseudonymised,
            Counterpart = default,
        };
        return !catalog.Decide(review).IsDeny;
    }

    /// <summary>
    /// The requirement of one gate, merged over every rule that demands it: the largest quorum, the shortest wait, and a
    /// reviewer must be eligible under every one of them.
    /// </summary>
    public static GateRequirement? ForGate(IEnumerable<ApprovalRequirement> requirements, ApprovalGates gate)
    {
        var rules = requirements.Where(r => r.Gate == gate).ToArray();
        if (rules.Length == 0)
        {
            return null;
        }

        var waits = rules.Select(r => r.Quorum.MaxWaitDays).Where(d => d > 0).ToArray();
        return new GateRequirement(gate, rules, rules.Max(r => Math.Max(1, r.Quorum.Reviewers)), waits.Length == 0 ? 0 : waits.Min());
    }

    public static bool IsEligible(CompiledConvenant convenant, GateRequirement requirement, string reviewerParty, string role, string requesterParty)
    {
        var party = convenant.FindParty(reviewerParty);
        var roleHandle = convenant.FindRole(role);
        var requester = convenant.FindParty(requesterParty);
        return !party.IsNone && !roleHandle.IsNone && requirement.Rules.All(r => convenant.IsEligibleReviewer(r, party, roleHandle, requester));
    }

    public static bool IsOverdue(GateRequirement requirement, DateTimeOffset createdAt, DateTimeOffset now) =>
        requirement.Rules.Any(r => CompiledConvenant.IsOverdue(r, createdAt, now));

    /// <summary>The earliest review deadline over the gates still open.</summary>
    public static DateTimeOffset? Deadline(IEnumerable<GateRequirement> open, DateTimeOffset createdAt)
    {
        var days = open.Where(r => r.MaxWaitDays > 0).Select(r => r.MaxWaitDays).ToArray();
        return days.Length == 0 ? null : createdAt.AddDays(days.Min());
    }

    /// <summary>Reasons stored on the row: <c>code:clause</c>, comma separated (codes and clause ids only).</summary>
    public static string StoreReasons(IEnumerable<DecisionReason> reasons) =>
        string.Join(',', reasons.Select(r => r.Code + ":" + r.ClauseId).Distinct(StringComparer.Ordinal));

    public static IReadOnlyList<ReasonView> LoadReasons(string stored) =>
        [.. Split(stored).Select(r => r.Split(':', 2)).Select(p => new ReasonView(p[0], p.Length > 1 ? p[1] : string.Empty, null))];

    public static IReadOnlyList<ReasonView> Views(IEnumerable<DecisionReason> reasons) =>
        [.. reasons.Select(r => new ReasonView(r.Code, r.ClauseId, r.Message))];

    public static IReadOnlyList<string> Clauses(PolicyDecision decision) =>
        [.. decision.Reasons.Select(r => r.ClauseId).Where(c => c.Length > 0).Prepend(decision.DecidingClauseId).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

    public static string[] Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Outcome(DecisionOutcome outcome) => "decision:" + outcome.ToString();

    public static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What one gate of one request needs: the rules behind it, the number of distinct approving reviewers, the longest wait.</summary>
internal sealed record GateRequirement(ApprovalGates Gate, IReadOnlyList<ApprovalRequirement> Rules, int Reviewers, int MaxWaitDays)
{
    public string Name => PolicyNames.Gate.ToName(Gate);

    public string ClauseId => Rules[0].ClauseId;

    public IReadOnlyList<string> ReviewerRoles => [.. Rules.SelectMany(r => r.Quorum.ReviewerRoles).Distinct(StringComparer.Ordinal)];

    public bool FromOtherParty => Rules.Any(r => r.Quorum.ReviewerFromOtherParty);
}

using SharingHub.Policies.Decisions;

namespace SharingHub.Hub.Signals;

/// <summary>
/// Asks the convenant whether the caller may submit a signal: action <c>submit</c> under each of the caller's roles in
/// the convenant, the first Permit wins. A reporter (melder) needs its own Permit for the category <c>melder</c>.
/// NeedsApproval is refused (SH3045): ingress does not hold submissions for an approval workflow.
/// </summary>
public static class SubmitPolicy
{
    public const string Action = "submit";
    public const string ReporterCategory = "melder";

    public static SubmitDecision Decide(ConvenantCatalog catalog, string convenant, string party, IReadOnlyList<string> roles, ValidatedSignal signal, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(signal);
        var main = DecideCategories(catalog, convenant, party, roles, signal, signal.Categories, at);
        if (!main.Permitted || signal.Reporter is null)
        {
            return main;
        }

        var reporter = DecideCategories(catalog, convenant, party, roles, signal, [ReporterCategory], at);
        return reporter.Permitted ? main with { Clauses = [.. main.Clauses, .. reporter.Clauses] } : reporter;
    }

    private static SubmitDecision DecideCategories(
        ConvenantCatalog catalog, string convenant, string party, IReadOnlyList<string> roles, ValidatedSignal signal, IReadOnlyList<string> categories, DateTimeOffset at)
    {
        var refusals = new List<PolicyDecision>();
        foreach (var role in roles)
        {
            var decision = catalog.Decide(new PolicyQuery
            {
                Convenant = convenant,
                Partner = party,
                Role = role,
                Purpose = signal.Purpose,
                Action = Action,
                Categories = categories,
                SubjectType = signal.SubjectTypeName,
                Phase = signal.Phase,
                Minor = signal.IsMinor,
                At = at,
            });
            if (decision.IsPermit)
            {
                return new SubmitDecision(true, role, null, decision.Outcome.ToString(), Clauses(decision));
            }

            refusals.Add(decision);
        }

        var approval = refusals.FindIndex(d => d.NeedsApproval);
        if (approval >= 0)
        {
            return new SubmitDecision(false, null, SignalErrorCodes.ApprovalRequired, refusals[approval].Outcome.ToString(), Clauses(refusals[approval]));
        }

        var clauses = refusals.SelectMany(Clauses).Distinct(StringComparer.Ordinal).ToArray();
        return new SubmitDecision(false, null, SignalErrorCodes.PolicyDenied, "Deny", clauses);
    }

    private static string[] Clauses(PolicyDecision decision) =>
        [.. new[] { decision.DecidingClauseId }.Concat(decision.Reasons.Select(r => r.ClauseId)).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal)];
}

/// <summary>The submit decision: permitted with the role that permits it, or refused with a code and the deciding clause ids.</summary>
public sealed record SubmitDecision(bool Permitted, string? Role, string? Code, string Outcome, IReadOnlyList<string> Clauses);

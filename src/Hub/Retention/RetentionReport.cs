using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Retention;

/// <summary>
/// The retention report of one convenant at one moment (preview and run answer the same shape): per end action and deciding
/// clause the signals and subject anchors concerned, the reporter keys that are due on their own, what is only reported
/// (review), what waits for a start event, what the subject-level clean-up does, and when the next items become due.
/// Pseudonymous ids only (signal ids, subject anchors); never content or identity.
/// </summary>
public sealed record RetentionReport(
    string Convenant,
    DateTimeOffset At,
    bool DryRun,
    IReadOnlyList<RetentionActionGroup> Actions,
    IReadOnlyList<RetentionActionGroup> ReporterShreds,
    IReadOnlyList<RetentionActionGroup> Review,
    IReadOnlyList<RetentionWaitingGroup> Waiting,
    RetentionSubjectSummary Subjects,
    int Documents,
    RetentionNextDue? NextDue,
    RetentionRunOutcome? Outcome);

/// <summary>Signals under one end action and deciding clause, with the anchors of their subject clusters.</summary>
public sealed record RetentionActionGroup(string Action, string Clause, int Count, IReadOnlyList<Guid> SignalIds, IReadOnlyList<string> Subjects);

/// <summary>Signals kept because a start event has not happened (<c>WaitingFor</c>: casus, casus-closed, grant, decision, processing-ended) or a category has no rule (<c>rule:&lt;category&gt;</c>).</summary>
public sealed record RetentionWaitingGroup(string? Clause, string WaitingFor, int Count, IReadOnlyList<Guid> SignalIds);

/// <summary>The subject-level clean-up: vault data keys shredded (subjects and reporters), clusters fully purged (anchors), grants revoked, pending requests withdrawn.</summary>
public sealed record RetentionSubjectSummary(
    int SubjectKeysShredded, int ReporterKeysShredded, IReadOnlyList<string> PurgedSubjects, int GrantsRevoked, int RequestsWithdrawn);

/// <summary>The earliest moment at which more data becomes due, the clauses due then and how many signals.</summary>
public sealed record RetentionNextDue(DateTimeOffset At, IReadOnlyList<string> Clauses, int Count);

/// <summary>What a run did: clusters purged and failed (rolled back), documents deleted after commit, manifests left for the next run.</summary>
public sealed record RetentionRunOutcome(int ClustersPurged, int ClustersFailed, int DocumentsDeleted, int DocumentManifestsPending, IReadOnlyList<string> Errors);

internal static class RetentionReports
{
    public static string ActionName(RetentionEndAction action) => PolicyNames.EndAction.ToName(action);

    public static RetentionReport Build(RetentionPlan plan, IReadOnlyDictionary<Guid, string> anchors, bool dryRun, RetentionRunOutcome? outcome)
    {
        string AnchorOf(Guid root) => anchors.TryGetValue(root, out var anchor) ? anchor : string.Empty;

        var actions = plan.Work.SelectMany(w => w.Purges)
            .GroupBy(s => (Action: ActionName(s.Action!.Value), Clause: s.Clause!))
            .OrderBy(g => g.Key.Action, StringComparer.Ordinal).ThenBy(g => g.Key.Clause, StringComparer.Ordinal)
            .Select(g => new RetentionActionGroup(g.Key.Action, g.Key.Clause, g.Count(), [.. g.Select(s => s.SignalId).Order()],
                [.. g.Select(s => AnchorOf(s.Root)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        var reporters = plan.Work.SelectMany(w => w.ReporterShreds)
            .GroupBy(r => r.Clause).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RetentionActionGroup(ActionName(RetentionEndAction.CryptoShred), g.Key, g.Count(), [.. g.Select(r => r.SignalId).Order()],
                [.. g.Select(r => AnchorOf(r.Root)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        var review = plan.Signals.Where(s => s.Verdict == SignalVerdict.Review).Select(s => (s.Clause!, s.SignalId, s.Root))
            .Concat(plan.Reporters.Where(r => r.Verdict == SignalVerdict.Review).Select(r => (r.Clause, r.SignalId, r.Root)))
            .GroupBy(x => x.Item1).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RetentionActionGroup(ActionName(RetentionEndAction.Review), g.Key, g.Count(), [.. g.Select(x => x.SignalId).Distinct().Order()],
                [.. g.Select(x => AnchorOf(x.Root)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        var waiting = plan.Signals.Where(s => s.Verdict is SignalVerdict.Waiting or SignalVerdict.NoRule)
            .GroupBy(s => (s.Clause, WaitingFor: s.WaitingFor ?? "rule"))
            .OrderBy(g => g.Key.Clause ?? string.Empty, StringComparer.Ordinal).ThenBy(g => g.Key.WaitingFor, StringComparer.Ordinal)
            .Select(g => new RetentionWaitingGroup(g.Key.Clause, g.Key.WaitingFor, g.Count(), [.. g.Select(s => s.SignalId).Order()]))
            .ToList();
        var subjects = new RetentionSubjectSummary(
            plan.Work.Sum(w => w.SubjectKeysToShred.Count),
            plan.Work.Sum(w => w.ReporterKeysToShred.Count),
            [.. plan.Work.Where(w => w.FullyPurged).Select(w => w.Anchor).Order(StringComparer.Ordinal)],
            plan.Work.Sum(w => w.GrantsToRevoke.Count),
            plan.Work.Sum(w => w.RequestsToWithdraw.Count));
        var upcoming = plan.Signals.Where(s => s.Verdict == SignalVerdict.NotYetDue && s.DueAt is not null).Select(s => (s.DueAt!.Value, s.Clause!))
            .Concat(plan.Reporters.Where(r => r.Verdict == SignalVerdict.NotYetDue && r.DueAt is not null).Select(r => (r.DueAt!.Value, r.Clause)))
            .ToList();
        RetentionNextDue? next = null;
        if (upcoming.Count > 0)
        {
            var at = upcoming.Min(u => u.Item1);
            var due = upcoming.Where(u => u.Item1 == at).ToList();
            next = new RetentionNextDue(at, [.. due.Select(u => u.Item2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], due.Count);
        }

        return new RetentionReport(plan.Convenant, plan.At, dryRun, actions, reporters, review, waiting, subjects,
            plan.Work.Sum(w => w.DocumentNames.Count), next, outcome);
    }
}

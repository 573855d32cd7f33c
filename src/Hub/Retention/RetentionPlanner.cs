using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Retention;

/// <summary>
/// Applies a convenant's retention rules to a <see cref="RetentionSnapshot"/> at one moment. Pure: reads nothing else and
/// changes nothing, so the preview and the run compute the same plan.
/// <list type="bullet">
/// <item>Phase: the phase of the subject cluster's casus (the most recently updated open casus, else the most recently closed
/// one); without a casus the signal's own phase.</item>
/// <item>Each category of the signal (except reporter-identity categories) gets its rule for that phase
/// (<see cref="CompiledConvenant.GetRetention"/>). The signal is kept until the LONGEST of those periods has ended (the
/// conservative reading); the rule that ends last decides the action (ties: delete before crypto-shred before anonymise). A
/// <c>review</c> rule among them makes the signal report-only. A category without a rule keeps the signal (reported).</item>
/// <item>The reporter (melder) is the exception: it is sealed under its own vault id and protected by law more strictly, so the
/// reporter-identity category's own rule (e.g. ZVH-T-05, P3M) shreds the reporter key on its own, earlier than the signal.</item>
/// <item>Start events: signal-received = the signal's SubmittedAt; case-opened / case-closed = CreatedAt / ClosedAt of the
/// cluster's casus, never while a casus of the cluster is open; grant-expired = the latest grant expiry of the cluster;
/// decision = the latest decided access request of the cluster (never while one is pending); last-processing = the latest of
/// all those (never while a casus is open). An event that has not happened keeps the data.</item>
/// </list>
/// </summary>
internal static class RetentionPlanner
{
    public static RetentionPlan Plan(CompiledConvenant convenant, RetentionSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(convenant);
        ArgumentNullException.ThrowIfNull(snapshot);
        var reporterCategories = convenant.Document.Categories.Where(c => c.Sensitivity == Sensitivity.ReporterIdentity)
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var clusters = snapshot.Signals.Select(s => snapshot.RootOf(s.SubjectId))
            .Concat(snapshot.Members.Select(m => snapshot.RootOf(m.SubjectId))).Distinct().ToList();
        var signals = new List<SignalAssessment>();
        var reporters = new List<ReporterAssessment>();
        var work = new List<ClusterWork>();
        foreach (var root in clusters)
        {
            var context = ClusterContext.Create(snapshot, root);
            var clusterSignals = new List<SignalAssessment>();
            foreach (var signal in context.Signals)
            {
                var assessment = Assess(convenant, snapshot, context, signal, reporterCategories, now);
                clusterSignals.Add(assessment);
                if (signal.HasReporter && assessment.Verdict != SignalVerdict.Due && AssessReporter(convenant, context, signal, reporterCategories, now) is { } reporter)
                {
                    reporters.Add(reporter);
                }
            }

            signals.AddRange(clusterSignals);
            var cluster = BuildWork(snapshot, context, clusterSignals, reporters.Where(r => r.Root == root).ToList(), now);
            if (!cluster.IsEmpty)
            {
                work.Add(cluster);
            }
        }

        return new RetentionPlan(convenant.Id, now, signals, reporters, work);
    }

    private static SignalAssessment Assess(
        CompiledConvenant convenant, RetentionSnapshot snapshot, ClusterContext context, SignalRow signal, HashSet<string> reporterCategories, DateTimeOffset now)
    {
        var categories = signal.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var main = categories.Where(c => !reporterCategories.Contains(c)).ToList();
        var phase = context.PhaseFor(signal);
        SignalAssessment Result(SignalVerdict verdict, RetentionEndAction? action, string? clause, IReadOnlyList<string> clauses, DateTimeOffset? due, string? waiting) =>
            new(signal.Id, signal.SubjectId, context.Root, verdict, action, clause, clauses, due, categories, waiting);

        if (main.Count == 0)
        {
            return Result(SignalVerdict.NoRule, null, null, [], null, null);
        }

        var rules = new List<RetentionRule>();
        foreach (var category in main)
        {
            var rule = convenant.GetRetention(category, phase);
            if (rule is null)
            {
                return Result(SignalVerdict.NoRule, null, null, [.. rules.Select(r => r.ClauseId).Distinct()], null, "rule:" + category);
            }

            if (!rules.Contains(rule))
            {
                rules.Add(rule);
            }
        }

        var clauses = rules.Select(r => r.ClauseId).Distinct(StringComparer.Ordinal).ToList();
        RetentionRule? deciding = null;
        DateTimeOffset due = default;
        foreach (var rule in rules)
        {
            var (start, waiting) = context.StartOf(rule.CountsFrom, signal);
            if (start is null)
            {
                return Result(SignalVerdict.Waiting, null, rule.ClauseId, clauses, null, waiting);
            }

            var end = rule.Period.AddTo(start.Value);
            if (deciding is null || end > due || (end == due && Thoroughness(rule.EndAction) > Thoroughness(deciding.EndAction)))
            {
                deciding = rule;
                due = end;
            }
        }

        if (due > now)
        {
            return Result(SignalVerdict.NotYetDue, deciding!.EndAction, deciding.ClauseId, clauses, due, null);
        }

        if (rules.Any(r => r.EndAction == RetentionEndAction.Review))
        {
            var review = rules.First(r => r.EndAction == RetentionEndAction.Review);
            return Result(SignalVerdict.Review, RetentionEndAction.Review, review.ClauseId, clauses, due, null);
        }

        var action = deciding!.EndAction;
        var nothingLeft = !signal.HasPayload && !signal.HasReporter && !snapshot.Encoded.Contains(signal.Id)
            && !snapshot.Documents.Any(d => d.SignalId == signal.Id) && !snapshot.Members.Any(m => m.SignalId == signal.Id && m.HasIdentity)
            && !snapshot.VaultKeys.Contains(Signal.ReporterVaultIdOf(signal.Id));
        return Result(nothingLeft && action != RetentionEndAction.Delete ? SignalVerdict.Done : SignalVerdict.Due, action, deciding.ClauseId, clauses, due, null);
    }

    private static ReporterAssessment? AssessReporter(
        CompiledConvenant convenant, ClusterContext context, SignalRow signal, HashSet<string> reporterCategories, DateTimeOffset now)
    {
        var phase = context.PhaseFor(signal);
        ReporterAssessment? latest = null;
        foreach (var category in reporterCategories)
        {
            if (convenant.GetRetention(category, phase) is not { } rule)
            {
                continue;
            }

            var (start, waiting) = context.StartOf(rule.CountsFrom, signal);
            if (start is null)
            {
                return new ReporterAssessment(signal.Id, context.Root, SignalVerdict.Waiting, rule.ClauseId, null, waiting);
            }

            var end = rule.Period.AddTo(start.Value);
            var verdict = end > now ? SignalVerdict.NotYetDue : rule.EndAction == RetentionEndAction.Review ? SignalVerdict.Review : SignalVerdict.Due;
            if (latest is null || end > latest.DueAt)
            {
                latest = new ReporterAssessment(signal.Id, context.Root, verdict, rule.ClauseId, end, null);
            }
        }

        return latest;
    }

    private static ClusterWork BuildWork(
        RetentionSnapshot snapshot, ClusterContext context, List<SignalAssessment> signals, List<ReporterAssessment> reporters, DateTimeOffset now)
    {
        var work = new ClusterWork { Root = context.Root, Anchor = snapshot.Subjects.TryGetValue(context.Root, out var root) ? root.Anchor : string.Empty };
        var purged = new HashSet<Guid>();
        foreach (var signal in signals.Where(s => s.Verdict == SignalVerdict.Due))
        {
            work.Purges.Add(signal);
            purged.Add(signal.SignalId);
            if (snapshot.VaultKeys.Contains(Signal.ReporterVaultIdOf(signal.SignalId)))
            {
                work.ReporterKeysToShred.Add(signal.SignalId);
            }

            foreach (var document in snapshot.Documents.Where(d => d.SignalId == signal.SignalId))
            {
                work.DocumentNames.Add(document.OriginalName);
                if (document.ScrubbedName is { } scrubbed)
                {
                    work.DocumentNames.Add(scrubbed);
                }
            }
        }

        foreach (var reporter in reporters.Where(r => r.Verdict == SignalVerdict.Due && !purged.Contains(r.SignalId)))
        {
            work.ReporterShreds.Add(reporter);
            if (!work.ReporterKeysToShred.Contains(reporter.SignalId))
            {
                work.ReporterKeysToShred.Add(reporter.SignalId);
            }
        }

        var alive = new HashSet<Guid>();
        foreach (var signal in context.Signals.Where(s => s.HasPayload && !purged.Contains(s.Id)))
        {
            alive.Add(signal.SubjectId);
        }

        foreach (var member in snapshot.Members.Where(m => m.HasIdentity && !purged.Contains(m.SignalId)))
        {
            alive.Add(member.SubjectId);
        }

        foreach (var subject in context.SubjectIds)
        {
            if (!alive.Contains(subject) && snapshot.VaultKeys.Contains(Subject.VaultIdOf(subject)))
            {
                work.SubjectKeysToShred.Add(subject);
            }
        }

        var hasRows = context.Signals.Count > 0 || snapshot.Members.Any(m => context.SubjectIds.Contains(m.SubjectId));
        var nothingAlive = context.SubjectIds.All(s => !alive.Contains(s));
        if (hasRows && nothingAlive)
        {
            var grants = context.Grants.Where(g => g.RevokedAt is null && g.ExpiresAt > now).Select(g => g.Id).ToList();
            var pending = context.Requests.Where(r => r.IsPending).Select(r => r.Id).ToList();
            if (context.SubjectIds.Any(snapshot.Addressable.Contains) || grants.Count > 0 || pending.Count > 0)
            {
                work.FullyPurged = true;
                work.GrantsToRevoke.AddRange(grants);
                work.RequestsToWithdraw.AddRange(pending);
            }
        }

        return work;
    }

    private static int Thoroughness(RetentionEndAction action) => action switch
    {
        RetentionEndAction.Delete => 3,
        RetentionEndAction.CryptoShred => 2,
        RetentionEndAction.Anonymise => 1,
        _ => 0,
    };

    /// <summary>The cluster-wide facts a signal's start events come from.</summary>
    private sealed class ClusterContext
    {
        public required Guid Root { get; init; }

        public required HashSet<Guid> SubjectIds { get; init; }

        public required List<SignalRow> Signals { get; init; }

        public required List<GrantRow> Grants { get; init; }

        public required List<RequestRow> Requests { get; init; }

        public required List<CasusRow> Casus { get; init; }

        public CasusRow? Governing { get; init; }

        public static ClusterContext Create(RetentionSnapshot snapshot, Guid root)
        {
            var ids = snapshot.Subjects.Values.Where(s => (s.MergedIntoId ?? s.Id) == root).Select(s => s.Id).ToHashSet();
            ids.Add(root);
            var casus = snapshot.Casus.Where(c => ids.Contains(c.SubjectId)).ToList();
            var governing = casus.Where(c => c.IsOpen).OrderByDescending(c => c.UpdatedAt).FirstOrDefault()
                ?? casus.OrderByDescending(c => c.ClosedAt ?? c.UpdatedAt).FirstOrDefault();
            return new ClusterContext
            {
                Root = root,
                SubjectIds = ids,
                Signals = [.. snapshot.Signals.Where(s => ids.Contains(s.SubjectId))],
                Grants = [.. snapshot.Grants.Where(g => ids.Contains(g.SubjectId))],
                Requests = [.. snapshot.Requests.Where(r => ids.Contains(r.SubjectId))],
                Casus = casus,
                Governing = governing,
            };
        }

        public CasePhase PhaseFor(SignalRow signal) =>
            PolicyNames.Phase.TryParse(Governing?.Phase ?? signal.Phase, out var phase) ? phase : CasePhase.None;

        public (DateTimeOffset? Start, string? WaitingFor) StartOf(RetentionStart start, SignalRow signal)
        {
            switch (start)
            {
                case RetentionStart.SignalReceived:
                    return (signal.SubmittedAt, null);
                case RetentionStart.CaseOpened:
                case RetentionStart.CaseClosed:
                    if (Governing is null)
                    {
                        return (null, "casus");
                    }

                    if (Casus.Any(c => c.IsOpen))
                    {
                        return (null, "casus-closed");
                    }

                    return (start == RetentionStart.CaseOpened ? Governing.CreatedAt : Governing.ClosedAt ?? Governing.UpdatedAt, null);
                case RetentionStart.GrantExpired:
                    return Grants.Count == 0 ? (null, "grant") : (Grants.Max(g => g.ExpiresAt), null);
                case RetentionStart.Decision:
                    if (Requests.Count == 0 || Requests.Any(r => r.IsPending) || Requests.All(r => r.DecidedAt is null))
                    {
                        return (null, "decision");
                    }

                    return (Requests.Max(r => r.DecidedAt), null);
                case RetentionStart.LastProcessing:
                    if (Casus.Any(c => c.IsOpen) || Requests.Any(r => r.IsPending))
                    {
                        return (null, "processing-ended");
                    }

                    var moments = Signals.Select(s => s.SubmittedAt)
                        .Concat(Casus.Select(c => c.CreatedAt)).Concat(Casus.Select(c => c.ClosedAt ?? c.UpdatedAt))
                        .Concat(Grants.Select(g => g.ExpiresAt)).Concat(Requests.Where(r => r.DecidedAt is not null).Select(r => r.DecidedAt!.Value));
                    return (moments.Max(), null);
                default:
                    return (null, "start-event");
            }
        }
    }
}

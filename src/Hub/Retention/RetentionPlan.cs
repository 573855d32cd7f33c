using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Retention;

/// <summary>What one signal's retention comes to at the moment the plan was made.</summary>
internal enum SignalVerdict
{
    /// <summary>Its period has not ended yet (<see cref="SignalAssessment.DueAt"/> says when it will).</summary>
    NotYetDue = 1,

    /// <summary>Due; the end action runs.</summary>
    Due,

    /// <summary>Due, but a rule says <c>review</c>: reported, never acted on.</summary>
    Review,

    /// <summary>A start event has not happened (casus still open, no casus, no grant, no decision): kept.</summary>
    Waiting,

    /// <summary>A category has no retention rule in this phase (linter SH2404): kept, reported.</summary>
    NoRule,

    /// <summary>Already purged by an earlier run (nothing left to do for the signal itself).</summary>
    Done,
}

/// <summary>The retention assessment of one signal's subject data (not its reporter, see <see cref="ReporterAssessment"/>).</summary>
/// <param name="Clause">The deciding clause: the rule whose period ends last (ties: the most thorough action).</param>
/// <param name="Clauses">Every clause that applies to the signal's categories in its phase.</param>
internal sealed record SignalAssessment(
    Guid SignalId, Guid SubjectId, Guid Root, SignalVerdict Verdict, RetentionEndAction? Action, string? Clause,
    IReadOnlyList<string> Clauses, DateTimeOffset? DueAt, IReadOnlyList<string> Categories, string? WaitingFor);

/// <summary>The reporter part of a signal: sealed under its own vault id and governed by the reporter-identity category's rule.</summary>
internal sealed record ReporterAssessment(Guid SignalId, Guid Root, SignalVerdict Verdict, string Clause, DateTimeOffset? DueAt, string? WaitingFor);

/// <summary>The work for one subject cluster: everything in it is executed in ONE transaction.</summary>
internal sealed class ClusterWork
{
    public required Guid Root { get; init; }

    public required string Anchor { get; init; }

    public List<SignalAssessment> Purges { get; } = [];

    public List<ReporterAssessment> ReporterShreds { get; } = [];

    /// <summary>Subjects of the cluster with no payload left after this work: their vault data keys are shredded.</summary>
    public List<Guid> SubjectKeysToShred { get; } = [];

    /// <summary>Reporter vault ids to shred (the reporters of purged signals and the due reporter parts).</summary>
    public List<Guid> ReporterKeysToShred { get; } = [];

    /// <summary>True when no subject of the cluster keeps any payload: match keys and references go, grants are revoked, pending requests withdrawn.</summary>
    public bool FullyPurged { get; set; }

    public List<Guid> GrantsToRevoke { get; } = [];

    public List<Guid> RequestsToWithdraw { get; } = [];

    /// <summary>Document-store names of the documents of purged signals, deleted after the commit.</summary>
    public List<string> DocumentNames { get; } = [];

    public bool IsEmpty => Purges.Count == 0 && ReporterShreds.Count == 0 && SubjectKeysToShred.Count == 0 && ReporterKeysToShred.Count == 0
        && !FullyPurged && GrantsToRevoke.Count == 0 && RequestsToWithdraw.Count == 0;
}

/// <summary>The plan for one convenant at one moment.</summary>
internal sealed record RetentionPlan(
    string Convenant, DateTimeOffset At, IReadOnlyList<SignalAssessment> Signals, IReadOnlyList<ReporterAssessment> Reporters,
    IReadOnlyList<ClusterWork> Work);

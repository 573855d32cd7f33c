namespace SharingHub.Policies.Decisions;

/// <summary>
/// A decision request in the convenant's own words (ids and kebab-case names), for callers that do not hold
/// handles: the CLI, tests, and hub endpoints before they cache handles. Resolve it once with
/// <see cref="ConvenantCatalog.Resolve"/> to get a <see cref="DecisionRequest"/> for the fast path.
/// </summary>
public sealed record PolicyQuery
{
    public required string Convenant { get; init; }
    public required string Partner { get; init; }
    public required string Role { get; init; }
    public required string Purpose { get; init; }
    public required string Action { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public string SubjectType { get; init; } = "person";
    public string Mode { get; init; } = "pseudonymised";
    public string? Phase { get; init; }
    public string? Level { get; init; }
    public string? Counterpart { get; init; }
    public bool Minor { get; init; }
    public bool NewPurpose { get; init; }
    public bool CrossConvenant { get; init; }

    /// <summary>Gate names already passed ("four-eyes", "privacy-officer", "moreel-beraad", "steering-group").</summary>
    public IReadOnlyList<string> Approved { get; init; } = [];
    public required DateTimeOffset At { get; init; }
}

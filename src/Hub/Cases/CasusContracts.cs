namespace SharingHub.Hub.Cases;

/// <summary><c>POST .../casus</c> body: the subject as the caller's partner knows it.</summary>
public sealed record BringInRequest
{
    public string? SubjectRef { get; init; }

    public override string ToString() => "BringInRequest(***)";
}

/// <summary>
/// <c>POST .../casus/{id}/transitions</c> body: the new state, phase and/or escalation level (null = unchanged), and
/// optionally the <see cref="Version"/> the caller read (a stale version is refused with 409 SH3129).
/// </summary>
public sealed record TransitionRequest
{
    public string? State { get; init; }

    public string? Phase { get; init; }

    public string? Level { get; init; }

    public int? Version { get; init; }
}

/// <summary>The partner that owns a casus and the role it brought the casus in with.</summary>
public sealed record CasusOwnerView(string Partner, string Role);

/// <summary>
/// A casus as one caller sees it: pseudonymised, never an identity. <see cref="SubjectRef"/> is the caller's own reference
/// to the subject (null when its partner holds none); <see cref="Signals"/> lists only what the caller may view (null in lists
/// and transition answers).
/// </summary>
public sealed record CasusView(
    Guid Id,
    string Convenant,
    string SubjectType,
    string? SubjectRef,
    string State,
    string Phase,
    string? Level,
    CasusOwnerView Owner,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CasusSignalView>? Signals);

/// <summary>
/// One signal of the casus's cluster: who submitted it (partner, party, role) and when, the categories the caller may view,
/// the scrubbed summary only when the caller may view every category of the signal, and for a group signal its members.
/// </summary>
public sealed record CasusSignalView(
    DateTimeOffset SubmittedAt,
    string Partner,
    string Party,
    string Role,
    IReadOnlyList<string> Categories,
    string? Summary,
    CasusMembersView? Members);

/// <summary>The members of a group signal: always the count; the list only when the caller may view identification for it.</summary>
public sealed record CasusMembersView(int Count, IReadOnlyList<CasusMemberView>? Listed);

/// <summary>A listed group member: its position in the signal and the caller's own reference to it (null when it has none).</summary>
public sealed record CasusMemberView(int Position, string? SubjectRef);

/// <summary><c>GET .../casus</c>: the casus the caller may see, most recently updated first.</summary>
public sealed record CasusList(IReadOnlyList<CasusView> Casus);

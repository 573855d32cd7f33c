using System.Collections.Frozen;
using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Cases;

/// <summary>
/// The rules of a casus's life ("van signaal naar casus"), as data. Pure: no storage, no time.
/// <para>
/// States: <c>signal</c> → <c>weighed</c> → <c>parked</c> (niets doen/parkeren) | <c>local-mono</c> | <c>local-multi</c> |
/// <c>referred-riec</c>; <c>parked</c> → <c>weighed</c> (re-opened); every open state → <c>closed</c>; <c>closed</c> is final.
/// An approach, once chosen, is not swapped for another: close the casus and bring the subject in again.
/// </para>
/// <para>
/// Phases follow the convenant phase order (signal, intake, analysis, case-meeting, execution, aftercare) and only move
/// forward; skipping a phase is allowed (not every convenant has flows for every phase). Each state fits some phases:
/// a casus candidate (<c>signal</c>) is in <c>signal</c> or <c>intake</c> (taken in, triaged); it is weighed in <c>intake</c> or
/// <c>analysis</c>; parking freezes the phase it was weighed in; an approach (<c>local-mono</c>, <c>local-multi</c>,
/// <c>referred-riec</c>) runs from <c>analysis</c> to <c>aftercare</c>. Closing keeps the phase the casus had.
/// </para>
/// <para>
/// Escalation levels (PmG IJAM tables) exist only where the convenant lists <c>escalationLevels</c>. A casus without a level may
/// enter at any level (the table that fits the signal); afterwards it escalates or de-escalates one rank at a time.
/// Referral to the RIEC (<c>referred-riec</c>) exists only under a convenant the RIEC bureau is party to.
/// </para>
/// <para>
/// Checks run in this order: closed casus (409), nothing to change (400), convenant rules (level support 422, level name 400,
/// RIEC referral 422), state machine (409), phase direction (409), state/phase fit (409), level step (409).
/// </para>
/// </summary>
public static class CasusLifecycle
{
    /// <summary>The party id of the RIEC bureau: a convenant with this party allows referral to the RIEC.</summary>
    public const string RiecBureauParty = "riec-bureau";

    /// <summary>Every state, in lifecycle order.</summary>
    public static IReadOnlyList<string> States { get; } =
    [
        CasusStates.Signal, CasusStates.Weighed, CasusStates.Parked, CasusStates.LocalMono, CasusStates.LocalMulti,
        CasusStates.ReferredRiec, CasusStates.Closed,
    ];

    private static readonly FrozenDictionary<string, string[]> Next = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [CasusStates.Signal] = [CasusStates.Weighed, CasusStates.Closed],
        [CasusStates.Weighed] = [CasusStates.Parked, CasusStates.LocalMono, CasusStates.LocalMulti, CasusStates.ReferredRiec, CasusStates.Closed],
        [CasusStates.Parked] = [CasusStates.Weighed, CasusStates.Closed],
        [CasusStates.LocalMono] = [CasusStates.Closed],
        [CasusStates.LocalMulti] = [CasusStates.Closed],
        [CasusStates.ReferredRiec] = [CasusStates.Closed],
        [CasusStates.Closed] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly CasePhase[] Approach = [CasePhase.Analysis, CasePhase.CaseMeeting, CasePhase.Execution, CasePhase.Aftercare];

    private static readonly FrozenDictionary<string, CasePhase[]> Phases = new Dictionary<string, CasePhase[]>(StringComparer.Ordinal)
    {
        [CasusStates.Signal] = [CasePhase.Signal, CasePhase.Intake],
        [CasusStates.Weighed] = [CasePhase.Intake, CasePhase.Analysis],
        [CasusStates.Parked] = [CasePhase.Intake, CasePhase.Analysis],
        [CasusStates.LocalMono] = Approach,
        [CasusStates.LocalMulti] = Approach,
        [CasusStates.ReferredRiec] = Approach,
        [CasusStates.Closed] = [CasePhase.Signal, CasePhase.Intake, .. Approach],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsState(string? state) => state is not null && Next.ContainsKey(state);

    /// <summary>The states a casus in <paramref name="state"/> may move to (empty for an unknown or final state).</summary>
    public static IReadOnlyList<string> NextStates(string state) => Next.TryGetValue(state, out var next) ? next : [];

    public static bool IsAllowed(string from, string to) => NextStates(from).Contains(to, StringComparer.Ordinal);

    /// <summary>The phases a casus in <paramref name="state"/> may be in (empty for an unknown state).</summary>
    public static IReadOnlyList<CasePhase> PhasesOf(string state) => Phases.TryGetValue(state, out var phases) ? phases : [];

    /// <summary>
    /// Applies a requested transition to the current casus: the casus after it, or the refusal (status and
    /// <see cref="CasusErrorCodes"/> code). Null request members mean "unchanged".
    /// </summary>
    public static CasusChange Apply(CasusSnapshot current, CasusTransition requested, CasusLadder ladder)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(ladder);
        if (current.State == CasusStates.Closed)
        {
            return CasusChange.Refused(409, CasusErrorCodes.CasusClosed);
        }

        var state = requested.State ?? current.State;
        var phase = requested.Phase ?? current.Phase;
        var level = requested.Level ?? current.Level;
        if (state == current.State && phase == current.Phase && level == current.Level)
        {
            return CasusChange.Refused(400, CasusErrorCodes.MissingField);
        }

        int? newRank = null;
        if (requested.Level is not null)
        {
            if (ladder.Ranks.Count == 0)
            {
                return CasusChange.Refused(422, CasusErrorCodes.LevelsNotSupported);
            }

            if (!ladder.Ranks.TryGetValue(requested.Level, out var rank))
            {
                return CasusChange.Refused(400, CasusErrorCodes.InvalidValue);
            }

            newRank = rank;
        }

        if (!IsState(state))
        {
            return CasusChange.Refused(400, CasusErrorCodes.InvalidValue);
        }

        if (state == CasusStates.ReferredRiec && state != current.State && !ladder.AllowsRiecReferral)
        {
            return CasusChange.Refused(422, CasusErrorCodes.ReferralNotAllowed);
        }

        if (state != current.State && !IsAllowed(current.State, state))
        {
            return CasusChange.Refused(409, CasusErrorCodes.TransitionNotAllowed);
        }

        if (phase < current.Phase || (phase != current.Phase && (state is CasusStates.Parked or CasusStates.Closed)))
        {
            return CasusChange.Refused(409, CasusErrorCodes.PhaseNotForward);
        }

        if (!PhasesOf(state).Contains(phase))
        {
            return CasusChange.Refused(409, CasusErrorCodes.PhaseInconsistent);
        }

        if (newRank is { } to && current.Level is { } from && from != requested.Level)
        {
            if (!ladder.Ranks.TryGetValue(from, out var fromRank) || Math.Abs(to - fromRank) != 1)
            {
                return CasusChange.Refused(409, CasusErrorCodes.LevelStep);
            }
        }

        return new CasusChange(true, 200, null, new CasusSnapshot(state, phase, level));
    }
}

/// <summary>A casus's state, phase and level at one moment.</summary>
public readonly record struct CasusSnapshot(string State, CasePhase Phase, string? Level);

/// <summary>A requested transition; null means "unchanged".</summary>
public sealed record CasusTransition(string? State, CasePhase? Phase, string? Level);

/// <summary>What a convenant adds to the lifecycle: its escalation levels (id → rank) and whether it allows referral to the RIEC.</summary>
public sealed record CasusLadder(IReadOnlyDictionary<string, int> Ranks, bool AllowsRiecReferral)
{
    /// <summary>The ladder of a convenant document.</summary>
    public static CasusLadder Of(ConvenantDocument convenant)
    {
        ArgumentNullException.ThrowIfNull(convenant);
        return new CasusLadder(
            convenant.EscalationLevels.ToFrozenDictionary(l => l.Id, l => l.Rank, StringComparer.Ordinal),
            convenant.Parties.Any(p => p.Id == CasusLifecycle.RiecBureauParty));
    }
}

/// <summary>The outcome of <see cref="CasusLifecycle.Apply"/>: the casus after the transition, or the refusal.</summary>
public readonly record struct CasusChange(bool Ok, int Status, string? Code, CasusSnapshot Next)
{
    public static CasusChange Refused(int status, string code) => new(false, status, code, default);
}

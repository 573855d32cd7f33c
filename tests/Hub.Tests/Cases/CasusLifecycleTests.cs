using SharingHub.Hub.Cases;
using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>The lifecycle rules as a table: every state pair, every state's phases, and transitions with phases and levels.</summary>
public sealed class CasusLifecycleTests
{
    // Written out independently of the implementation: "van signaal naar casus".
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["signal"] = ["weighed", "closed"],
        ["weighed"] = ["parked", "local-mono", "local-multi", "referred-riec", "closed"],
        ["parked"] = ["weighed", "closed"],
        ["local-mono"] = ["closed"],
        ["local-multi"] = ["closed"],
        ["referred-riec"] = ["closed"],
        ["closed"] = [],
    };

    private static readonly CasusLadder Zvh = new(new Dictionary<string, int>(), AllowsRiecReferral: false);
    private static readonly CasusLadder Riec = new(new Dictionary<string, int>(), AllowsRiecReferral: true);
    private static readonly CasusLadder Pmg = new(
        new Dictionary<string, int>(StringComparer.Ordinal) { ["school-knooppunt"] = 1, ["netwerkoverleg-risicojeugd"] = 2, ["lokale-jeugdaanpak"] = 3, ["pga"] = 4 },
        AllowsRiecReferral: false);

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Expected.Keys)
        {
            foreach (var to in Expected.Keys)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_EveryStatePair_MatchesTheLifecycleTable(string from, string to) =>
        Assert.Equal(Expected[from].Contains(to), CasusLifecycle.IsAllowed(from, to));

    [Fact]
    public void States_AreExactlyTheModelStates() =>
        Assert.Equal(
            new[] { CasusStates.Signal, CasusStates.Weighed, CasusStates.Parked, CasusStates.LocalMono, CasusStates.LocalMulti, CasusStates.ReferredRiec, CasusStates.Closed },
            CasusLifecycle.States);

    [Theory]
    [InlineData("signal", "signal,intake")]
    [InlineData("weighed", "intake,analysis")]
    [InlineData("parked", "intake,analysis")]
    [InlineData("local-mono", "analysis,case-meeting,execution,aftercare")]
    [InlineData("local-multi", "analysis,case-meeting,execution,aftercare")]
    [InlineData("referred-riec", "analysis,case-meeting,execution,aftercare")]
    [InlineData("closed", "signal,intake,analysis,case-meeting,execution,aftercare")]
    [InlineData("open", "")]
    public void PhasesOf_EachState_FitsTheWorkProcess(string state, string phases) =>
        Assert.Equal(phases, string.Join(',', CasusLifecycle.PhasesOf(state).Select(PolicyNames.Phase.ToName)));

    [Theory]
    // state moves (phase must fit)
    [InlineData("signal", "signal", null, "weighed", "intake", null, "zvh", null, "weighed/intake/")]
    [InlineData("signal", "signal", null, "weighed", null, null, "zvh", "SH3132", null)]
    [InlineData("signal", "signal", null, null, "intake", null, "zvh", null, "signal/intake/")]
    [InlineData("signal", "signal", null, null, "analysis", null, "zvh", "SH3132", null)]
    [InlineData("signal", "signal", null, "parked", "intake", null, "zvh", "SH3130", null)]
    [InlineData("signal", "intake", null, "local-multi", "case-meeting", null, "zvh", "SH3130", null)]
    [InlineData("weighed", "intake", null, "local-multi", "case-meeting", null, "zvh", null, "local-multi/case-meeting/")]
    [InlineData("weighed", "intake", null, "local-mono", null, null, "zvh", "SH3132", null)]
    [InlineData("weighed", "analysis", null, "parked", null, null, "zvh", null, "parked/analysis/")]
    [InlineData("parked", "analysis", null, "weighed", null, null, "zvh", null, "weighed/analysis/")]
    [InlineData("parked", "intake", null, "local-mono", "analysis", null, "zvh", "SH3130", null)]
    [InlineData("local-mono", "execution", null, "local-multi", null, null, "zvh", "SH3130", null)]
    [InlineData("local-multi", "case-meeting", null, "closed", null, null, "zvh", null, "closed/case-meeting/")]
    [InlineData("parked", "intake", null, "closed", null, null, "zvh", null, "closed/intake/")]
    [InlineData("signal", "signal", null, "closed", null, null, "zvh", null, "closed/signal/")]
    [InlineData("closed", "case-meeting", null, "weighed", "intake", null, "zvh", "SH3136", null)]
    [InlineData("closed", "case-meeting", null, null, "aftercare", null, "zvh", "SH3136", null)]
    // phases: forward only (skipping allowed), frozen while parked and when closing
    [InlineData("signal", "intake", null, null, "signal", null, "zvh", "SH3131", null)]
    [InlineData("local-multi", "execution", null, null, "case-meeting", null, "zvh", "SH3131", null)]
    [InlineData("local-multi", "analysis", null, null, "aftercare", null, "zvh", null, "local-multi/aftercare/")]
    [InlineData("weighed", "intake", null, "parked", "analysis", null, "zvh", "SH3131", null)]
    [InlineData("parked", "intake", null, null, "analysis", null, "zvh", "SH3131", null)]
    [InlineData("local-multi", "case-meeting", null, "closed", "aftercare", null, "zvh", "SH3131", null)]
    // referral to the RIEC: only where the RIEC bureau is a party
    [InlineData("weighed", "intake", null, "referred-riec", "analysis", null, "zvh", "SH3135", null)]
    [InlineData("weighed", "intake", null, "referred-riec", "analysis", null, "riec", null, "referred-riec/analysis/")]
    [InlineData("signal", "signal", null, "referred-riec", "analysis", null, "riec", "SH3130", null)]
    // IJAM levels: any entry level, then one rank at a time; none outside PmG
    [InlineData("signal", "signal", null, null, null, "lokale-jeugdaanpak", "pmg", null, "signal/signal/lokale-jeugdaanpak")]
    [InlineData("signal", "signal", "school-knooppunt", null, null, "netwerkoverleg-risicojeugd", "pmg", null, "signal/signal/netwerkoverleg-risicojeugd")]
    [InlineData("weighed", "analysis", "netwerkoverleg-risicojeugd", null, null, "school-knooppunt", "pmg", null, "weighed/analysis/school-knooppunt")]
    [InlineData("signal", "signal", "school-knooppunt", null, null, "lokale-jeugdaanpak", "pmg", "SH3133", null)]
    [InlineData("local-multi", "case-meeting", "pga", null, null, "netwerkoverleg-risicojeugd", "pmg", "SH3133", null)]
    [InlineData("weighed", "intake", "netwerkoverleg-risicojeugd", "local-multi", "analysis", "lokale-jeugdaanpak", "pmg", null, "local-multi/analysis/lokale-jeugdaanpak")]
    [InlineData("parked", "intake", "school-knooppunt", null, null, "netwerkoverleg-risicojeugd", "pmg", null, "parked/intake/netwerkoverleg-risicojeugd")]
    [InlineData("signal", "signal", null, null, null, "tafel-9", "pmg", "SH3122", null)]
    [InlineData("signal", "signal", null, null, null, "school-knooppunt", "zvh", "SH3134", null)]
    [InlineData("signal", "signal", null, "weighed", "intake", "school-knooppunt", "zvh", "SH3134", null)]
    // nothing to change
    [InlineData("signal", "signal", null, null, null, null, "zvh", "SH3121", null)]
    [InlineData("weighed", "intake", null, "weighed", "intake", null, "zvh", "SH3121", null)]
    [InlineData("signal", "signal", "pga", null, null, "pga", "pmg", "SH3121", null)]
    public void Apply_Transition_FollowsTheRules(
        string state, string phase, string? level, string? toState, string? toPhase, string? toLevel, string ladder, string? code, string? result)
    {
        Assert.True(PolicyNames.Phase.TryParse(phase, out var current));
        CasePhase? requestedPhase = toPhase is null ? null : PolicyNames.Phase.TryParse(toPhase, out var p) ? p : throw new ArgumentException("bad phase in test data");
        var rules = ladder switch { "pmg" => Pmg, "riec" => Riec, _ => Zvh };

        var change = CasusLifecycle.Apply(new CasusSnapshot(state, current, level), new CasusTransition(toState, requestedPhase, toLevel), rules);

        Assert.Equal(code, change.Code);
        Assert.Equal(code is null, change.Ok);
        if (code is null)
        {
            Assert.Equal(result, $"{change.Next.State}/{PolicyNames.Phase.ToName(change.Next.Phase)}/{change.Next.Level}");
        }
        else
        {
            Assert.Equal(code switch { "SH3121" or "SH3122" => 400, "SH3134" or "SH3135" => 422, _ => 409 }, change.Status);
        }
    }

    [Theory]
    [InlineData("zvh", false, false)]
    [InlineData("pmg", true, false)]
    [InlineData("riec", false, true)]
    public void LadderOf_ShippedConvenants_LevelsOnlyInPmgAndReferralOnlyInRiec(string id, bool hasLevels, bool referral)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "convenants", id + ".json");
        var loaded = Policies.Loading.ConvenantLoader.LoadFile(path);
        Assert.NotNull(loaded.Convenant);

        var ladder = CasusLadder.Of(loaded.Convenant!.Document);

        Assert.Equal(hasLevels, ladder.Ranks.Count > 0);
        Assert.Equal(referral, ladder.AllowsRiecReferral);
        if (hasLevels)
        {
            Assert.Equal(new[] { 1, 2, 3, 4 }, new[] { "school-knooppunt", "netwerkoverleg-risicojeugd", "lokale-jeugdaanpak", "pga" }.Select(l => ladder.Ranks[l]));
        }
    }
}

using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Tests.Decisions;

public sealed class WorkflowHelperTests
{
    private static readonly CompiledConvenant Zvh = ShippedConvenants.Get("zvh");
    private static readonly CompiledConvenant Pmg = ShippedConvenants.Get("pmg");

    private static DecisionRequest Resolve(CompiledConvenant convenant, PolicyQuery query)
    {
        Assert.True(convenant.TryResolve(query, new ConvenantHandle(1), out var request, out var denial), denial.ToString());
        return request;
    }

    [Fact]
    public void PermittedCounterparts_PmgHitCheck_ExcludesYouthCareAndYouthWork()
    {
        var request = Resolve(Pmg, new PolicyQuery
        {
            Convenant = "pmg", Partner = "gemeente", Role = "casusregisseur", Purpose = "aanpak-jeugdgroepen", Action = "hit-check",
            Categories = ["identificatie"], Mode = "hit-no-hit", Phase = "intake", At = ShippedConvenants.Now,
        });

        var parties = Pmg.PermittedCounterparts(request).Select(p => p.Id).ToArray();

        Assert.Equal(["gemeente", "politie", "om", "school", "halt"], parties);
    }

    [Fact]
    public void PermittedCounterparts_DeniedRequest_IsEmpty()
    {
        var request = Resolve(Zvh, new PolicyQuery
        {
            Convenant = "zvh", Partner = "gemeente", Role = "medewerker", Purpose = "complexe-casuistiek", Action = "hit-check",
            Categories = ["identificatie"], Mode = "hit-no-hit", Phase = "intake", At = ShippedConvenants.Now,
        });

        Assert.Empty(Zvh.PermittedCounterparts(request));
    }

    [Fact]
    public void IsEligibleReviewer_FourEyes_RequiresAnotherPartyAndAListedRole()
    {
        var fourEyes = Zvh.GetApprovalRequirement(ApprovalGates.FourEyes)!;
        var gemeente = Zvh.FindParty("gemeente");
        var zvh = Zvh.FindParty("zvh");
        var privacyOfficer = Zvh.FindRole("privacy-officer");
        var regisseur = Zvh.FindRole("casusregisseur");
        var medewerker = Zvh.FindRole("medewerker");

        Assert.Equal("ZVH-A-03", fourEyes.ClauseId);
        Assert.True(Zvh.IsEligibleReviewer(fourEyes, zvh, regisseur, gemeente));
        Assert.False(Zvh.IsEligibleReviewer(fourEyes, gemeente, privacyOfficer, gemeente));
        Assert.True(Zvh.IsEligibleReviewer(fourEyes, gemeente, privacyOfficer, Zvh.FindParty("politie")));
        Assert.False(Zvh.IsEligibleReviewer(fourEyes, gemeente, medewerker, Zvh.FindParty("politie")));
        Assert.False(Zvh.IsEligibleReviewer(fourEyes, gemeente, regisseur, Zvh.FindParty("politie")));
        Assert.False(Zvh.IsEligibleReviewer(fourEyes, default, regisseur, gemeente));
    }

    [Fact]
    public void IsOverdue_AfterMaxWaitDays_Escalates()
    {
        var requirement = Zvh.GetApprovalRequirement(ApprovalGates.FourEyes)!;
        var requested = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.False(CompiledConvenant.IsOverdue(requirement, requested, requested.AddDays(3).AddTicks(-1)));
        Assert.True(CompiledConvenant.IsOverdue(requirement, requested, requested.AddDays(3)));
    }
}

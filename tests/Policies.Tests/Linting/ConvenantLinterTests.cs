using System.Text.Json.Nodes;
using SharingHub.Policies.Linting;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Tests.Linting;

/// <summary>One deliberately bad convenant per lint rule; each must produce that rule's finding on the right clause.</summary>
public sealed class ConvenantLinterTests
{
    private static IReadOnlyList<ConvenantError> Lint(string json)
    {
        var result = ConvenantLoader.Load(json);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return ConvenantLinter.Lint(result.Convenant!, ShippedConvenants.Now);
    }

    private static ConvenantError Finding(IReadOnlyList<ConvenantError> findings, string code, string clauseId)
    {
        var finding = findings.FirstOrDefault(f => f.Code == code && f.ClauseId == clauseId);
        Assert.True(finding is not null, $"no {code} on {clauseId}; got:\n" + string.Join("\n", findings));
        return finding;
    }

    [Fact]
    public void Lint_AllowedPurposeWithoutLegalGround_ReportsSH2401()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r => r.Item("purposes", "RIEC-P-01").Remove("legalGround")));

        var finding = Finding(findings, PolicyCodes.LintPurposeWithoutLegalGround, "RIEC-P-01");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("$.purposes[0].legalGround", finding.Path);
        Assert.DoesNotContain(findings, f => f.Code == PolicyCodes.LintPurposeWithoutLegalGround && f.ClauseId == "RIEC-P-06");
    }

    [Fact]
    public void Lint_CategorySharedButNotInDpia_ReportsSH2402()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r =>
        {
            var covered = r["dpia"]!["coveredCategories"]!.AsArray();
            covered.Remove(covered.Single(n => (string?)n == "vastgoed"));
        }));

        var finding = Finding(findings, PolicyCodes.LintCategoryNotInDpia, "RIEC-F-01");
        Assert.Equal("$.flows[0].categories[4]", finding.Path);
    }

    [Fact]
    public void Lint_CriminalDataWithoutApprovalGate_ReportsSH2403()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r =>
        {
            var rules = r.List("approvalRules");
            rules.Remove(r.Item("approvalRules", "RIEC-A-01"));
        }));

        Finding(findings, PolicyCodes.LintSensitiveWithoutGate, "RIEC-F-08");
        Finding(findings, PolicyCodes.LintSensitiveWithoutGate, "RIEC-F-12");
    }

    [Fact]
    public void Lint_SpecialDataWithoutGate_ReportsSH2403_ButFlowLevelGateSatisfiesIt()
    {
        var ungated = Lint(BadConvenants.Mutate("zvh", r => r.List("approvalRules").Remove(r.Item("approvalRules", "ZVH-A-01"))));
        var flowGated = Lint(BadConvenants.Mutate("zvh", r =>
        {
            r.List("approvalRules").Remove(r.Item("approvalRules", "ZVH-A-01"));
            r.Item("flows", "ZVH-F-08")["approvals"] = new JsonArray("privacy-officer");
        }));

        Finding(ungated, PolicyCodes.LintSensitiveWithoutGate, "ZVH-F-08");
        Assert.DoesNotContain(flowGated, f => f.Code == PolicyCodes.LintSensitiveWithoutGate);
    }

    [Fact]
    public void Lint_SharedCategoryWithoutRetention_ReportsSH2404OnTheCategory()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r => r.Item("retention", "RIEC-T-03")["categories"] = new JsonArray("politiegegevens", "strafrechtelijk")));

        var finding = Finding(findings, PolicyCodes.LintMissingRetention, "RIEC-C-09");
        Assert.Equal("$.categories[8]", finding.Path);
    }

    [Fact]
    public void Lint_RetentionMissingForAPhase_ReportsSH2404()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r => r.Item("retention", "RIEC-T-02")["phases"] = new JsonArray("analysis", "case-meeting", "execution")));

        var finding = Finding(findings, PolicyCodes.LintMissingRetention, "RIEC-C-01");
        Assert.Contains("aftercare", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FlowNamingAPartyThatDidNotSign_ReportsSH2405()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r => r.List("signatories").Remove(r.List("signatories").Single(s => (string?)s!["party"] == "kmar"))));

        var finding = Finding(findings, PolicyCodes.LintEndpointOutsideConvenant, "RIEC-F-01");
        Assert.Equal("$.flows[0].from.parties[7]", finding.Path);
    }

    [Fact]
    public void Lint_FlowRoleThatNoEndpointPartyMayHold_ReportsSH2405()
    {
        var findings = Lint(BadConvenants.Mutate("zvh", r => r.Item("flows", "ZVH-F-11")["to"]!["roles"] = new JsonArray("casusregisseur", "auditor", "stuurgroep")));

        var finding = Finding(findings, PolicyCodes.LintEndpointOutsideConvenant, "ZVH-F-11");
        Assert.Equal("$.flows[10].to.roles[2]", finding.Path);
    }

    [Fact]
    public void Lint_ProhibitionOverlappingAFlow_ReportsSH2406()
    {
        var findings = Lint(BadConvenants.Mutate("pmg", r => r.List("prohibitions").Add(new JsonObject
        {
            ["clauseId"] = "PMG-X-09",
            ["description"] = "School deelt geen schoolgegevens",
            ["parties"] = new JsonArray("school"),
            ["categories"] = new JsonArray("schoolgegevens"),
        })));

        Finding(findings, PolicyCodes.LintPermitOverlapsProhibition, "PMG-F-02");
        Finding(findings, PolicyCodes.LintPermitOverlapsProhibition, "PMG-F-08");
    }

    [Fact]
    public void Lint_FlowCoveringAPurposeRelatedToAProhibitedOne_ReportsSH2406()
    {
        var findings = Lint(BadConvenants.Mutate("zvh", r => r.Item("purposes", "ZVH-P-05")["parent"] = "huiselijk-geweld"));

        Finding(findings, PolicyCodes.LintPermitOverlapsProhibition, "ZVH-F-01");
    }

    [Fact]
    public void Lint_FlowWhosePurposesAreAllProhibited_ReportsSH2407()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r => r.Item("flows", "RIEC-F-14")["purposes"] = new JsonArray("belastingheffing")));

        Finding(findings, PolicyCodes.LintUnreachableFlow, "RIEC-F-14");
    }

    [Fact]
    public void Lint_FlowFullyCoveredByAProhibition_ReportsSH2407()
    {
        var findings = Lint(BadConvenants.Mutate("pmg", r => r.List("prohibitions").Add(new JsonObject
        {
            ["clauseId"] = "PMG-X-09",
            ["description"] = "Geen buurtbeeld",
            ["purposes"] = new JsonArray("buurtbeeld"),
        })));

        var finding = Finding(findings, PolicyCodes.LintUnreachableFlow, "PMG-F-13");
        Assert.Contains("PMG-X-09", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FlowWithoutAnyValidPartyRolePair_ReportsSH2407()
    {
        var findings = Lint(BadConvenants.Mutate("zvh", r => r.Item("flows", "ZVH-F-11")["to"]!["roles"] = new JsonArray("stuurgroep")));

        Finding(findings, PolicyCodes.LintUnreachableFlow, "ZVH-F-11");
    }

    [Fact]
    public void Lint_FlowShadowedByAnEarlierFlow_WarnsSH2408()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r =>
        {
            var copy = JsonNode.Parse(r.Item("flows", "RIEC-F-09").ToJsonString())!.AsObject();
            copy["clauseId"] = "RIEC-F-15";
            copy["categories"] = new JsonArray("signaal");
            copy["fields"] = new JsonArray("omschrijving");
            r.List("flows").Add(copy);
        }));

        var finding = Finding(findings, PolicyCodes.LintShadowedFlow, "RIEC-F-15");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("RIEC-F-09", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_CriminalDataForAPurposeWithoutArticle10Basis_ReportsSH2409()
    {
        var findings = Lint(BadConvenants.Mutate("riec", r => r.Item("purposes", "RIEC-P-01")["legalGround"]!.AsObject().Remove("article10Basis")));

        Finding(findings, PolicyCodes.LintMissingLegalException, "RIEC-F-02");
        Assert.DoesNotContain(findings, f => f.Code == PolicyCodes.LintMissingLegalException && f.ClauseId == "RIEC-F-12");
    }

    [Fact]
    public void Lint_HealthDataWithoutArticle9Exception_ReportsSH2409()
    {
        var findings = Lint(BadConvenants.Mutate("zvh", r => r.Item("purposes", "ZVH-P-01")["legalGround"]!.AsObject().Remove("article9Exception")));

        Finding(findings, PolicyCodes.LintMissingLegalException, "ZVH-F-08");
    }

    [Fact]
    public void Lint_ExpiredConvenantAndOverdueDpia_WarnSH2410()
    {
        var findings = ConvenantLinter.Lint(ShippedConvenants.Get("pmg"), new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, findings.Count(f => f.Code == PolicyCodes.LintValidityWarning && f.Severity == FindingSeverity.Warning));
        Finding(findings, PolicyCodes.LintValidityWarning, "PMG-D-01");
        Finding(findings, PolicyCodes.LintValidityWarning, "PMG-I-01");
    }

    [Fact]
    public void Lint_ReporterIdentityMadeObtainable_ReportsSH2411()
    {
        var findings = Lint(BadConvenants.Mutate("zvh", r => r.Item("flows", "ZVH-F-04")["actions"] = new JsonArray("submit", "view")));

        Finding(findings, PolicyCodes.LintReporterIdentityFlow, "ZVH-F-04");
    }

    [Fact]
    public void LintText_InvalidConvenant_ReturnsTheLoadErrors()
    {
        var findings = ConvenantLinter.LintText(BadConvenants.Mutate("riec", r => r["extra"] = 1), ShippedConvenants.Now);

        var error = Assert.Single(findings);
        Assert.Equal(PolicyCodes.UnknownField, error.Code);
    }
}

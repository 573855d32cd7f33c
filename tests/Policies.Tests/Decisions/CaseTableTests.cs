using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Tests.Decisions;

/// <summary>Runs every row of the case tables beside the tests against the shipped convenants.</summary>
public sealed class CaseTableTests
{
    private static readonly Lazy<Dictionary<string, DecisionCaseTable>> Tables =
        new(() => ShippedConvenants.Ids.ToDictionary(id => id, DecisionCaseTable.Load));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, table) in Tables.Value)
        {
            foreach (var row in table.Cases)
            {
                data.Add(id, row.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_CaseTableRow_MatchesExpectedDecisionAndClause(string convenant, string name)
    {
        var table = Tables.Value[convenant];
        var row = table.Cases.Single(c => c.Name == name);
        var catalog = ConvenantCatalog.Create([ShippedConvenants.Get(convenant)], TimeProvider.System);

        var decision = catalog.Decide(row.ToQuery(convenant, table.At));

        var outcome = decision.Outcome switch
        {
            DecisionOutcome.Permit => "permit",
            DecisionOutcome.NeedsApproval => "needs-approval",
            _ => "deny",
        };
        var because = string.Join(" | ", decision.Reasons.Select(r => $"{r.Code} {r.ClauseId} {r.Message}"));
        Assert.True(row.Expect == outcome, $"expected {row.Expect}, got {outcome}: {because}");
        Assert.True(row.Clause == decision.DecidingClauseId, $"expected clause {row.Clause}, got {decision.DecidingClauseId}: {because}");
        Assert.Contains(decision.Reasons, r => r.ClauseId == row.Clause);
        if (row.Code is not null)
        {
            Assert.Equal(row.Code, decision.Reasons[0].Code);
        }

        if (row.Expect == "needs-approval")
        {
            var gates = row.Gates.Aggregate(ApprovalGates.None, (all, g) => all | (PolicyNames.Gate.TryParse(g, out var gate) ? gate : throw new InvalidDataException(g)));
            Assert.Equal(gates, decision.Gates);
            Assert.NotEmpty(decision.Requirements);
        }

        if (row.Expect == "permit")
        {
            Assert.Equal(row.Clause, decision.Flow!.ClauseId);
            Assert.Contains(decision.Obligations, o => o.Kind == ObligationKind.Log);
        }
    }

    [Theory]
    [MemberData(nameof(TableIds))]
    public void CaseTable_EachConvenant_HasAtLeastFortyUniqueRowsCoveringAllOutcomes(string convenant)
    {
        var table = Tables.Value[convenant];

        Assert.Equal(convenant, table.Convenant);
        Assert.True(table.Cases.Length >= 40, $"{table.Cases.Length} rows");
        Assert.Equal(table.Cases.Length, table.Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(table.Cases, c => c.Expect == "permit");
        Assert.Contains(table.Cases, c => c.Expect == "deny");
        Assert.Contains(table.Cases, c => c.Expect == "needs-approval");
    }

    public static TheoryData<string> TableIds => new(ShippedConvenants.Ids);
}

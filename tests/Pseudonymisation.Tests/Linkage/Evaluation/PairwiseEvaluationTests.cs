using SharingHub.Pseudonymisation.Linkage.Evaluation;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Evaluation;

public sealed class PairwiseEvaluationTests
{
    private static readonly Dictionary<string, string> Truth = new()
    {
        ["a1"] = "e1", ["a2"] = "e2", ["a3"] = "e3", ["a4"] = "e1",
        ["b1"] = "e1", ["b2"] = "e2", ["b3"] = "e9",
    };

    [Fact]
    public void Evaluate_MixedLinks_CountsCrossFilePairs()
    {
        // Truth pairs: (a1,b1), (a4,b1), (a2,b2) = 3.
        var result = PairwiseEvaluation.Evaluate(
            [("a1", "b1"), ("a2", "b3"), ("a1", "b1")],
            Truth,
            ["a1", "a2", "a3", "a4"],
            ["b1", "b2", "b3"]);
        Assert.Equal(new PairwiseEvaluation(1, 1, 2), result);
        Assert.Equal(0.5, result.Precision);
        Assert.Equal(1.0 / 3, result.Recall, 10);
        Assert.Equal(0.4, result.F1, 10);
    }

    [Fact]
    public void Evaluate_NoLinksNoTruth_IsPerfect()
    {
        var result = PairwiseEvaluation.Evaluate([], Truth, ["a3"], ["b3"]);
        Assert.Equal(1.0, result.F1);
    }
}

using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Evaluation;
using SharingHub.Pseudonymisation.Linkage.Fuzzy;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Fuzzy;

public sealed class RecordLinkerTests
{
    private static (List<TestPerson> Left, List<TestPerson> Right, Dictionary<string, string> Truth) Data(ulong seed, int n)
    {
        var s = seed;
        var left = new List<TestPerson>();
        var right = new List<TestPerson>();
        var truth = new Dictionary<string, string>();
        for (var i = 0; i < n; i++)
        {
            var p = LinkageTestData.RandomPerson(ref s, "l" + i);
            left.Add(p);
            truth[p.Id] = "e" + i;
            if (i % 4 != 0)
            {
                var v = LinkageTestData.Next(ref s, 3) == 0 ? LinkageTestData.Vary(ref s, p, "r" + i) : p with { Id = "r" + i };
                right.Add(v);
                truth[v.Id] = "e" + i;
            }
        }

        for (var i = 0; i < n / 4; i++)
        {
            var q = LinkageTestData.RandomPerson(ref s, "x" + i);
            right.Add(q);
            truth[q.Id] = "x" + i;
        }

        return (left, right, truth);
    }

    private static PairwiseEvaluation Evaluate(LinkageMode mode, int n, ulong seed = 42)
    {
        var (l, r, truth) = Data(seed, n);
        var left = LinkageTestData.Build(l);
        var right = LinkageTestData.Build(r);
        var result = RecordLinker.Link(left, right, mode);
        return PairwiseEvaluation.Evaluate(
            result.Links.Select(x => (left.Ids[x.Left], right.Ids[x.Right])),
            truth,
            left.Ids,
            right.Ids);
    }

    [Fact]
    public void Link_Auto_BeatsExactOnlyAndReachesHighF1()
    {
        var exact = Evaluate(LinkageMode.Exact, 2000);
        var auto = Evaluate(LinkageMode.Auto, 2000);
        Assert.True(auto.F1 > exact.F1, $"auto {auto.F1} exact {exact.F1}");
        Assert.True(auto.F1 >= 0.97, $"auto F1 {auto.F1} P {auto.Precision} R {auto.Recall}");
        Assert.True(auto.Precision >= 0.98, $"precision {auto.Precision}");
    }

    [Fact]
    public void Link_FuzzyOnly_FindsVariedRecords()
    {
        var fuzzy = Evaluate(LinkageMode.Fuzzy, 1000);
        Assert.True(fuzzy.F1 >= 0.95, $"fuzzy F1 {fuzzy.F1}");
    }

    [Fact]
    public void Link_IsOneToOneAndExplained()
    {
        var (l, r, _) = Data(7, 500);
        var left = LinkageTestData.Build(l);
        var right = LinkageTestData.Build(r);
        var result = RecordLinker.Link(left, right);
        Assert.Equal(result.Links.Count, result.Links.Select(x => x.Left).Distinct().Count());
        Assert.Equal(result.Links.Count, result.Links.Select(x => x.Right).Distinct().Count());
        var described = result.Links.Select(x => RecordLinker.Describe(left, right, x)).ToList();
        Assert.Contains(described, d => d.Reason == "bsn" && d.Comparisons == "exact=bsn" && d.Score == 1.0);
        Assert.Contains(described, d => d.Reason.StartsWith("fuzzy:", StringComparison.Ordinal) && d.Comparisons.Contains("blocks=", StringComparison.Ordinal));
        Assert.All(described, d => Assert.InRange(d.Score, 0.0, 1.0));
    }

    [Fact]
    public void Link_FuzzyPairWithDifferentBsns_IsRefused()
    {
        // A sibling: same surname and address, another given name, birth date and BSN.
        var a = new TestPerson("a", "111111111", ["jan"], null, "bergman", new DateOnly(1980, 1, 2), "1234AB", "1");
        var b = a with { Id = "b", Bsn = "222222222", Given = ["piet"], Dob = new DateOnly(1982, 1, 3) };
        var dice = LinkageTestData.Dice(a, b);
        Assert.InRange(dice, (float)FuzzyOptions.Default.Threshold, (float)FuzzyOptions.Default.BsnConflictOverride - 0.01f);
        var result = RecordLinker.Link(LinkageTestData.Build([a]), LinkageTestData.Build([b]), LinkageMode.Fuzzy);
        Assert.Empty(result.Links);
        Assert.Equal(1, result.Fuzzy!.RefusedBsnConflicts);

        // The same pair without the conflicting BSN links.
        var unconflicted = RecordLinker.Link(LinkageTestData.Build([a]), LinkageTestData.Build([b with { Bsn = null }]), LinkageMode.Fuzzy);
        Assert.Single(unconflicted.Links);
    }

    [Fact]
    public void Link_StrongFuzzyPairWithDifferentBsns_OverridesConflict()
    {
        var a = new TestPerson("a", "111111111", ["jan"], null, "berg", new DateOnly(1980, 1, 2), "1234AB", "1");
        var b = a with { Id = "b", Bsn = "222222222", Surname = "bergg" };
        Assert.True(LinkageTestData.Dice(a, b) >= FuzzyOptions.Default.BsnConflictOverride);
        var result = RecordLinker.Link(LinkageTestData.Build([a]), LinkageTestData.Build([b]), LinkageMode.Fuzzy);
        Assert.Single(result.Links);
    }

    [Fact]
    public void Link_ExactBsnMatchWithUnrelatedRecord_IsNotCorroborated()
    {
        var a = new TestPerson("a", "111111111", ["jan"], null, "berg", new DateOnly(1980, 1, 2), "1234AB", "1");
        var b = new TestPerson("b", "111111111", ["sophie"], "van", "dijkstra", new DateOnly(2011, 9, 28), "9876ZY", "77");
        var result = RecordLinker.Link(LinkageTestData.Build([a]), LinkageTestData.Build([b]), LinkageMode.Exact);
        Assert.Empty(result.Links);
        Assert.Equal(1, result.Exact!.UncorroboratedPerKey[0]);
    }

    [Fact]
    public void Blocking_SyntheticVariations_KeepTruePairsInSomeBlock()
    {
        var s = 99UL;
        var left = new List<TestPerson>();
        var right = new List<TestPerson>();
        for (var i = 0; i < 400; i++)
        {
            var p = LinkageTestData.RandomPerson(ref s, "l" + i);
            left.Add(p);
            right.Add(LinkageTestData.Vary(ref s, p, "r" + i));
        }

        var ls = LinkageTestData.Build(left);
        var rs = LinkageTestData.Build(right);
        var found = 0;
        for (var i = 0; i < 400; i++)
        {
            if (Enum.GetValues<BlockingPass>().Any(p => ls.BlockKey(p, i) != 0 && ls.BlockKey(p, i) == rs.BlockKey(p, i)))
            {
                found++;
            }
        }

        Assert.True(found >= 396, $"blocking recall {found}/400");
    }

    [Fact]
    public void Link_EmptyInputs_GiveNoLinks()
    {
        var empty = LinkageTestData.Build([]);
        var result = RecordLinker.Link(empty, empty);
        Assert.Empty(result.Links);
    }

    [Fact]
    public void Link_TinyBlockCap_SkipsAndCountsBlocks()
    {
        var (l, r, _) = Data(3, 300);
        var result = RecordLinker.Link(LinkageTestData.Build(l), LinkageTestData.Build(r), LinkageMode.Fuzzy, new FuzzyOptions { MaxBlockSide = 1 });
        Assert.True(result.Fuzzy!.SkippedBlocks > 0);
        Assert.True(result.Fuzzy.SkippedPairs >= 2 * result.Fuzzy.SkippedBlocks);
    }

    [Fact]
    public void IsUnusable_RecordWithoutIdentifiers_IsReported()
    {
        var set = LinkageTestData.Build([new TestPerson("n", null, [], null, null, null, null, null), new TestPerson("y", "1", [], null, null, null, null, null)]);
        Assert.True(set.IsUnusable(0));
        Assert.False(set.IsUnusable(1));
    }
}

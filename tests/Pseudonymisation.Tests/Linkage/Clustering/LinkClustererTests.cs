using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Clustering;
using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Clustering;

public sealed class LinkClustererTests
{
    private static Pseudonym32 Bsn(int n) => n == 0 ? default : new Pseudonym32((ulong)n, 1, 2, 3);

    [Property(MaxTest = 100)]
    public void TryMerge_RandomLinks_NeverPutsTwoBsnsInOneCluster(ulong seed)
    {
        var s = seed | 1;
        var partners = new Pseudonym32[3][];
        for (var p = 0; p < 3; p++)
        {
            partners[p] = new Pseudonym32[8];
            for (var i = 0; i < 8; i++)
            {
                partners[p][i] = Bsn(LinkageTestData.Next(ref s, 4));
            }
        }

        var clusterer = new LinkClusterer(partners);
        for (var k = 0; k < 30; k++)
        {
            clusterer.TryMerge(
                new RecordRef(LinkageTestData.Next(ref s, 3), LinkageTestData.Next(ref s, 8)),
                new RecordRef(LinkageTestData.Next(ref s, 3), LinkageTestData.Next(ref s, 8)));
        }

        var bsnOfCluster = new Dictionary<int, Pseudonym32>();
        for (var p = 0; p < 3; p++)
        {
            for (var i = 0; i < 8; i++)
            {
                var bsn = partners[p][i];
                if (bsn.IsEmpty)
                {
                    continue;
                }

                var cluster = clusterer.ClusterOf(new RecordRef(p, i));
                if (bsnOfCluster.TryGetValue(cluster, out var existing))
                {
                    Assert.Equal(existing, bsn);
                }
                else
                {
                    bsnOfCluster[cluster] = bsn;
                }
            }
        }
    }

    [Fact]
    public void TryMerge_ChainThroughRecordWithoutBsn_IsRefusedAndRecorded()
    {
        var clusterer = new LinkClusterer([new[] { Bsn(1) }, new[] { Bsn(0) }, new[] { Bsn(2) }]);
        Assert.True(clusterer.TryMerge(new RecordRef(0, 0), new RecordRef(1, 0)));
        Assert.False(clusterer.TryMerge(new RecordRef(1, 0), new RecordRef(2, 0)));
        Assert.Equal([new RefusedMerge(new RecordRef(1, 0), new RecordRef(2, 0))], clusterer.Refusals);
        Assert.Equal(clusterer.ClusterOf(new RecordRef(0, 0)), clusterer.ClusterOf(new RecordRef(1, 0)));
        Assert.NotEqual(clusterer.ClusterOf(new RecordRef(0, 0)), clusterer.ClusterOf(new RecordRef(2, 0)));
        Assert.Equal(Bsn(1), clusterer.ClusterBsn(new RecordRef(1, 0)));
    }

    [Fact]
    public void AddLinks_ThreePartners_ClustersTransitively()
    {
        var clusterer = new LinkClusterer([new[] { Bsn(0), Bsn(0) }, new[] { Bsn(0) }, new[] { Bsn(0) }]);
        clusterer.AddLinks(0, 1, [new IndexLink(1, 0, 0.9f, LinkMethod.Fuzzy, 1)]);
        clusterer.AddLinks(1, 2, [new IndexLink(0, 0, 1f, LinkMethod.Exact, 0)]);
        Assert.Equal(clusterer.ClusterOf(new RecordRef(0, 1)), clusterer.ClusterOf(new RecordRef(2, 0)));
        Assert.NotEqual(clusterer.ClusterOf(new RecordRef(0, 0)), clusterer.ClusterOf(new RecordRef(2, 0)));
    }

    [Fact]
    public void Greedy_Conflicts_PicksBestScoreThenLowestIndex()
    {
        IndexLink[] candidates =
        [
            new(0, 0, 0.85f, LinkMethod.Fuzzy, 1),
            new(0, 1, 0.95f, LinkMethod.Fuzzy, 1),
            new(1, 1, 0.90f, LinkMethod.Fuzzy, 1),
            new(2, 2, 0.90f, LinkMethod.Fuzzy, 1),
            new(3, 2, 0.90f, LinkMethod.Fuzzy, 1),
        ];
        var picked = OneToOneAssignment.Greedy(candidates, new bool[4], new bool[3]);
        Assert.Equal([candidates[1], candidates[3]], picked);
    }

    [Fact]
    public void Greedy_AlreadyLinkedRecords_AreSkipped()
    {
        var leftLinked = new[] { true, false };
        var picked = OneToOneAssignment.Greedy([new IndexLink(0, 0, 0.99f, LinkMethod.Fuzzy, 1), new IndexLink(1, 0, 0.9f, LinkMethod.Fuzzy, 1)], leftLinked, new bool[1]);
        Assert.Equal([new IndexLink(1, 0, 0.9f, LinkMethod.Fuzzy, 1)], picked);
    }
}

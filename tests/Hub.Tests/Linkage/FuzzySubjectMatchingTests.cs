using SharingHub.Hub.Linkage;
using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Hub.Tests.Linkage;

public sealed class FuzzySubjectMatchingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static Guid Id(int n) => new($"00000000-0000-7000-8000-{n:D12}");

    private static Dictionary<Guid, RootInfo> Roots(params (int Id, int Size, int Minutes)[] roots) =>
        roots.ToDictionary(r => Id(r.Id), r => new RootInfo(Id(r.Id), 1, r.Size, T0.AddMinutes(r.Minutes)));

    private static Pseudonym32 Bsn(ulong n) => new(n, 0, 0, 0);

    private static (byte[] Clk, byte[] BlockKeys) Encode(TestPerson person)
    {
        using var ring = SharingHub.Pseudonymisation.Keys.DomainKeyRing.FromSecret("riec", 1, Id(99), new byte[32], TimeProvider.System);
        var key = new byte[LinkageEncoding.KeyLength];
        LinkageEncoding.DeriveKey(ring, key);
        return LinkageEncoding.Encode(key, person.QuasiIdentifiers());
    }

    /// <summary>Known and pending encodings in the given order into two indexes; each encoding's subject is its root.</summary>
    private static List<RootPair> FindPairs(IEnumerable<Encoded> signals, Dictionary<Guid, RootInfo> roots, float threshold, int maxBlockSide, out long comparisons)
    {
        var known = new LinkageIndex();
        var pending = new LinkageIndex();
        var rootOf = new Dictionary<Guid, Guid>();
        foreach (var signal in signals)
        {
            Assert.True((signal.Pending ? pending : known).Add(signal.SignalId, signal.Root, signal.Clk, signal.BlockKeys));
            rootOf[signal.Root] = signal.Root;
        }

        return FuzzySubjectMatching.FindPairs(known, pending, rootOf, roots, threshold, maxBlockSide, out comparisons);
    }

    [Fact]
    public void Plan_BiggerClusterAndThenOlderRootSurvive_FinalRootsNeverChain()
    {
        var roots = Roots((1, 1, 5), (2, 3, 9), (3, 1, 1));
        RootPair[] pairs = [new(Id(1), Id(3), 0.9f), new(Id(1), Id(2), 0.8f)];

        var plan = FuzzySubjectMatching.Plan(pairs, roots, new Dictionary<Guid, Pseudonym32>(), new HashSet<Guid>());

        Assert.Equal([new MergeStep(Id(3), Id(1), 0.9f), new MergeStep(Id(2), Id(3), 0.8f)], plan.Steps);
        Assert.Equal(Id(2), plan.FinalRoots[Id(1)]);
        Assert.Equal(Id(2), plan.FinalRoots[Id(3)]);
        Assert.False(plan.FinalRoots.ContainsKey(Id(2)));
    }

    [Fact]
    public void Plan_TwoBsnsThroughABridge_SecondMergeRefused()
    {
        var roots = Roots((1, 1, 1), (2, 1, 2), (3, 1, 3));
        RootPair[] pairs = [new(Id(1), Id(3), 0.95f), new(Id(2), Id(3), 0.9f)];
        var bsns = new Dictionary<Guid, Pseudonym32> { [Id(1)] = Bsn(11), [Id(2)] = Bsn(22) };

        var plan = FuzzySubjectMatching.Plan(pairs, roots, bsns, new HashSet<Guid>());

        Assert.Single(plan.Steps);
        Assert.Equal(1, plan.Refused);
        Assert.Equal(Id(1), plan.FinalRoots[Id(3)]);
        Assert.False(plan.FinalRoots.ContainsKey(Id(2)));
    }

    [Fact]
    public void FindPairs_NewEncodingMatchingTwoClusters_ProposesOnlyItsBestAndSkipsItsOwnCluster()
    {
        using var ring = SharingHub.Pseudonymisation.Keys.DomainKeyRing.FromSecret("riec", 1, Id(99), new byte[32], TimeProvider.System);
        var key = new byte[LinkageEncoding.KeyLength];
        LinkageEncoding.DeriveKey(ring, key);
        Encoded Signal(int n, int root, bool pending, TestPerson person)
        {
            var (clk, blocks) = LinkageEncoding.Encode(key, person.QuasiIdentifiers());
            return new Encoded(Id(100 + n), Id(root), pending, clk, blocks);
        }

        var roots = Roots((1, 1, 1), (2, 1, 2), (3, 1, 3));
        Encoded[] signals =
        [
            Signal(1, 1, false, new TestPerson("Jan", "Jansen", "1980-05-17")),
            Signal(2, 2, false, new TestPerson("Jan", "Janssens", "1980-05-17")),
            Signal(3, 3, true, new TestPerson("Jan", "Janssen", "1980-05-17")),
            Signal(4, 3, false, new TestPerson("Jan", "Janssen", "1980-05-17")),
        ];

        var pairs = FindPairs(signals, roots, 0.6f, 2000, out var comparisons);

        var pair = Assert.Single(pairs);
        Assert.Contains(Id(3), (Guid[])[pair.A, pair.B]);
        Assert.Equal(2, comparisons);
        Assert.InRange(pair.Score, 0.6f, 0.9999f);
    }

    [Fact]
    public void FindPairs_ThreePendingTypos_EachProposesItsBestWhateverTheOrder()
    {
        using var ring = SharingHub.Pseudonymisation.Keys.DomainKeyRing.FromSecret("riec", 1, Id(99), new byte[32], TimeProvider.System);
        var key = new byte[LinkageEncoding.KeyLength];
        LinkageEncoding.DeriveKey(ring, key);
        TestPerson[] people = [new("Willemijn", "Dekker", "1990-03-12"), new("Willemijn", "Decker", "1990-03-12"), new("Willemijn", "Dekkers", "1990-03-12")];
        var roots = Roots((1, 1, 1), (2, 1, 2), (3, 1, 3));
        var encoded = people.Select(p => LinkageEncoding.Encode(key, p.QuasiIdentifiers())).ToArray();
        var words = encoded.Select(e =>
        {
            var w = new ulong[SharingHub.Pseudonymisation.Linkage.Encoding.BloomFilterStore.Words];
            Assert.True(LinkageEncoding.TryReadClk(e.Clk, w));
            return w;
        }).ToArray();
        var s12 = SharingHub.Pseudonymisation.Linkage.Similarity.DiceKernel.Dice(words[0], words[1]);
        var s13 = SharingHub.Pseudonymisation.Linkage.Similarity.DiceKernel.Dice(words[0], words[2]);
        var s23 = SharingHub.Pseudonymisation.Linkage.Similarity.DiceKernel.Dice(words[1], words[2]);
        Assert.True(s23 < Math.Min(s12, s13) && s13 != s12, "the two typos should be further apart than each from the original");

        // Between the typos' own score and their scores with the original: only pairs with the original qualify.
        var threshold = (s23 + Math.Min(s12, s13)) / 2;

        foreach (int[] order in (int[][])[[0, 1, 2], [1, 2, 0], [2, 1, 0]])
        {
            var signals = order.Select(i => new Encoded(Id(100 + i), Id(i + 1), true, encoded[i].Clk, encoded[i].BlockKeys)).ToArray();

            var pairs = FindPairs(signals, roots, threshold, 2000, out _);
            var plan = FuzzySubjectMatching.Plan(pairs, roots, new Dictionary<Guid, Pseudonym32>(), new HashSet<Guid>());

            Assert.Equal(2, plan.Steps.Count);
            Assert.Equal(Id(1), plan.FinalRoots[Id(2)]);
            Assert.Equal(Id(1), plan.FinalRoots[Id(3)]);
        }
    }

    [Fact]
    public void FindPairs_EqualScoresInTwoKnownClusters_TheLowerSignalIdWinsWhateverOrderTheIndexWasFilledIn()
    {
        var (clk, blocks) = Encode(new TestPerson("Sanne", "de Vries", "1985-02-01"));
        var roots = Roots((1, 1, 1), (2, 1, 2), (3, 1, 3));
        Encoded lowSignalInRoot2 = new(Id(100), Id(2), false, clk, blocks);
        Encoded highSignalInRoot1 = new(Id(200), Id(1), false, clk, blocks);
        Encoded newcomer = new(Id(300), Id(3), true, clk, blocks);

        var forward = FindPairs([lowSignalInRoot2, highSignalInRoot1, newcomer], roots, 0.8f, 2000, out _);
        var backward = FindPairs([highSignalInRoot1, lowSignalInRoot2, newcomer], roots, 0.8f, 2000, out _);

        Assert.Equal([new RootPair(Id(2), Id(3), 1f)], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void FindPairs_KnownAndPendingTogetherExceedMaxBlockSide_BlockSkipped()
    {
        var (clk, blocks) = Encode(new TestPerson("Sanne", "de Vries", "1985-02-01"));
        var roots = Roots((1, 1, 1), (2, 1, 2), (3, 1, 3));
        Encoded[] signals = [new(Id(100), Id(1), false, clk, blocks), new(Id(200), Id(2), true, clk, blocks), new(Id(300), Id(3), true, clk, blocks)];

        var skipped = FindPairs(signals, roots, 0.8f, 2, out var none);
        var compared = FindPairs(signals, roots, 0.8f, 3, out var some);

        Assert.Empty(skipped);
        Assert.Equal(0, none);
        Assert.Equal(4, some); // each pending one against the known one and the other pending one
        Assert.Equal(2, compared.Count);
    }

    [Fact]
    public void Plan_ConflictedRoot_MergesWithNothing()
    {
        var roots = Roots((1, 2, 1), (2, 1, 2));

        var plan = FuzzySubjectMatching.Plan([new(Id(1), Id(2), 0.99f)], roots, new Dictionary<Guid, Pseudonym32>(), new HashSet<Guid> { Id(1) });

        Assert.Empty(plan.Steps);
        Assert.Empty(plan.FinalRoots);
        Assert.Equal(1, plan.Refused);
    }
}

/// <summary>One encoding as these tests write it: its signal, its cluster root (also its subject), pending or known, its bytes.</summary>
internal sealed record Encoded(Guid SignalId, Guid Root, bool Pending, byte[] Clk, byte[] BlockKeys);

using SharingHub.Hub.Linkage;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Hub.Tests.Linkage;

public sealed class LinkageIndexTests
{
    private static readonly byte[] Key = Enumerable.Range(1, LinkageEncoding.KeyLength).Select(i => (byte)i).ToArray();

    private static Guid Id(int n) => new($"00000000-0000-7000-8000-{n:D12}");

    [Fact]
    public void Add_ManyBeyondTheInitialCapacity_KeepsEveryEntryWithItsWordsIdsAndBlocks()
    {
        var people = Enumerable.Range(0, 40).Select(i => new TestPerson("Anna" + (char)('a' + (i % 26)), "Bakker" + (char)('a' + (i / 26)) + (char)('a' + (i % 26)), $"19{50 + i}-01-0{1 + (i % 9)}")).ToArray();
        var encoded = people.Select(p => LinkageEncoding.Encode(Key, p.QuasiIdentifiers())).ToArray();
        var index = new LinkageIndex(capacity: 1);

        for (var i = 0; i < encoded.Length; i++)
        {
            Assert.True(index.Add(Id(1000 + i), Id(i), encoded[i].Clk, encoded[i].BlockKeys));
        }

        Assert.Equal(encoded.Length, index.Count);
        var words = new ulong[BloomFilterStore.Words];
        for (var i = 0; i < encoded.Length; i++)
        {
            Assert.True(LinkageEncoding.TryReadClk(encoded[i].Clk, words));
            Assert.Equal(words, index.Words(i).ToArray());
            Assert.Equal(words.Sum(w => System.Numerics.BitOperations.PopCount(w)), index.Popcount(i));
            Assert.Equal((Id(1000 + i), Id(i)), (index.SignalId(i), index.SubjectId(i)));
            for (var p = 0; p < LinkageIndex.PassCount; p++)
            {
                var key = LinkageEncoding.BlockKey(encoded[i].BlockKeys, (SharingHub.Pseudonymisation.Linkage.Blocking.BlockingPass)Enum.GetValues<SharingHub.Pseudonymisation.Linkage.Blocking.BlockingPass>().GetValue(p)!);
                Assert.Equal(key, index.BlockKeyOf(i, p));
                if (key != 0)
                {
                    Assert.Contains(i, index.Block(p, key).ToArray());
                }
            }
        }
    }

    [Fact]
    public void Add_MalformedOrEmptyEncoding_NotAddedAndNeverACandidate()
    {
        var (clk, blocks) = LinkageEncoding.Encode(Key, new TestPerson("Kees", "Visser", "1970-07-07").QuasiIdentifiers());
        var index = new LinkageIndex();

        Assert.False(index.Add(Id(1), Id(1), clk[..^1], blocks));
        Assert.False(index.Add(Id(2), Id(2), clk, blocks[..^1]));
        Assert.False(index.Add(Id(3), Id(3), new byte[clk.Length], blocks));
        Assert.True(index.Add(Id(4), Id(4), clk, blocks));

        Assert.Equal(1, index.Count);
        Assert.Equal(Id(4), index.SignalId(0));
        Assert.All(Enumerable.Range(0, LinkageIndex.PassCount), p => Assert.True(index.Block(p, index.BlockKeyOf(0, p)).ToArray().All(j => j == 0)));
        Assert.True(index.Block(0, 0).IsEmpty);
    }

    [Fact]
    public void CompareEntries_BySignalThenSubject_IndependentOfInsertionOrder()
    {
        var (clk, blocks) = LinkageEncoding.Encode(Key, new TestPerson("Kees", "Visser", "1970-07-07").QuasiIdentifiers());
        var index = new LinkageIndex();
        index.Add(Id(2), Id(1), clk, blocks);
        index.Add(Id(1), Id(9), clk, blocks);
        index.Add(Id(1), Id(3), clk, blocks);

        var order = Enumerable.Range(0, 3).ToList();
        order.Sort(index.CompareEntries);

        Assert.Equal([2, 1, 0], order);
    }
}

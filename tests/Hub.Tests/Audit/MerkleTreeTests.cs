using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;
using SharingHub.Hub.Audit.Merkle;

namespace SharingHub.Hub.Tests.Audit;

public sealed class MerkleTreeTests
{
    [Fact]
    public void Root_Rfc6962Vectors_MatchEverySize()
    {
        var tree = Build(Rfc6962Vectors.Leaves);
        for (var size = 0; size <= 8; size++)
        {
            Assert.Equal(Rfc6962Vectors.Roots[size], Convert.ToHexStringLower(tree.Root(size)));
        }
    }

    [Fact]
    public void InclusionProof_Rfc6962Vectors_Match()
    {
        var tree = Build(Rfc6962Vectors.Leaves);
        foreach (var (index, size, proof) in Rfc6962Vectors.Inclusion)
        {
            Assert.Equal(proof, tree.InclusionProof(index, size).Select(Convert.ToHexStringLower));
        }
    }

    [Fact]
    public void ConsistencyProof_Rfc6962Vectors_Match()
    {
        var tree = Build(Rfc6962Vectors.Leaves);
        foreach (var (from, to, proof) in Rfc6962Vectors.Consistency)
        {
            Assert.Equal(proof, tree.ConsistencyProof(from, to).Select(Convert.ToHexStringLower));
        }
    }

    [Fact]
    public void Root_SizeBeyondTree_Throws()
    {
        var tree = Build(Rfc6962Vectors.Leaves);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Root(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(8, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(5, 4));
    }

    [Property(MaxTest = 60)]
    public bool RootAndProofs_AnySize_AgreeWithNaiveDefinition(PositiveInt sizeSeed, NonNegativeInt indexSeed, NonNegativeInt fromSeed)
    {
        var n = (sizeSeed.Get % 300) + 1;
        var leaves = Enumerable.Range(0, n).Select(i => Rfc6962.HashLeaf(BitConverter.GetBytes(i))).ToList();
        var tree = new MerkleTree();
        tree.AppendLeafHashes(leaves.SelectMany(l => l).ToArray());
        var size = (indexSeed.Get % n) + 1;
        var index = indexSeed.Get % size;
        var from = (fromSeed.Get % size) + 1;
        var root = NaiveRoot(leaves.Take(size).ToList());
        var inclusion = tree.InclusionProof(index, size);
        var rebuilt = RootFromNaivePath(index, size, leaves[index], inclusion);
        var consistent = tree.ConsistencyProof(from, size).Count == NaiveConsistency(from, leaves.Take(size).ToList(), true).Count;
        return tree.Root(size).SequenceEqual(root) && rebuilt.SequenceEqual(root) && consistent;
    }

    private static MerkleTree Build(byte[][] inputs)
    {
        var tree = new MerkleTree();
        tree.AppendLeafHashes(inputs.SelectMany(i => Rfc6962.HashLeaf(i)).ToArray());
        return tree;
    }

    // RFC 6962 §2.1 definitions, written out directly (no shared code with the tree).
    private static byte[] NaiveRoot(List<byte[]> leaves)
    {
        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. NaiveRoot(leaves.Take(k).ToList()), .. NaiveRoot(leaves.Skip(k).ToList())]);
    }

    private static List<byte[]> NaiveConsistency(int m, List<byte[]> d, bool complete)
    {
        var n = d.Count;
        if (m == n)
        {
            return complete ? [] : [NaiveRoot(d)];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return m <= k
            ? [.. NaiveConsistency(m, d.Take(k).ToList(), complete), NaiveRoot(d.Skip(k).ToList())]
            : [.. NaiveConsistency(m - k, d.Skip(k).ToList(), false), NaiveRoot(d.Take(k).ToList())];
    }

    private static byte[] RootFromNaivePath(long index, long size, byte[] leaf, IReadOnlyList<byte[]> path)
    {
        // Walk down the RFC recursion to know, for each level, whether the sibling is on the left or right.
        var sides = new List<bool>();
        long start = 0, n = size;
        while (n > 1)
        {
            long k = 1;
            while (k * 2 < n)
            {
                k *= 2;
            }

            var left = index - start < k;
            sides.Add(left);
            if (left)
            {
                n = k;
            }
            else
            {
                start += k;
                n -= k;
            }
        }

        sides.Reverse();
        var hash = leaf;
        for (var i = 0; i < path.Count; i++)
        {
            hash = sides[i] ? SHA256.HashData([0x01, .. hash, .. path[i]]) : SHA256.HashData([0x01, .. path[i], .. hash]);
        }

        return hash;
    }
}

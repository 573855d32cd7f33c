using SharingHub.HubCtl.Audit;

namespace SharingHub.HubCtl.Tests.Audit;

/// <summary>
/// The verifier against public RFC 6962 test vectors (data from transparency-dev/merkle testonly/constants.go and
/// proof/verify_test.go), plus the corruption probes those tests use: every altered proof must be refused.
/// </summary>
public sealed class MerkleVerificationTests
{
    private static readonly byte[][] Leaves =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57], Convert.FromHexString("606162636465666768696a6b6c6d6e6f"),
    ];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static TheoryData<long, long, string[]> Inclusion => new()
    {
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    public static TheoryData<long, long, string[]> Consistency => new()
    {
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    [Fact]
    public void RootFromLeafHashes_EverySize_MatchesVectors()
    {
        for (var size = 0; size <= 8; size++)
        {
            var root = MerkleVerification.RootFromLeafHashes(Leaves.Take(size).Select(l => MerkleVerification.HashLeaf(l)));
            Assert.Equal(Roots[size], Convert.ToHexStringLower(root));
        }
    }

    [Theory]
    [MemberData(nameof(Inclusion))]
    public void VerifyInclusion_Vector_PassesAndEveryCorruptionFails(long index, long size, string[] proofHex)
    {
        var proof = proofHex.Select(Convert.FromHexString).ToList();
        var leaf = MerkleVerification.HashLeaf(Leaves[index]);
        var root = Convert.FromHexString(Roots[size]);
        Assert.True(MerkleVerification.VerifyInclusion(index, size, leaf, proof, root));

        Assert.False(MerkleVerification.VerifyInclusion(index + 1, size, leaf, proof, root));
        Assert.False(MerkleVerification.VerifyInclusion(index ^ 2, size, leaf, proof, root));
        Assert.False(MerkleVerification.VerifyInclusion(index, size * 2, leaf, proof, root));
        Assert.False(MerkleVerification.VerifyInclusion(index, size / 2, leaf, proof, root));
        Assert.False(MerkleVerification.VerifyInclusion(index, size, MerkleVerification.HashLeaf("WrongLeaf"u8), proof, root));
        Assert.False(MerkleVerification.VerifyInclusion(index, size, leaf, proof, Convert.FromHexString(Roots[0])));
        Assert.False(MerkleVerification.VerifyInclusion(index, size, leaf, [.. proof, root], root));
        Assert.False(MerkleVerification.VerifyInclusion(index, size, leaf, [root, .. proof], root));
        Assert.False(MerkleVerification.VerifyInclusion(index, size, leaf, proof.Take(proof.Count - 1).ToList(), root));
        for (var i = 0; i < proof.Count; i++)
        {
            var bad = proof.Select(p => (byte[])p.Clone()).ToList();
            bad[i][0] ^= 8;
            Assert.False(MerkleVerification.VerifyInclusion(index, size, leaf, bad, root));
        }
    }

    [Theory]
    [MemberData(nameof(Consistency))]
    public void VerifyConsistency_Vector_PassesAndEveryCorruptionFails(long first, long second, string[] proofHex)
    {
        var proof = proofHex.Select(Convert.FromHexString).ToList();
        var r1 = Convert.FromHexString(Roots[first]);
        var r2 = Convert.FromHexString(Roots[second]);
        Assert.True(MerkleVerification.VerifyConsistency(first, second, r1, r2, proof));

        Assert.False(MerkleVerification.VerifyConsistency(first - 1, second, r1, r2, proof));
        Assert.False(MerkleVerification.VerifyConsistency(first + 1, second, r1, r2, proof));
        Assert.False(MerkleVerification.VerifyConsistency(first, second * 2, r1, r2, proof));
        Assert.False(MerkleVerification.VerifyConsistency(first, second, r2, r1, proof));
        Assert.False(MerkleVerification.VerifyConsistency(first, second, r1, r2, []));
        Assert.False(MerkleVerification.VerifyConsistency(first, second, r1, r2, [.. proof, r1]));
        Assert.False(MerkleVerification.VerifyConsistency(first, second, r1, r2, [r2, .. proof]));
        Assert.False(MerkleVerification.VerifyConsistency(first, second, r1, r2, proof.Take(proof.Count - 1).ToList()));
        for (var i = 0; i < proof.Count; i++)
        {
            var bad = proof.Select(p => (byte[])p.Clone()).ToList();
            bad[i][0] ^= 16;
            Assert.False(MerkleVerification.VerifyConsistency(first, second, r1, r2, bad));
        }
    }

    [Fact]
    public void VerifyConsistency_EdgeCases_FollowTheRfc()
    {
        var r = Convert.FromHexString(Roots[3]);
        Assert.True(MerkleVerification.VerifyConsistency(3, 3, r, r, []));
        Assert.False(MerkleVerification.VerifyConsistency(3, 3, r, Convert.FromHexString(Roots[4]), []));
        Assert.False(MerkleVerification.VerifyConsistency(4, 3, r, r, []));
        Assert.False(MerkleVerification.VerifyConsistency(0, 3, r, r, []));
    }
}

using System.Security.Cryptography;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// RFC 6962 / RFC 9162 Merkle tree checks, written from the RFCs (independent of the hub's code):
/// leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right); inclusion (RFC 9162 §2.1.3.2) and
/// consistency (§2.1.4.2) verification; a root from a full list of leaf hashes.
/// </summary>
public static class MerkleVerification
{
    public const int HashSize = 32;

    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSize)];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>RFC 9162 §2.1.3.2: true only when <paramref name="path"/> proves the leaf at <paramref name="index"/> in the tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size || leafHash.Length != HashSize || root.Length != HashSize || path.Any(p => p.Length != HashSize))
        {
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>RFC 9162 §2.1.4.2 for 0 &lt; first ≤ second (first = second needs an empty path and equal roots).</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> path)
    {
        if (first < 1 || first > second || firstRoot.Length != HashSize || secondRoot.Length != HashSize || path.Any(p => p.Length != HashSize))
        {
            return false;
        }

        if (first == second)
        {
            return path.Count == 0 && CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot);
        }

        if (path.Count == 0)
        {
            return false;
        }

        var proof = new List<byte[]>(path);
        if ((first & (first - 1)) == 0)
        {
            proof.Insert(0, firstRoot.ToArray());
        }

        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = proof[0];
        var sr = proof[0];
        foreach (var c in proof.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = HashChildren(c, fr);
                sr = HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(fr, firstRoot) && CryptographicOperations.FixedTimeEquals(sr, secondRoot);
    }

    /// <summary>MTH over all <paramref name="leafHashes"/> (RFC 6962 §2.1), with a stack of complete subtrees.</summary>
    public static byte[] RootFromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        var range = new CompactRange();
        foreach (var leaf in leafHashes)
        {
            range.Append(leaf);
        }

        return range.Root();
    }
}

/// <summary>The right edge of a growing tree: one hash per complete subtree (at most 64), enough for the root of every prefix.</summary>
public sealed class CompactRange
{
    private readonly List<(long Size, byte[] Hash)> _stack = [];

    public long Size { get; private set; }

    public void Append(byte[] leafHash)
    {
        _stack.Add((1, leafHash));
        while (_stack.Count >= 2 && _stack[^1].Size == _stack[^2].Size)
        {
            var right = _stack[^1];
            var left = _stack[^2];
            _stack.RemoveRange(_stack.Count - 2, 2);
            _stack.Add((left.Size * 2, MerkleVerification.HashChildren(left.Hash, right.Hash)));
        }

        Size++;
    }

    public byte[] Root()
    {
        if (_stack.Count == 0)
        {
            return SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }

        var hash = _stack[^1].Hash;
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            hash = MerkleVerification.HashChildren(_stack[i].Hash, hash);
        }

        return hash;
    }
}

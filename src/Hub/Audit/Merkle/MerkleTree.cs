using System.Numerics;

namespace SharingHub.Hub.Audit.Merkle;

/// <summary>
/// The audit log's RFC 6962 tree in memory: level 0 holds the leaf hashes, level k the hash of every complete,
/// aligned subtree of 2^k leaves (64 bytes per leaf in all). Appending updates the levels; the root of any size,
/// and inclusion and consistency proofs for any size ≤ <see cref="Size"/>, then take O(log n) hash operations
/// (RFC 6962 §2.1: every subtree the recursion needs is either complete and stored, or split again).
/// Thread-safe: appends and reads take one lock (a proof holds it for O(log n) hash operations).
/// </summary>
public sealed class MerkleTree
{
    private readonly List<HashArray> _levels = [new HashArray()];
    private readonly Lock _lock = new();

    public long Size
    {
        get
        {
            lock (_lock)
            {
                return _levels[0].Count;
            }
        }
    }

    /// <summary>Appends leaf hashes (each 32 bytes, concatenated).</summary>
    public void AppendLeafHashes(ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length % Rfc6962.HashSize != 0)
        {
            throw new ArgumentException("Leaf hashes must be a multiple of 32 bytes.", nameof(leafHashes));
        }

        Span<byte> node = stackalloc byte[Rfc6962.HashSize];
        lock (_lock)
        {
            for (var offset = 0; offset < leafHashes.Length; offset += Rfc6962.HashSize)
            {
                _levels[0].Add(leafHashes.Slice(offset, Rfc6962.HashSize));
                var level = 0;
                while (_levels[level].Count % 2 == 0)
                {
                    var count = _levels[level].Count;
                    Rfc6962.HashChildren(_levels[level][count - 2], _levels[level][count - 1], node);
                    if (_levels.Count == level + 1)
                    {
                        _levels.Add(new HashArray());
                    }

                    _levels[level + 1].Add(node);
                    level++;
                }
            }
        }
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        lock (_lock)
        {
            return _levels[0][index].ToArray();
        }
    }

    /// <summary>MTH(D[0:size]).</summary>
    public byte[] Root(long size)
    {
        lock (_lock)
        {
            CheckSize(size);
            return size == 0 ? Rfc6962.EmptyRoot() : Subtree(0, size);
        }
    }

    /// <summary>RFC 6962 §2.1.1 PATH(index, D[0:size]), leaf sibling first.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        lock (_lock)
        {
            CheckSize(size);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((ulong)index, (ulong)size, nameof(index));
            var proof = new List<byte[]>();
            Path(index, 0, size, proof);
            return proof;
        }
    }

    /// <summary>RFC 6962 §2.1.2 PROOF(from, D[0:to]) for 0 &lt; from ≤ to.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long from, long to)
    {
        lock (_lock)
        {
            CheckSize(to);
            ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
            var proof = new List<byte[]>();
            if (from < to)
            {
                SubProof(from, 0, to, true, proof);
            }

            return proof;
        }
    }

    private void CheckSize(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, _levels[0].Count);
    }

    // The largest power of two smaller than n (n > 1).
    private static long Split(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    // MTH(D[start:start+n]); start is always aligned to the largest power of two ≤ n in the RFC recursion.
    private byte[] Subtree(long start, long n)
    {
        if ((n & (n - 1)) == 0)
        {
            var level = BitOperations.TrailingZeroCount(n);
            return _levels[level][start >> level].ToArray();
        }

        var k = Split(n);
        return Rfc6962.HashChildren(Subtree(start, k), Subtree(start + k, n - k));
    }

    private void Path(long index, long start, long n, List<byte[]> proof)
    {
        if (n == 1)
        {
            return;
        }

        var k = Split(n);
        if (index - start < k)
        {
            Path(index, start, k, proof);
            proof.Add(Subtree(start + k, n - k));
        }
        else
        {
            Path(index, start + k, n - k, proof);
            proof.Add(Subtree(start, k));
        }
    }

    private void SubProof(long m, long start, long n, bool complete, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(Subtree(start, n));
            }

            return;
        }

        var k = Split(n);
        if (m <= k)
        {
            SubProof(m, start, k, complete, proof);
            proof.Add(Subtree(start + k, n - k));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, proof);
            proof.Add(Subtree(start, k));
        }
    }
}

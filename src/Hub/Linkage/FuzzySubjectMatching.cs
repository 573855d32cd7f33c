using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Clustering;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Exact;
using SharingHub.Pseudonymisation.Linkage.Similarity;

namespace SharingHub.Hub.Linkage;

/// <summary>A cluster root: its subject type, cluster size (root and members) and creation time.</summary>
internal sealed record RootInfo(Guid Id, int SubjectType, int Size, DateTimeOffset CreatedAt);

/// <summary>An encoding that shares a block with a pending one: which index holds it, where, and its cluster (<see cref="ClusterLookup"/>).</summary>
internal readonly record struct Candidate(bool Pending, int Index, int Cluster);

/// <summary>
/// The cluster of each encoding of one matching run as a small number, looked up once per encoding and only for the encodings
/// that are compared (subject → root through <c>rootOf</c>, root → <see cref="RootInfo"/>); -1 when either is missing.
/// </summary>
internal sealed class ClusterLookup
{
    private const int NotLookedUp = -2;
    private readonly LinkageIndex _known;
    private readonly LinkageIndex _pending;
    private readonly IReadOnlyDictionary<Guid, Guid> _rootOf;
    private readonly IReadOnlyDictionary<Guid, RootInfo> _roots;
    private readonly int[] _knownClusters;
    private readonly int[] _pendingClusters;
    private readonly Dictionary<Guid, int> _numbers = [];
    private readonly List<RootInfo> _infos = [];

    public ClusterLookup(LinkageIndex known, LinkageIndex pending, IReadOnlyDictionary<Guid, Guid> rootOf, IReadOnlyDictionary<Guid, RootInfo> roots)
    {
        _known = known;
        _pending = pending;
        _rootOf = rootOf;
        _roots = roots;
        _knownClusters = new int[known.Count];
        _pendingClusters = new int[pending.Count];
        Array.Fill(_knownClusters, NotLookedUp);
        Array.Fill(_pendingClusters, NotLookedUp);
    }

    public int Of(bool pending, int index)
    {
        var clusters = pending ? _pendingClusters : _knownClusters;
        if (clusters[index] == NotLookedUp)
        {
            var subject = (pending ? _pending : _known).SubjectId(index);
            clusters[index] = _rootOf.TryGetValue(subject, out var root) ? Number(root) : -1;
        }

        return clusters[index];
    }

    public RootInfo Root(int cluster) => _infos[cluster];

    private int Number(Guid root)
    {
        if (_numbers.TryGetValue(root, out var number))
        {
            return number;
        }

        if (!_roots.TryGetValue(root, out var info))
        {
            return -1;
        }

        _numbers[root] = _infos.Count;
        _infos.Add(info);
        return _infos.Count - 1;
    }
}

/// <summary>Two cluster roots whose best encoding pair scored at or above the threshold.</summary>
internal readonly record struct RootPair(Guid A, Guid B, float Score);

/// <summary>One merge: <see cref="Absorbed"/>'s cluster joins the cluster of <see cref="Survivor"/> (both roots at that moment).</summary>
internal readonly record struct MergeStep(Guid Survivor, Guid Absorbed, float Score);

/// <summary>What the merges of one run come to: the steps in order and, per absorbed root, the final root of its cluster.</summary>
internal sealed record MergePlan(IReadOnlyList<MergeStep> Steps, IReadOnlyDictionary<Guid, Guid> FinalRoots, int Refused);

/// <summary>
/// The fuzzy linkage of one convenant and one key version on stored encodings, with the Pseudonymisation linkage core:
/// candidates share a keyed block key of any <see cref="BlockingPass"/> (blocks larger than the core's <c>MaxBlockSide</c> are
/// skipped, as the core does), scores are Dice on the CLKs with <see cref="DiceKernel"/>, and merges go through
/// <see cref="LinkClusterer"/>, best score first, so two clusters with different BSN pseudonyms are never joined.
/// Only pending encodings are compared (against every other encoding); pairs within one cluster are not candidates; each pending
/// encoding proposes only its best candidate (ties: known before pending, then the lowest signal id and subject id), as the core's one-to-one assignment does for
/// two files; two pending encodings each propose from their own side, so the outcome does not depend on their order.
/// </summary>
internal static class FuzzySubjectMatching
{
    /// <summary>
    /// The best score per pair of distinct roots of the same subject type, at or above <paramref name="threshold"/>: every
    /// <paramref name="pending"/> encoding against the <paramref name="known"/> ones and the other pending ones that share a block
    /// key with it. <paramref name="rootOf"/> gives each subject's cluster root (an encoding whose subject it lacks is skipped);
    /// candidates are taken known first, then pending, each by signal id and subject id, so ties go the same way however the
    /// indexes were filled.
    /// </summary>
    public static List<RootPair> FindPairs(
        LinkageIndex known, LinkageIndex pending, IReadOnlyDictionary<Guid, Guid> rootOf, IReadOnlyDictionary<Guid, RootInfo> roots,
        float threshold, int maxBlockSide, out long comparisons)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(rootOf);
        ArgumentNullException.ThrowIfNull(roots);
        comparisons = 0;
        var best = new Dictionary<(Guid, Guid), float>();
        var clusters = new ClusterLookup(known, pending, rootOf, roots);
        var knownSeen = new int[known.Count];
        var pendingSeen = new int[pending.Count];
        var gathered = new List<Candidate>();
        var candidateWords = Array.Empty<ulong>();
        var candidatePopcounts = Array.Empty<ushort>();
        var scores = Array.Empty<float>();
        for (var i = 0; i < pending.Count; i++)
        {
            var cluster = clusters.Of(true, i);
            if (cluster < 0)
            {
                continue;
            }

            var root = clusters.Root(cluster);
            var stamp = i + 1;
            gathered.Clear();
            for (var p = 0; p < LinkageIndex.PassCount; p++)
            {
                var blockKey = pending.BlockKeyOf(i, p);
                if (blockKey == 0)
                {
                    continue;
                }

                var knownBlock = known.Block(p, blockKey);
                var pendingBlock = pending.Block(p, blockKey);
                if (knownBlock.Length + pendingBlock.Length > maxBlockSide)
                {
                    continue;
                }

                foreach (var j in knownBlock)
                {
                    if (knownSeen[j] != stamp)
                    {
                        knownSeen[j] = stamp;
                        Consider(false, j);
                    }
                }

                foreach (var j in pendingBlock)
                {
                    // Two pending encodings are scored from both sides: each proposes its own best candidate.
                    if (j != i && pendingSeen[j] != stamp)
                    {
                        pendingSeen[j] = stamp;
                        Consider(true, j);
                    }
                }
            }

            if (gathered.Count == 0)
            {
                continue;
            }

            if (candidatePopcounts.Length < gathered.Count)
            {
                candidateWords = new ulong[gathered.Count * BloomFilterStore.Words];
                candidatePopcounts = new ushort[gathered.Count];
                scores = new float[gathered.Count];
            }

            for (var c = 0; c < gathered.Count; c++)
            {
                var source = gathered[c].Pending ? pending : known;
                source.Words(gathered[c].Index).CopyTo(candidateWords.AsSpan(c * BloomFilterStore.Words, BloomFilterStore.Words));
                candidatePopcounts[c] = source.Popcount(gathered[c].Index);
            }

            ReadOnlySpan<ushort> popcount = [pending.Popcount(i)];
            DiceKernel.Score(
                pending.Words(i), popcount,
                candidateWords.AsSpan(0, gathered.Count * BloomFilterStore.Words), candidatePopcounts.AsSpan(0, gathered.Count),
                scores.AsSpan(0, gathered.Count));
            comparisons += gathered.Count;

            // Like the core's one-to-one assignment on the new side: a new encoding links to its single best candidate,
            // so one record can never bridge several existing clusters. Equal scores: the first in candidate order.
            var top = -1;
            for (var c = 0; c < gathered.Count; c++)
            {
                if (scores[c] >= threshold && (top < 0 || scores[c] > scores[top] || (scores[c] == scores[top] && Precedes(gathered[c], gathered[top]))))
                {
                    top = c;
                }
            }

            if (top < 0)
            {
                continue;
            }

            var a = root.Id;
            var b = clusters.Root(gathered[top].Cluster).Id;
            var pair = a.CompareTo(b) < 0 ? (a, b) : (b, a);
            if (!best.TryGetValue(pair, out var previous) || scores[top] > previous)
            {
                best[pair] = scores[top];
            }

            void Consider(bool isPending, int j)
            {
                var other = clusters.Of(isPending, j);
                if (other >= 0 && other != cluster && clusters.Root(other).SubjectType == root.SubjectType)
                {
                    gathered.Add(new Candidate(isPending, j, other));
                }
            }
        }

        return [.. best.Select(p => new RootPair(p.Key.Item1, p.Key.Item2, p.Value))];

        // Candidate order: known before pending, then by signal id and subject id (the order the linker reads encodings in).
        bool Precedes(Candidate x, Candidate y) => x.Pending != y.Pending ? !x.Pending
            : x.Pending ? pending.CompareEntries(x.Index, y.Index) < 0 : known.CompareEntries(x.Index, y.Index) < 0;
    }

    /// <summary>
    /// Merges <paramref name="pairs"/> best first with <see cref="LinkClusterer"/> (one node per root, with its cluster's BSN
    /// pseudonym; a root whose cluster holds two BSNs merges with nothing). The survivor of each merge is the root of the larger
    /// cluster, then the older, then the smaller id.
    /// </summary>
    public static MergePlan Plan(IReadOnlyList<RootPair> pairs, IReadOnlyDictionary<Guid, RootInfo> roots, IReadOnlyDictionary<Guid, Pseudonym32> bsns, IReadOnlySet<Guid> conflicted)
    {
        var nodes = new Dictionary<Guid, int>();
        var ids = new List<Guid>();
        foreach (var pair in pairs)
        {
            foreach (var id in (ReadOnlySpan<Guid>)[pair.A, pair.B])
            {
                if (!nodes.ContainsKey(id))
                {
                    nodes[id] = ids.Count;
                    ids.Add(id);
                }
            }
        }

        var bsnOf = new Pseudonym32[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            bsnOf[i] = bsns.GetValueOrDefault(ids[i]);
        }

        var clusterer = new LinkClusterer([bsnOf]);
        var survivor = new Dictionary<int, (Guid Root, int Size, DateTimeOffset CreatedAt)>();
        for (var i = 0; i < ids.Count; i++)
        {
            var info = roots[ids[i]];
            survivor[i] = (info.Id, info.Size, info.CreatedAt);
        }

        var steps = new List<MergeStep>();
        var refused = 0;
        var ordered = pairs.OrderByDescending(p => p.Score).ThenBy(p => p.A).ThenBy(p => p.B);
        foreach (var pair in ordered)
        {
            var a = new RecordRef(0, nodes[pair.A]);
            var b = new RecordRef(0, nodes[pair.B]);
            var ca = clusterer.ClusterOf(a);
            var cb = clusterer.ClusterOf(b);
            if (ca == cb)
            {
                continue;
            }

            if (conflicted.Contains(pair.A) || conflicted.Contains(pair.B) || !clusterer.TryMerge(a, b))
            {
                refused++;
                continue;
            }

            var left = survivor[ca];
            var right = survivor[cb];
            var leftWins = left.Size != right.Size ? left.Size > right.Size
                : left.CreatedAt != right.CreatedAt ? left.CreatedAt < right.CreatedAt
                : left.Root.CompareTo(right.Root) < 0;
            var (win, lose) = leftWins ? (left, right) : (right, left);
            steps.Add(new MergeStep(win.Root, lose.Root, pair.Score));
            survivor.Remove(ca);
            survivor.Remove(cb);
            survivor[clusterer.ClusterOf(a)] = (win.Root, win.Size + lose.Size, win.CreatedAt);
        }

        var finals = new Dictionary<Guid, Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            var root = survivor[clusterer.ClusterOf(new RecordRef(0, i))].Root;
            if (root != ids[i])
            {
                finals[ids[i]] = root;
            }
        }

        return new MergePlan(steps, finals, refused);
    }
}

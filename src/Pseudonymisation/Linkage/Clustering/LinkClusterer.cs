using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Pseudonymisation.Linkage.Clustering;

/// <summary>A record of one partner: partner index and record index.</summary>
public readonly record struct RecordRef(int Partner, int Record);

/// <summary>A merge the clusterer refused because the two clusters carry different BSN pseudonyms.</summary>
public readonly record struct RefusedMerge(RecordRef A, RecordRef B);

/// <summary>
/// Clusters links across more than two partners with union-find (union by size, path halving). Every
/// cluster remembers the BSN pseudonym of its members, if any; a merge that would put two different BSN
/// pseudonyms in one cluster is refused and recorded, so a chain of fuzzy links can never join two people
/// the BSN says are different.
/// </summary>
public sealed class LinkClusterer
{
    private readonly int[] _offsets;
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly Pseudonym32[] _bsn;
    private readonly List<RefusedMerge> _refusals = [];

    /// <summary>One node per record of every partner; the BSN pseudonyms come from the record sets.</summary>
    public LinkClusterer(IReadOnlyList<PseudonymisedRecordSet> partners)
        : this(partners?.Select(p => Enumerable.Range(0, p.Count).Select(i => p.ExactKey(ExactKeyKind.Bsn, i)).ToArray()).ToArray()
            ?? throw new ArgumentNullException(nameof(partners)))
    {
    }

    /// <summary>One node per entry; <paramref name="bsnPerPartner"/>[p][i] is the BSN pseudonym of record i of partner p (empty when unknown).</summary>
    public LinkClusterer(IReadOnlyList<Pseudonym32[]> bsnPerPartner)
    {
        ArgumentNullException.ThrowIfNull(bsnPerPartner);
        _offsets = new int[bsnPerPartner.Count + 1];
        for (var p = 0; p < bsnPerPartner.Count; p++)
        {
            _offsets[p + 1] = _offsets[p] + bsnPerPartner[p].Length;
        }

        var n = _offsets[^1];
        _parent = new int[n];
        _size = new int[n];
        _bsn = new Pseudonym32[n];
        for (var p = 0; p < bsnPerPartner.Count; p++)
        {
            bsnPerPartner[p].CopyTo(_bsn, _offsets[p]);
        }

        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    /// <summary>The merges that were refused, in the order they were tried.</summary>
    public IReadOnlyList<RefusedMerge> Refusals => _refusals;

    /// <summary>Merges the clusters of <paramref name="a"/> and <paramref name="b"/>; false (and recorded) when refused.</summary>
    public bool TryMerge(RecordRef a, RecordRef b)
    {
        var ra = Find(Node(a));
        var rb = Find(Node(b));
        if (ra == rb)
        {
            return true;
        }

        if (!_bsn[ra].IsEmpty && !_bsn[rb].IsEmpty && _bsn[ra] != _bsn[rb])
        {
            _refusals.Add(new RefusedMerge(a, b));
            return false;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        if (_bsn[ra].IsEmpty)
        {
            _bsn[ra] = _bsn[rb];
        }

        return true;
    }

    /// <summary>Adds every link between partners <paramref name="leftPartner"/> and <paramref name="rightPartner"/>, best score first.</summary>
    public void AddLinks(int leftPartner, int rightPartner, IEnumerable<IndexLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links.OrderByDescending(l => l.Score).ThenBy(l => l.Left).ThenBy(l => l.Right))
        {
            TryMerge(new RecordRef(leftPartner, link.Left), new RecordRef(rightPartner, link.Right));
        }
    }

    /// <summary>A cluster id (the index of the cluster's root node) for <paramref name="record"/>.</summary>
    public int ClusterOf(RecordRef record) => Find(Node(record));

    /// <summary>The BSN pseudonym of the cluster of <paramref name="record"/>; empty when no member has one.</summary>
    public Pseudonym32 ClusterBsn(RecordRef record) => _bsn[Find(Node(record))];

    private int Node(RecordRef r)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)r.Partner, (uint)(_offsets.Length - 1), nameof(r));
        var node = _offsets[r.Partner] + r.Record;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)node, (uint)_offsets[r.Partner + 1], nameof(r));
        return node;
    }

    private int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }
}

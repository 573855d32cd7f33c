using System.Runtime.InteropServices;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Hub.Linkage;

/// <summary>
/// Encodings of one convenant and key version in the form the matcher reads: each usable encoding's CLK as words with its
/// popcount, its signal and subject ids, and per <see cref="BlockingPass"/> the entries of every block key. Entries are only
/// appended, so an index of the known (linked) encodings can live across linker runs and grow by each run's newly linked ones
/// (<see cref="SubjectLinker"/>); the ids of an entry, not its position, order candidates (<see cref="CompareEntries"/>).
/// An encoding whose CLK or block keys are malformed, or whose CLK is empty, is not usable and not added: it could never be a
/// candidate. Not thread-safe: the linker uses one index per convenant under its per-convenant gate.
/// </summary>
internal sealed class LinkageIndex
{
    private static readonly BlockingPass[] Passes = Enum.GetValues<BlockingPass>();

    private readonly Dictionary<ulong, List<int>>[] _blocks;
    private ulong[] _words;
    private ushort[] _popcounts;
    private Guid[] _signalIds;
    private Guid[] _subjectIds;
    private ulong[] _keys;

    public LinkageIndex(int capacity = 16)
    {
        capacity = Math.Max(capacity, 1);
        _words = new ulong[capacity * BloomFilterStore.Words];
        _popcounts = new ushort[capacity];
        _signalIds = new Guid[capacity];
        _subjectIds = new Guid[capacity];
        _keys = new ulong[capacity * Passes.Length];
        _blocks = new Dictionary<ulong, List<int>>[Passes.Length];
        for (var p = 0; p < Passes.Length; p++)
        {
            _blocks[p] = [];
        }
    }

    /// <summary>The number of blocking passes (block lists per entry).</summary>
    public static int PassCount => Passes.Length;

    /// <summary>Usable entries held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one encoding; false (nothing added) when it is not usable.</summary>
    public bool Add(Guid signalId, Guid subjectId, byte[] clk, byte[] blockKeys)
    {
        ArgumentNullException.ThrowIfNull(clk);
        ArgumentNullException.ThrowIfNull(blockKeys);
        if (blockKeys.Length != LinkageEncoding.BlockKeysLength)
        {
            return false;
        }

        EnsureCapacity(Count + 1);
        var target = _words.AsSpan(Count * BloomFilterStore.Words, BloomFilterStore.Words);
        if (!LinkageEncoding.TryReadClk(clk, target))
        {
            target.Clear();
            return false;
        }

        var popcount = BloomFilterStore.Popcount(target);
        if (popcount == 0)
        {
            return false;
        }

        var index = Count++;
        _popcounts[index] = (ushort)popcount;
        _signalIds[index] = signalId;
        _subjectIds[index] = subjectId;
        for (var p = 0; p < Passes.Length; p++)
        {
            var key = LinkageEncoding.BlockKey(blockKeys, Passes[p]);
            _keys[(index * Passes.Length) + p] = key;
            if (key == 0)
            {
                continue;
            }

            if (!_blocks[p].TryGetValue(key, out var list))
            {
                _blocks[p][key] = list = [];
            }

            list.Add(index);
        }

        return true;
    }

    public Guid SignalId(int index) => _signalIds[index];

    public Guid SubjectId(int index) => _subjectIds[index];

    public ushort Popcount(int index) => _popcounts[index];

    public ReadOnlySpan<ulong> Words(int index) => _words.AsSpan(index * BloomFilterStore.Words, BloomFilterStore.Words);

    /// <summary>The block key of entry <paramref name="index"/> in pass <paramref name="pass"/> (0: none).</summary>
    public ulong BlockKeyOf(int index, int pass) => _keys[(index * Passes.Length) + pass];

    /// <summary>
    /// The entries whose block key in <paramref name="pass"/> is <paramref name="key"/>; empty when none. A view of the index's
    /// own list (no enumerator per block in the matcher's inner loop): valid until the next <see cref="Add"/>.
    /// </summary>
    public ReadOnlySpan<int> Block(int pass, ulong key) =>
        key != 0 && _blocks[pass].TryGetValue(key, out var list) ? CollectionsMarshal.AsSpan(list) : [];

    /// <summary>Orders two entries by signal id, then subject id: the order the linker reads encodings in.</summary>
    public int CompareEntries(int left, int right)
    {
        var bySignal = _signalIds[left].CompareTo(_signalIds[right]);
        return bySignal != 0 ? bySignal : _subjectIds[left].CompareTo(_subjectIds[right]);
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _popcounts.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _popcounts.Length * 2);
        Array.Resize(ref _words, capacity * BloomFilterStore.Words);
        Array.Resize(ref _popcounts, capacity);
        Array.Resize(ref _signalIds, capacity);
        Array.Resize(ref _subjectIds, capacity);
        Array.Resize(ref _keys, capacity * Passes.Length);
    }
}

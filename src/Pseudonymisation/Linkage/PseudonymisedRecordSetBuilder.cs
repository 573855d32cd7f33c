using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>
/// Turns records into a <see cref="PseudonymisedRecordSet"/>: takes the exact match-key pseudonyms (computed by
/// the keys layer) and the normalised quasi-identifiers, encodes and block-keys them, and keeps only the
/// keyed results. <see cref="Set"/> may be called from several threads for different indexes, each thread
/// with its own <see cref="RecordEncoder"/>.
/// </summary>
public sealed class PseudonymisedRecordSetBuilder
{
    private readonly string[] _ids;
    private readonly Pseudonym32[] _exactKeys;
    private readonly ulong[] _blockKeys;
    private readonly BloomFilterStore _filters;
    private bool _built;

    /// <summary>Room for <paramref name="count"/> records.</summary>
    public PseudonymisedRecordSetBuilder(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _ids = new string[count];
        _exactKeys = new Pseudonym32[count * ExactKeyKindNames.Count];
        _blockKeys = new ulong[count * BlockKeyer.PassCount];
        _filters = new BloomFilterStore(count);
    }

    /// <summary>Number of records.</summary>
    public int Count => _ids.Length;

    /// <summary>
    /// Sets record <paramref name="index"/>. <paramref name="exactKeys"/> is indexed by <see cref="ExactKeyKind"/>
    /// (an empty pseudonym means absent; shorter spans leave the rest absent).
    /// </summary>
    public void Set(int index, RecordEncoder encoder, string recordId, ReadOnlySpan<Pseudonym32> exactKeys, QuasiIdentifiers quasiIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exactKeys.Length, ExactKeyKindNames.Count, nameof(exactKeys));
        if (_built)
        {
            throw new InvalidOperationException("The record set was already built.");
        }

        _ids[index] = recordId;
        for (var k = 0; k < exactKeys.Length; k++)
        {
            _exactKeys[(k * Count) + index] = exactKeys[k];
        }

        Span<ulong> blocks = stackalloc ulong[BlockKeyer.PassCount];
        if (!quasiIdentifiers.IsEmpty)
        {
            encoder.Clk.Encode(quasiIdentifiers, _filters.GetWritable(index));
            _filters.UpdatePopcount(index);
            encoder.Blocks.Compute(quasiIdentifiers, blocks);
        }
        else
        {
            blocks.Clear();
        }

        for (var p = 0; p < blocks.Length; p++)
        {
            _blockKeys[(p * Count) + index] = blocks[p];
        }
    }

    /// <summary>
    /// Sets records <paramref name="index"/> .. <paramref name="index"/> + n - 1 at once (n = <paramref name="recordIds"/>.Count),
    /// with the same result as <see cref="Set"/> per record; the encodings are made together so that cache-missing
    /// tokens are hashed in multi-buffer batches. <paramref name="exactKeys"/> holds
    /// <see cref="ExactKeyKindNames.Count"/> keys per record, record after record.
    /// </summary>
    public void SetMany(
        int index,
        RecordEncoder encoder,
        IReadOnlyList<string> recordIds,
        ReadOnlySpan<Pseudonym32> exactKeys,
        IReadOnlyList<QuasiIdentifiers> quasiIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(recordIds);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        var n = recordIds.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index + n, Count, nameof(recordIds));
        ArgumentOutOfRangeException.ThrowIfNotEqual(quasiIdentifiers.Count, n, nameof(quasiIdentifiers));
        ArgumentOutOfRangeException.ThrowIfNotEqual(exactKeys.Length, n * ExactKeyKindNames.Count, nameof(exactKeys));
        if (_built)
        {
            throw new InvalidOperationException("The record set was already built.");
        }

        encoder.Clk.EncodeMany(quasiIdentifiers, _filters.GetWritableRange(index, n));
        var blocks = n * BlockKeyer.PassCount <= 256 ? stackalloc ulong[n * BlockKeyer.PassCount] : new ulong[n * BlockKeyer.PassCount];
        encoder.Blocks.ComputeMany(quasiIdentifiers, blocks);
        for (var r = 0; r < n; r++)
        {
            var at = index + r;
            _ids[at] = recordIds[r] ?? throw new ArgumentNullException(nameof(recordIds));
            for (var k = 0; k < ExactKeyKindNames.Count; k++)
            {
                _exactKeys[(k * Count) + at] = exactKeys[(r * ExactKeyKindNames.Count) + k];
            }

            _filters.UpdatePopcount(at);
            for (var p = 0; p < BlockKeyer.PassCount; p++)
            {
                _blockKeys[(p * Count) + at] = blocks[(r * BlockKeyer.PassCount) + p];
            }
        }
    }

    /// <summary>The finished set; every index must have been set.</summary>
    public PseudonymisedRecordSet Build()
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            if (_ids[i] is null)
            {
                throw new InvalidOperationException($"Record {i} was not set.");
            }
        }

        _built = true;
        return new PseudonymisedRecordSet(_ids, _exactKeys, _blockKeys, _filters);
    }
}

/// <summary>The per-thread keyed encoders: CLK encoding and block keys, all derived from one domain key.</summary>
public sealed class RecordEncoder : IDisposable
{
    /// <summary>Derives every linkage key from <paramref name="domainKey"/>.</summary>
    public RecordEncoder(ReadOnlySpan<byte> domainKey, ClkOptions? options = null)
    {
        Clk = new ClkEncoder(domainKey, options);
        Blocks = new BlockKeyer(domainKey);
    }

    /// <summary>The Bloom-filter encoder.</summary>
    public ClkEncoder Clk { get; }

    /// <summary>The block keyer.</summary>
    public BlockKeyer Blocks { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Clk.Dispose();
        Blocks.Dispose();
    }
}

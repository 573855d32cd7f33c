using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>
/// One partner's records as the linker sees them: record ids, keyed exact match-key pseudonyms, keyed block
/// keys and 1024-bit Bloom-filter encodings. No plaintext identifier is in here.
/// </summary>
public sealed class PseudonymisedRecordSet
{
    private readonly string[] _ids;
    private readonly Pseudonym32[] _exactKeys;
    private readonly ulong[] _blockKeys;

    internal PseudonymisedRecordSet(string[] ids, Pseudonym32[] exactKeys, ulong[] blockKeys, BloomFilterStore filters)
    {
        _ids = ids;
        _exactKeys = exactKeys;
        _blockKeys = blockKeys;
        Filters = filters;
    }

    /// <summary>Number of records.</summary>
    public int Count => _ids.Length;

    /// <summary>Record ids (not identifying: the partner's own row ids).</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The encodings, with their popcounts.</summary>
    public BloomFilterStore Filters { get; }

    /// <summary>The pseudonym of match key <paramref name="kind"/> of record <paramref name="index"/>; empty when absent.</summary>
    public Pseudonym32 ExactKey(ExactKeyKind kind, int index) => _exactKeys[((int)kind * Count) + index];

    /// <summary>The keyed block key of <paramref name="pass"/> for record <paramref name="index"/>; 0 when absent.</summary>
    public ulong BlockKey(BlockingPass pass, int index) => _blockKeys[((int)pass * Count) + index];

    /// <summary>True when record <paramref name="index"/> has an encoding (some quasi-identifier was usable).</summary>
    public bool HasEncoding(int index) => Filters.Popcounts[index] > 0;

    /// <summary>True when the record has neither a match key nor an encoding: it cannot be linked.</summary>
    public bool IsUnusable(int index)
    {
        if (HasEncoding(index))
        {
            return false;
        }

        for (var k = 0; k < ExactKeyKindNames.Count; k++)
        {
            if (!ExactKey((ExactKeyKind)k, index).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}

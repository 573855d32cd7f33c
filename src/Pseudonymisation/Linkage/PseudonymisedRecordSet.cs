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

    /// <summary>
    /// One set holding the records of <paramref name="parts"/> in order (for sets prepared chunk by chunk while a
    /// file is streamed). The parts must have been prepared under the same key.
    /// </summary>
    public static PseudonymisedRecordSet Concat(IReadOnlyList<PseudonymisedRecordSet> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var total = 0;
        var filters = new BloomFilterStore[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            total = checked(total + parts[p].Count);
            filters[p] = parts[p].Filters;
        }

        var ids = new string[total];
        var exactKeys = new Pseudonym32[total * ExactKeyKindNames.Count];
        var blockKeys = new ulong[total * BlockKeyer.PassCount];
        var at = 0;
        foreach (var part in parts)
        {
            part._ids.AsSpan().CopyTo(ids.AsSpan(at));
            for (var k = 0; k < ExactKeyKindNames.Count; k++)
            {
                part._exactKeys.AsSpan(k * part.Count, part.Count).CopyTo(exactKeys.AsSpan((k * total) + at));
            }

            for (var b = 0; b < BlockKeyer.PassCount; b++)
            {
                part._blockKeys.AsSpan(b * part.Count, part.Count).CopyTo(blockKeys.AsSpan((b * total) + at));
            }

            at += part.Count;
        }

        return new PseudonymisedRecordSet(ids, exactKeys, blockKeys, BloomFilterStore.Concat(filters));
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

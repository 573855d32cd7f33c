namespace SharingHub.Pseudonymisation.Linkage.Fuzzy;

/// <summary>One block of one pass: a run of left records and a run of right records sharing a keyed block key.</summary>
internal readonly record struct Block(int LeftStart, int LeftCount, int RightStart, int RightCount);

/// <summary>
/// Candidate generation for one blocking pass: sort both sides by block key (O(n log n), in practice near
/// linear), then merge the sorted runs. Memory is one key and one index per record and side.
/// </summary>
internal sealed class BlockIndex
{
    private BlockIndex(int[] left, int[] right, Block[] blocks, long pairs, int skippedBlocks, long skippedPairs)
    {
        LeftOrder = left;
        RightOrder = right;
        Blocks = blocks;
        Pairs = pairs;
        SkippedBlocks = skippedBlocks;
        SkippedPairs = skippedPairs;
    }

    public int[] LeftOrder { get; }

    public int[] RightOrder { get; }

    public Block[] Blocks { get; }

    public long Pairs { get; }

    public int SkippedBlocks { get; }

    public long SkippedPairs { get; }

    public static BlockIndex Build(
        PseudonymisedRecordSet left,
        PseudonymisedRecordSet right,
        Blocking.BlockingPass pass,
        bool[] leftLinked,
        bool[] rightLinked,
        int maxBlockSide)
    {
        var (lk, li) = Sorted(left, pass, leftLinked);
        var (rk, ri) = Sorted(right, pass, rightLinked);
        var blocks = new List<Block>();
        long pairs = 0, skippedPairs = 0;
        var skipped = 0;
        int a = 0, b = 0;
        while (a < lk.Length && b < rk.Length)
        {
            if (lk[a] < rk[b])
            {
                a++;
                continue;
            }

            if (lk[a] > rk[b])
            {
                b++;
                continue;
            }

            var key = lk[a];
            var a2 = a;
            while (a2 < lk.Length && lk[a2] == key)
            {
                a2++;
            }

            var b2 = b;
            while (b2 < rk.Length && rk[b2] == key)
            {
                b2++;
            }

            var n = a2 - a;
            var m = b2 - b;
            if (n > maxBlockSide || m > maxBlockSide)
            {
                skipped++;
                skippedPairs += (long)n * m;
            }
            else
            {
                blocks.Add(new Block(a, n, b, m));
                pairs += (long)n * m;
            }

            a = a2;
            b = b2;
        }

        return new BlockIndex(li, ri, [.. blocks], pairs, skipped, skippedPairs);
    }

    private static (ulong[] Keys, int[] Indexes) Sorted(PseudonymisedRecordSet set, Blocking.BlockingPass pass, bool[] linked)
    {
        var count = 0;
        for (var i = 0; i < set.Count; i++)
        {
            if (!linked[i] && set.BlockKey(pass, i) != 0)
            {
                count++;
            }
        }

        var keys = new ulong[count];
        var indexes = new int[count];
        var n = 0;
        for (var i = 0; i < set.Count; i++)
        {
            var key = set.BlockKey(pass, i);
            if (!linked[i] && key != 0)
            {
                keys[n] = key;
                indexes[n++] = i;
            }
        }

        Array.Sort(keys, indexes);
        return (keys, indexes);
    }
}

using System.Collections.Concurrent;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Clustering;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Exact;
using SharingHub.Pseudonymisation.Linkage.Similarity;

namespace SharingHub.Pseudonymisation.Linkage.Fuzzy;

/// <summary>
/// Fuzzy linkage of the records the exact passes left: for each blocking pass, the blocks are scored in
/// parallel (Parallel.For over blocks, every core) with <see cref="DiceKernel"/>; pairs at or above the
/// threshold from all passes are merged (recording which passes proposed them), pairs whose two records carry
/// different BSN pseudonyms are refused unless their Dice reaches <see cref="FuzzyOptions.BsnConflictOverride"/>,
/// and a one-to-one assignment picks the links.
/// </summary>
public static class FuzzyLinker
{
    /// <summary>Links unlinked records and appends the links to <paramref name="links"/>; marks the ones it links.</summary>
    public static FuzzyLinkStatistics Link(
        PseudonymisedRecordSet left,
        PseudonymisedRecordSet right,
        bool[] leftLinked,
        bool[] rightLinked,
        ICollection<IndexLink> links,
        FuzzyOptions? options = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leftLinked);
        ArgumentNullException.ThrowIfNull(rightLinked);
        ArgumentNullException.ThrowIfNull(links);
        options ??= FuzzyOptions.Default;
        var threshold = (float)options.Threshold;
        var found = new ConcurrentBag<List<IndexLink>>();
        long comparisons = 0, skippedPairs = 0;
        var skippedBlocks = 0;
        var passIndex = 0;
        foreach (var pass in options.Passes)
        {
            var index = BlockIndex.Build(left, right, pass, leftLinked, rightLinked, options.MaxBlockSide);
            comparisons += index.Pairs;
            skippedBlocks += index.SkippedBlocks;
            skippedPairs += index.SkippedPairs;
            ScorePass(left, right, index, pass, threshold, options.MaxDegreeOfParallelism, found);
            progress?.Report(++passIndex / (double)options.Passes.Count);
        }

        var candidates = Merge(found);
        var refused = 0;
        var kept = new List<IndexLink>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var lb = left.ExactKey(ExactKeyKind.Bsn, candidate.Left);
            var rb = right.ExactKey(ExactKeyKind.Bsn, candidate.Right);
            if (!lb.IsEmpty && !rb.IsEmpty && lb != rb && candidate.Score < options.BsnConflictOverride)
            {
                refused++;
                continue;
            }

            kept.Add(candidate);
        }

        var assigned = OneToOneAssignment.Greedy(kept, leftLinked, rightLinked);
        foreach (var link in assigned)
        {
            links.Add(link);
        }

        return new FuzzyLinkStatistics(comparisons, candidates.Count, refused, assigned.Count, skippedBlocks, skippedPairs);
    }

    /// <summary>"dice=0.9312;blocks=dob-pair+postcode-house" for a fuzzy link.</summary>
    public static string Explain(IndexLink link)
    {
        var passes = new List<string>();
        foreach (var pass in Enum.GetValues<BlockingPass>())
        {
            if ((link.Detail & (1 << (int)pass)) != 0)
            {
                passes.Add(BlockingPassNames.Name(pass));
            }
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dice={link.Score:0.0000};blocks={string.Join('+', passes)}");
    }

    private static void ScorePass(
        PseudonymisedRecordSet left,
        PseudonymisedRecordSet right,
        BlockIndex index,
        BlockingPass pass,
        float threshold,
        int parallelism,
        ConcurrentBag<List<IndexLink>> found)
    {
        var blocks = index.Blocks;
        if (blocks.Length == 0)
        {
            return;
        }

        var bit = 1 << (int)pass;
        Parallel.For(
            0,
            blocks.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new ScoreBuffers(),
            (b, _, buffers) =>
            {
                var block = blocks[b];
                var leftIdx = index.LeftOrder.AsSpan(block.LeftStart, block.LeftCount);
                var rightIdx = index.RightOrder.AsSpan(block.RightStart, block.RightCount);
                buffers.Ensure(block.LeftCount, block.RightCount);
                var q = buffers.Queries.AsSpan(0, block.LeftCount * BloomFilterStore.Words);
                var qp = buffers.QueryPopcounts.AsSpan(0, block.LeftCount);
                var c = buffers.Candidates.AsSpan(0, block.RightCount * BloomFilterStore.Words);
                var cp = buffers.CandidatePopcounts.AsSpan(0, block.RightCount);
                var scores = buffers.Scores.AsSpan(0, block.LeftCount * block.RightCount);
                left.Filters.Gather(leftIdx, q, qp);
                right.Filters.Gather(rightIdx, c, cp);
                DiceKernel.Score(q, qp, c, cp, scores);
                var nq = block.LeftCount;
                for (var i = 0; i < scores.Length; i++)
                {
                    if (scores[i] >= threshold)
                    {
                        buffers.Found.Add(new IndexLink(leftIdx[i % nq], rightIdx[i / nq], scores[i], LinkMethod.Fuzzy, bit));
                    }
                }

                return buffers;
            },
            buffers =>
            {
                if (buffers.Found.Count > 0)
                {
                    found.Add(buffers.Found);
                }
            });
    }

    private static List<IndexLink> Merge(ConcurrentBag<List<IndexLink>> found)
    {
        var all = new List<IndexLink>(found.Sum(f => f.Count));
        foreach (var list in found)
        {
            all.AddRange(list);
        }

        all.Sort(static (x, y) => x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        var merged = new List<IndexLink>(all.Count);
        foreach (var link in all)
        {
            if (merged.Count > 0 && merged[^1].Left == link.Left && merged[^1].Right == link.Right)
            {
                merged[^1] = merged[^1] with { Detail = merged[^1].Detail | link.Detail };
            }
            else
            {
                merged.Add(link);
            }
        }

        return merged;
    }

    private sealed class ScoreBuffers
    {
        public ulong[] Queries { get; private set; } = [];

        public ushort[] QueryPopcounts { get; private set; } = [];

        public ulong[] Candidates { get; private set; } = [];

        public ushort[] CandidatePopcounts { get; private set; } = [];

        public float[] Scores { get; private set; } = [];

        public List<IndexLink> Found { get; } = [];

        public void Ensure(int queries, int candidates)
        {
            if (QueryPopcounts.Length < queries)
            {
                var n = Math.Max(queries, 2 * QueryPopcounts.Length);
                Queries = new ulong[n * BloomFilterStore.Words];
                QueryPopcounts = new ushort[n];
            }

            if (CandidatePopcounts.Length < candidates)
            {
                var n = Math.Max(candidates, 2 * CandidatePopcounts.Length);
                Candidates = new ulong[n * BloomFilterStore.Words];
                CandidatePopcounts = new ushort[n];
            }

            if (Scores.Length < queries * candidates)
            {
                Scores = new float[Math.Max(queries * candidates, 2 * Scores.Length)];
            }
        }
    }
}

/// <summary>What fuzzy linkage did.</summary>
public sealed record FuzzyLinkStatistics(
    long Comparisons,
    int CandidatesAboveThreshold,
    int RefusedBsnConflicts,
    int Linked,
    int SkippedBlocks,
    long SkippedPairs);

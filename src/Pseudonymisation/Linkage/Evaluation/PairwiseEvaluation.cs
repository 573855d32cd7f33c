namespace SharingHub.Pseudonymisation.Linkage.Evaluation;

/// <summary>Pairwise quality of a set of links against the truth.</summary>
public sealed record PairwiseEvaluation(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was linked.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there is nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : TruePositives / (double)(TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>
    /// Scores <paramref name="links"/> (left id, right id) against the truth. The truth pairs are all pairs of
    /// a left record and a right record with the same entity; a link counts once even if listed twice.
    /// </summary>
    public static PairwiseEvaluation Evaluate(
        IEnumerable<(string Left, string Right)> links,
        IReadOnlyDictionary<string, string> entityOf,
        IEnumerable<string> leftIds,
        IEnumerable<string> rightIds)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(entityOf);
        ArgumentNullException.ThrowIfNull(leftIds);
        ArgumentNullException.ThrowIfNull(rightIds);
        var leftPerEntity = CountPerEntity(leftIds, entityOf);
        var rightPerEntity = CountPerEntity(rightIds, entityOf);
        long truthPairs = 0;
        foreach (var (entity, n) in leftPerEntity)
        {
            if (rightPerEntity.TryGetValue(entity, out var m))
            {
                truthPairs += (long)n * m;
            }
        }

        long tp = 0, fp = 0;
        var seen = new HashSet<(string, string)>();
        foreach (var (l, r) in links)
        {
            if (!seen.Add((l, r)))
            {
                continue;
            }

            if (entityOf.TryGetValue(l, out var el) && entityOf.TryGetValue(r, out var er) && string.Equals(el, er, StringComparison.Ordinal))
            {
                tp++;
            }
            else
            {
                fp++;
            }
        }

        return new PairwiseEvaluation(tp, fp, truthPairs - tp);
    }

    private static Dictionary<string, int> CountPerEntity(IEnumerable<string> ids, IReadOnlyDictionary<string, string> entityOf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (entityOf.TryGetValue(id, out var entity))
            {
                counts[entity] = counts.GetValueOrDefault(entity) + 1;
            }
        }

        return counts;
    }
}

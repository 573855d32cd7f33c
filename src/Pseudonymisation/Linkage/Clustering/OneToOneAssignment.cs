namespace SharingHub.Pseudonymisation.Linkage.Clustering;

/// <summary>
/// One-to-one best-match assignment for one partner pair: greedy by descending score, ties broken by left
/// index then right index, so the result is deterministic. Greedy is not always optimal (a Hungarian
/// assignment per connected component can find a higher total), but with a high threshold the candidate
/// graph is almost always a set of isolated pairs and small stars, where greedy picks the best pair first.
/// </summary>
public static class OneToOneAssignment
{
    /// <summary>
    /// Picks links from <paramref name="candidates"/> so that no record is used twice, skipping records already
    /// linked, and marks the ones it picks.
    /// </summary>
    public static List<IndexLink> Greedy(IReadOnlyList<IndexLink> candidates, bool[] leftLinked, bool[] rightLinked)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(leftLinked);
        ArgumentNullException.ThrowIfNull(rightLinked);
        var order = candidates.ToArray();
        Array.Sort(order, static (x, y) =>
            x.Score != y.Score ? y.Score.CompareTo(x.Score)
            : x.Left != y.Left ? x.Left.CompareTo(y.Left)
            : x.Right.CompareTo(y.Right));
        var picked = new List<IndexLink>();
        foreach (var link in order)
        {
            if (leftLinked[link.Left] || rightLinked[link.Right])
            {
                continue;
            }

            leftLinked[link.Left] = true;
            rightLinked[link.Right] = true;
            picked.Add(link);
        }

        return picked;
    }
}

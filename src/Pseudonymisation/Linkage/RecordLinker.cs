using System.Diagnostics;
using SharingHub.Pseudonymisation.Linkage.Exact;
using SharingHub.Pseudonymisation.Linkage.Fuzzy;

namespace SharingHub.Pseudonymisation.Linkage;

/// <summary>
/// Links two pseudonymised record sets of one partner pair: exact match-key passes (most specific first),
/// then fuzzy linkage of the rest, one-to-one. Works only on pseudonymised data.
/// </summary>
public static class RecordLinker
{
    /// <summary>Links <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static LinkageResult Link(
        PseudonymisedRecordSet left,
        PseudonymisedRecordSet right,
        LinkageMode mode = LinkageMode.Auto,
        FuzzyOptions? fuzzy = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var watch = Stopwatch.StartNew();
        var leftLinked = new bool[left.Count];
        var rightLinked = new bool[right.Count];
        var links = new List<IndexLink>();
        ExactLinkStatistics? exact = null;
        FuzzyLinkStatistics? fuzzyStats = null;
        if (mode != LinkageMode.Fuzzy)
        {
            exact = ExactLinker.Link(left, right, leftLinked, rightLinked, links, minimumDice: (float)(fuzzy ?? FuzzyOptions.Default).ExactCorroboration);
        }

        var exactTime = watch.Elapsed;
        if (mode != LinkageMode.Exact)
        {
            fuzzyStats = FuzzyLinker.Link(left, right, leftLinked, rightLinked, links, fuzzy, progress);
        }

        links.Sort(static (x, y) => x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        return new LinkageResult(links, exact, fuzzyStats, exactTime, watch.Elapsed - exactTime);
    }

    /// <summary>The explained, id-based form of <paramref name="link"/>.</summary>
    public static Link Describe(PseudonymisedRecordSet left, PseudonymisedRecordSet right, IndexLink link)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (link.Method == LinkMethod.Exact)
        {
            var reason = ExactKeyKindNames.Reason((ExactKeyKind)link.Detail);
            return new Link(left.Ids[link.Left], right.Ids[link.Right], 1.0, reason, "exact=" + reason);
        }

        var score = Math.Round((double)link.Score, 4);
        return new Link(
            left.Ids[link.Left],
            right.Ids[link.Right],
            score,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fuzzy:{link.Score:0.00}"),
            FuzzyLinker.Explain(link));
    }
}

/// <summary>The links of one partner pair, sorted by left then right index, with what each stage did.</summary>
public sealed record LinkageResult(
    IReadOnlyList<IndexLink> Links,
    ExactLinkStatistics? Exact,
    FuzzyLinkStatistics? Fuzzy,
    TimeSpan ExactTime,
    TimeSpan FuzzyTime);

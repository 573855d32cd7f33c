namespace SharingHub.Pseudonymisation.Linkage.Exact;

/// <summary>
/// Deterministic multi-pass linkage over the keyed match keys: a hash join per key (O(n + m)), most specific
/// key first (<see cref="ExactKeyKind"/> order). A record linked in one pass takes no part in the later ones.
/// Ambiguity is handled deliberately: a key value carried by more than one still-unlinked record on either
/// side is skipped for that pass (it cannot decide a one-to-one link); those records fall through to the
/// next, less specific pass and to fuzzy linkage, and the skip is counted. A key match must be corroborated:
/// when both records have encodings and their Dice is below <c>minimumDice</c> (a BSN copied from a relative,
/// a key typed on the wrong record), the link is refused, counted, and both records stay available.
/// </summary>
public static class ExactLinker
{
    private const int Ambiguous = -1;

    /// <summary>
    /// Links unlinked records (<paramref name="leftLinked"/>/<paramref name="rightLinked"/> false), marks the
    /// ones it links, and appends the links to <paramref name="links"/>.
    /// </summary>
    public static ExactLinkStatistics Link(
        PseudonymisedRecordSet left,
        PseudonymisedRecordSet right,
        bool[] leftLinked,
        bool[] rightLinked,
        ICollection<IndexLink> links,
        IReadOnlyList<ExactKeyKind>? passes = null,
        float minimumDice = 0f)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leftLinked);
        ArgumentNullException.ThrowIfNull(rightLinked);
        ArgumentNullException.ThrowIfNull(links);
        passes ??= Enum.GetValues<ExactKeyKind>();
        var linkedPerKey = new int[ExactKeyKindNames.Count];
        var ambiguousPerKey = new int[ExactKeyKindNames.Count];
        var uncorroboratedPerKey = new int[ExactKeyKindNames.Count];
        foreach (var kind in passes)
        {
            var rightIndex = Index(right, kind, rightLinked, out var rightAmbiguous);
            var leftIndex = Index(left, kind, leftLinked, out var leftAmbiguous);
            ambiguousPerKey[(int)kind] = rightAmbiguous + leftAmbiguous;
            foreach (var (key, l) in leftIndex)
            {
                if (l == Ambiguous || !rightIndex.TryGetValue(key, out var r) || r == Ambiguous)
                {
                    continue;
                }

                if (minimumDice > 0 && left.HasEncoding(l) && right.HasEncoding(r)
                    && Similarity.DiceKernel.Dice(left.Filters[l], right.Filters[r]) < minimumDice)
                {
                    uncorroboratedPerKey[(int)kind]++;
                    continue;
                }

                leftLinked[l] = true;
                rightLinked[r] = true;
                links.Add(new IndexLink(l, r, 1f, LinkMethod.Exact, (int)kind));
                linkedPerKey[(int)kind]++;
            }
        }

        return new ExactLinkStatistics(linkedPerKey, ambiguousPerKey, uncorroboratedPerKey);
    }

    private static Dictionary<Pseudonym32, int> Index(PseudonymisedRecordSet set, ExactKeyKind kind, bool[] linked, out int ambiguousValues)
    {
        var index = new Dictionary<Pseudonym32, int>(set.Count);
        ambiguousValues = 0;
        for (var i = 0; i < set.Count; i++)
        {
            if (linked[i])
            {
                continue;
            }

            var key = set.ExactKey(kind, i);
            if (key.IsEmpty)
            {
                continue;
            }

            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
            if (!exists)
            {
                slot = i;
            }
            else if (slot != Ambiguous)
            {
                slot = Ambiguous;
                ambiguousValues++;
            }
        }

        return index;
    }
}

/// <summary>What the exact passes did per <see cref="ExactKeyKind"/>: links, ambiguous (skipped) key values, refused uncorroborated matches.</summary>
public sealed record ExactLinkStatistics(IReadOnlyList<int> LinkedPerKey, IReadOnlyList<int> AmbiguousValuesPerKey, IReadOnlyList<int> UncorroboratedPerKey);

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Resolves overlapping detections: highest score first, then the longest, then the earliest. A detection that
/// overlaps an accepted one of the same type is merged into it (the union is replaced, with the accepted one's
/// key), so no part of a name is left behind; one that overlaps a different type loses, except that a name
/// keeps its part before the conflict ("Thijs Verbeek" in "bewoner Thijs Verbeek van Kerkstraat 3").
/// </summary>
internal static class OverlapResolver
{
    public static List<Detection> Resolve(string text, IEnumerable<Detection> detections)
    {
        var accepted = new SpanSet();
        foreach (var candidate in Ordered(detections))
        {
            if (!accepted.AnyOverlapping(candidate.Start, candidate.End))
            {
                accepted.Add(candidate);
                continue;
            }

            // In order of start, so the first one starts first.
            var overlapping = accepted.Overlapping(candidate.Start, candidate.End);
            if (!overlapping.TrueForAll(a => a.Type == candidate.Type))
            {
                if (candidate.Type == ScrubEntityType.Person && TrimBefore(text, candidate, overlapping[0].Start) is { } trimmed
                    && !accepted.AnyOverlapping(trimmed.Start, trimmed.End))
                {
                    accepted.Add(trimmed);
                }

                continue;
            }

            // The first of the highest-scoring ones.
            var best = overlapping[0];
            foreach (var other in overlapping)
            {
                best = other.Score > best.Score ? other : best;
            }

            var start = Math.Min(candidate.Start, overlapping[0].Start);
            var end = Math.Max(candidate.End, overlapping[^1].End);
            var merged = new Detection(best.Type, start, end - start, best.Score, best.Recogniser, best.Evidence | candidate.Evidence, best.Key);
            accepted.RemoveOverlapping(candidate.Start, candidate.End);
            accepted.Add(merged);
        }

        return accepted.ToList();
    }

    /// <summary>Highest score first, then the longest, then the earliest; equal ones keep their order (a stable sort).</summary>
    private static IEnumerable<Detection> Ordered(IEnumerable<Detection> detections)
    {
        var items = detections.Select((detection, index) => (Detection: detection, Index: index)).ToArray();
        Array.Sort(items, static (x, y) =>
        {
            var byScore = y.Detection.Score.CompareTo(x.Detection.Score);
            var byLength = y.Detection.Length.CompareTo(x.Detection.Length);
            var byStart = x.Detection.Start.CompareTo(y.Detection.Start);
            return byScore != 0 ? byScore : byLength != 0 ? byLength : byStart != 0 ? byStart : x.Index.CompareTo(y.Index);
        });

        return items.Select(item => item.Detection);
    }

    /// <summary>The part of a name before <paramref name="conflictStart"/>, without trailing spaces, punctuation or lower-case tussenvoegsels.</summary>
    private static Detection? TrimBefore(string text, Detection candidate, int conflictStart)
    {
        var end = conflictStart;
        while (true)
        {
            while (end > candidate.Start && !char.IsLetterOrDigit(text[end - 1]))
            {
                end--;
            }

            var wordStart = end;
            while (wordStart > candidate.Start && char.IsLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            var word = text[wordStart..end];
            if (wordStart > candidate.Start && word.Length > 0 && char.IsLower(word[0]) && NameParts.IsTussenvoegsel(word))
            {
                end = wordStart;
                continue;
            }

            break;
        }

        var letters = 0;
        for (var i = candidate.Start; i < end; i++)
        {
            letters += char.IsLetter(text[i]) ? 1 : 0;
        }

        return letters < 2
            ? null
            : new Detection(candidate.Type, candidate.Start, end - candidate.Start, candidate.Score, candidate.Recogniser, candidate.Evidence, candidate.Key);
    }
}

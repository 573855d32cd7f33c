using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

/// <summary>
/// TEST ORACLE ONLY. <see cref="OverlapResolver"/> as it was before it resolved without LINQ, copied unchanged apart
/// from its name and namespace. The differential test asserts that <see cref="OverlapResolver.Resolve"/> returns
/// exactly what this returns.
/// </summary>
internal static class LinqOverlapResolverOracle
{
    public static List<Detection> Resolve(string text, IEnumerable<Detection> detections)
    {
        var ordered = detections
            .OrderByDescending(d => d.Score)
            .ThenByDescending(d => d.Length)
            .ThenBy(d => d.Start)
            .ToList();
        var accepted = new SpanSet();
        foreach (var candidate in ordered)
        {
            var overlapping = accepted.Overlapping(candidate.Start, candidate.End);
            if (overlapping.Count == 0)
            {
                accepted.Add(candidate);
                continue;
            }

            if (overlapping.Exists(a => a.Type != candidate.Type))
            {
                if (candidate.Type == ScrubEntityType.Person && TrimBefore(text, candidate, overlapping.Min(a => a.Start)) is { } trimmed
                    && !accepted.AnyOverlapping(trimmed.Start, trimmed.End))
                {
                    accepted.Add(trimmed);
                }

                continue;
            }

            var best = overlapping.OrderByDescending(a => a.Score).First();
            var start = Math.Min(candidate.Start, overlapping[0].Start);
            var end = Math.Max(candidate.End, overlapping[^1].End);
            var merged = new Detection(best.Type, start, end - start, best.Score, best.Recogniser, best.Evidence | candidate.Evidence, best.Key);
            accepted.RemoveOverlapping(candidate.Start, candidate.End);
            accepted.Add(merged);
        }

        return accepted.ToList();
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

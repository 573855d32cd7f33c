namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Once a name has been found from context ("mevrouw Jansen"), later bare mentions of the same surname
/// ("Jansen gaf aan ...") are the same person: they get the same token, score 0.6. Only capitalised mentions
/// count, so the surname "de Boer" does not take "de boer" (the farmer).
/// </summary>
internal static class NamePropagation
{
    public const double Score = 0.6;

    public const string RecogniserName = "name-propagation";

    public static List<Detection> Propagate(ScrubInput input, List<Detection> accepted)
    {
        var keys = accepted
            .Where(d => d.Type == ScrubEntityType.Person && d.Key.StartsWith("name:", StringComparison.Ordinal))
            .Select(d => d.Key)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var taken = new SpanSet();
        foreach (var detection in accepted)
        {
            taken.Add(detection);
        }

        var found = new List<Detection>();
        foreach (var key in keys)
        {
            var surname = key["name:".Length..];
            if (surname.Length < 2)
            {
                continue;
            }

            // (?<![\p{L}\p{N}])w1\s+w2(?:'s|'|s)?(?![\p{L}\p{N}]) over the folded text, each match searched after the previous one.
            string[][] words = [.. surname.Split(' ').Select(w => new[] { w })];
            for (var position = 0; position < input.Folded.Length; position++)
            {
                var start = input.Folded.IndexOf(words[0][0], position, StringComparison.Ordinal);
                if (start < 0)
                {
                    break;
                }

                position = start;
                var end = NameLiterals.IsWordStart(input.Folded, start) ? NameLiterals.MatchWords(input.Folded, start, words) : -1;
                end = end < 0 ? -1 : NameLiterals.PossessiveEnd(input.Folded, end);
                if (end < 0)
                {
                    continue;
                }

                var candidate = new Detection(ScrubEntityType.Person, start, end - start, Score, RecogniserName, ScrubEvidence.Propagated, key);
                if (HasCapital(input.Text, start, end - start) && !taken.AnyOverlapping(candidate.Start, candidate.End))
                {
                    taken.Add(candidate);
                    found.Add(candidate);
                }

                position = end - 1;
            }
        }

        return found;
    }

    private static bool HasCapital(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (char.IsUpper(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}

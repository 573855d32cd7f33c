namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Matching of names written as literal words in the folded text, without building a regular expression per call.
/// A name is a list of words; a word is a list of parts that were joined by hyphens. <see cref="MatchWords"/> is
/// the expression <c>p1(?:\s*-\s*|\s+)p2\s+p3</c> over escaped literals, <see cref="PossessiveEnd"/> is
/// <c>(?:'s|'|s)?(?![\p{L}\p{N}])</c> and <see cref="IsWordStart"/> is <c>(?&lt;![\p{L}\p{N}])</c>. No part is empty
/// or starts with white space or a hyphen, so each separator has at most one way to be followed by the next part:
/// the backtracking of the expression cannot find a match that this greedy walk misses.
/// </summary>
internal static class NameLiterals
{
    /// <summary><c>[\p{L}\p{N}]</c>: any letter or number category (char.IsLetterOrDigit misses Nl and No).</summary>
    public static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary><c>(?&lt;![\p{L}\p{N}])</c> at <paramref name="position"/>.</summary>
    public static bool IsWordStart(string folded, int position) => position == 0 || !IsLetterOrNumber(folded[position - 1]);

    /// <summary>The end of <paramref name="words"/> written from <paramref name="position"/>, or -1.</summary>
    public static int MatchWords(string folded, int position, ReadOnlySpan<string[]> words)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
            {
                // \s+
                var afterSpace = SkipWhiteSpace(folded, position);
                if (afterSpace == position)
                {
                    return -1;
                }

                position = afterSpace;
            }

            var parts = words[w];
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    // (?:\s*-\s*|\s+): a hyphen with optional white space around it, else at least one white space.
                    var afterSpace = SkipWhiteSpace(folded, position);
                    if (afterSpace < folded.Length && folded[afterSpace] == '-')
                    {
                        afterSpace = SkipWhiteSpace(folded, afterSpace + 1);
                    }
                    else if (afterSpace == position)
                    {
                        return -1;
                    }

                    position = afterSpace;
                }

                if (!folded.AsSpan(position).StartsWith(parts[p], StringComparison.Ordinal))
                {
                    return -1;
                }

                position += parts[p].Length;
            }
        }

        return position;
    }

    /// <summary>
    /// The end of a name that ends at <paramref name="end"/>, after the first of "'s", "'", "s" or nothing that is not
    /// followed by a letter or number; -1 when none is.
    /// </summary>
    public static int PossessiveEnd(string folded, int end)
    {
        var rest = folded.AsSpan(end);
        if (rest.StartsWith("'s", StringComparison.Ordinal) && IsWordEnd(folded, end + 2))
        {
            return end + 2;
        }

        if (rest.Length > 0 && rest[0] is '\'' or 's' && IsWordEnd(folded, end + 1))
        {
            return end + 1;
        }

        return IsWordEnd(folded, end) ? end : -1;
    }

    /// <summary><c>\s*</c>: the first position at or after <paramref name="position"/> that is not white space (regex \s is char.IsWhiteSpace).</summary>
    public static int SkipWhiteSpace(string folded, int position)
    {
        while (position < folded.Length && char.IsWhiteSpace(folded[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary><c>(?![\p{L}\p{N}])</c> at <paramref name="position"/>.</summary>
    private static bool IsWordEnd(string folded, int position) => position >= folded.Length || !IsLetterOrNumber(folded[position]);
}

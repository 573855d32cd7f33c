namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Looks for context words (already folded: lower case, no diacritics) as whole words in a window of the
/// folded text. A word may end in '.' or '-' ("geb.", "sofi-nummer"); its edges must not touch letters or digits.
/// </summary>
internal static class ContextWords
{
    public static bool AnyBefore(string folded, int start, int window, IReadOnlyList<string> words, int notBefore = 0)
    {
        var from = Math.Max(notBefore, start - window);
        return AnyIn(folded, from, start, words);
    }

    /// <summary>Start of the sentence holding <paramref name="index"/>: after ". X", "! X", "? X" (X upper case) or a line break.</summary>
    public static int SentenceStart(string text, int index)
    {
        for (var i = Math.Min(index, text.Length) - 1; i > 0; i--)
        {
            if (text[i] == '\n')
            {
                return i + 1;
            }

            if (char.IsUpper(text[i]) && char.IsWhiteSpace(text[i - 1]))
            {
                var j = i - 1;
                while (j > 0 && char.IsWhiteSpace(text[j]))
                {
                    j--;
                }

                if (text[j] is '.' or '!' or '?')
                {
                    return i;
                }
            }
        }

        return 0;
    }

    public static bool AnyAfter(string folded, int end, int window, IReadOnlyList<string> words)
    {
        var to = Math.Min(folded.Length, end + window);
        return AnyIn(folded, end, to, words);
    }

    public static bool AnyIn(string folded, int from, int to, IReadOnlyList<string> words)
    {
        if (from >= to)
        {
            return false;
        }

        var window = folded.AsSpan(from, to - from);
        foreach (var word in words)
        {
            var offset = 0;
            while (offset < window.Length)
            {
                var index = window[offset..].IndexOf(word, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }

                var absolute = from + offset + index;
                if (IsBoundary(folded, absolute - 1) && (IsBoundary(folded, absolute + word.Length) || !char.IsLetterOrDigit(word[^1])))
                {
                    return true;
                }

                offset += index + 1;
            }
        }

        return false;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}

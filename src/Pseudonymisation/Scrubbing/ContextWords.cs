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

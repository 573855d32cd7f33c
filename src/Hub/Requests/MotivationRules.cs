using System.Globalization;
using System.Text;

namespace SharingHub.Hub.Requests;

/// <summary>
/// Decides whether a written justification says something. A justification (noodzaak, proportionaliteit, subsidiariteit)
/// is refused when, after folding case, accents, punctuation and whitespace, it
/// <list type="bullet">
/// <item>is shorter than <see cref="MinCharacters"/> characters or <see cref="MinWords"/> words;</item>
/// <item>is a placeholder ("n.v.t.", "nvt", "-", "zie boven", "idem", "test", ...) or starts with a reference such as "zie boven";</item>
/// <item>has fewer than <see cref="MinDistinctLetters"/> distinct letters (repeated characters such as "aaaa..." or "abab...")
/// or fewer than <see cref="MinDistinctWords"/> distinct words ("test test test ...");</item>
/// <item>has fewer than <see cref="MinOwnWords"/> distinct words that are not words of the purpose's id or name (it merely
/// repeats the purpose);</item>
/// <item>is the same text as another of the justifications (copied between them).</item>
/// </list>
/// A reviewer's motivation uses the same rules with the lower <see cref="ReviewMinCharacters"/>/<see cref="ReviewMinWords"/>.
/// </summary>
public static class MotivationRules
{
    public const int MinCharacters = 40;
    public const int MinWords = 6;
    public const int MinDistinctWords = 5;
    public const int MinDistinctLetters = 6;
    public const int MinOwnWords = 4;
    public const int ReviewMinCharacters = 20;
    public const int ReviewMinWords = 4;

    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "nvt", "n v t", "niet van toepassing", "na", "n a", "not applicable", "zie boven", "zie hierboven", "zie onder", "zie hieronder",
        "zie noodzaak", "zie proportionaliteit", "zie subsidiariteit", "zie bijlage", "zie aanvraag", "idem", "idem dito", "dito", "test",
        "testen", "test test", "geen", "onbekend", "nader te bepalen", "ntb", "tbd", "todo", "x", "xx", "xxx", "leeg", "zelfde", "zelfde als boven",
        "volgt", "volgt nog", "lorem ipsum", "asdf", "qwerty", "ok", "ja", "nee",
    };

    private static readonly string[] ReferencePrefixes = ["zie boven", "zie hierboven", "zie onder", "zie hieronder", "idem", "zelfde als", "zoals boven", "zoals hierboven"];

    /// <summary>Why a justification is trivial, or null when it is acceptable.</summary>
    public static string? Check(string text, string purposeId, string? purposeName) =>
        Check(text, purposeId, purposeName, MinCharacters, MinWords);

    /// <summary>A reviewer's motivation: the same rules with a lower minimum length; no purpose words are discounted.</summary>
    public static string? CheckReview(string text) => Check(text, string.Empty, null, ReviewMinCharacters, ReviewMinWords);

    /// <summary>True when two justifications are the same text after folding (a copy).</summary>
    public static bool SameText(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private static string? Check(string text, string purposeId, string? purposeName, int minCharacters, int minWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        if (Placeholders.Contains(folded) || ReferencePrefixes.Any(p => folded.StartsWith(p + " ", StringComparison.Ordinal) && folded.Length < 2 * minCharacters))
        {
            return "placeholder";
        }

        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (folded.Replace(" ", string.Empty, StringComparison.Ordinal).Length < minCharacters || words.Length < minWords)
        {
            return "too-short";
        }

        if (folded.Where(char.IsLetter).Distinct().Count() < MinDistinctLetters)
        {
            return "repeated-characters";
        }

        var distinct = words.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length < Math.Min(MinDistinctWords, minWords))
        {
            return "repeated-words";
        }

        var purposeWords = Fold(purposeId.Replace('-', ' ') + " " + (purposeName ?? string.Empty)).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (purposeWords.Count > 0 && distinct.Count(w => !purposeWords.Contains(w)) < MinOwnWords)
        {
            return "only-purpose";
        }

        return null;
    }

    /// <summary>Lower case, accents removed, every run of non-letters/digits one space, trimmed.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// Folds names (and other free text used for matching) to a canonical form: Unicode compatibility
/// decomposition (NFKD) with diacritics removed (ë→e, ç→c, ø→o, ß→ss, æ→ae, ĳ→ij, ﬁ→fi), lower-case
/// invariant; every run of punctuation, hyphens, apostrophes, symbols (emoji) and whitespace becomes one
/// space; invisible format characters (zero-width joiners, bidi marks, soft hyphens) are dropped; the result
/// is trimmed. Letters outside the table (Arabic, CJK, ...) are kept, lower-cased. Folding is total (never
/// fails) and idempotent: Fold(Fold(x)) == Fold(x).
/// </summary>
/// <remarks>
/// The hub runs with InvariantGlobalization, where <see cref="string.Normalize()"/> leaves non-ASCII text
/// unchanged, so the decomposition comes from the generated <see cref="FoldTable"/>.
/// </remarks>
public static class NameFolding
{
    private const int StackLimit = 256;

    /// <summary>The folded form with single spaces between words; "" for null or input without letters/digits.</summary>
    public static string Fold(string? raw) => FoldCore(raw, keepSpaces: true);

    /// <summary>The folded form without any spaces ("Van der Berg" → "vanderberg").</summary>
    public static string FoldCompact(string? raw) => FoldCore(raw, keepSpaces: false);

    private static string FoldCore(string? raw, bool keepSpaces)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        if (IsAlreadyFolded(raw, keepSpaces))
        {
            return raw;
        }

        // Each UTF-16 unit folds to at most 4 characters (e.g. U+2167 ROMAN NUMERAL EIGHT → "viii").
        int capacity = checked(raw.Length * 4);
        char[]? rented = null;
        Span<char> buffer = capacity <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            int length = FoldInto(raw, buffer, keepSpaces);
            return length == 0 ? string.Empty : new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int FoldInto(string raw, Span<char> buffer, bool keepSpaces)
    {
        Span<char> scratch = stackalloc char[2];
        int length = 0;
        bool pendingSpace = false;
        int index = 0;
        while (index < raw.Length)
        {
            if (Rune.DecodeFromUtf16(raw.AsSpan(index), out Rune rune, out int consumed) != OperationStatus.Done)
            {
                // A lone surrogate: treat it as a separator.
                pendingSpace = length > 0;
                index += Math.Max(consumed, 1);
                continue;
            }

            index += consumed;
            ReadOnlySpan<char> folded = FoldRune(rune, out CharKind kind, scratch);
            if (kind == CharKind.Ignore)
            {
                continue;
            }

            if (kind == CharKind.Separator)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace && keepSpaces)
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            folded.CopyTo(buffer[length..]);
            length += folded.Length;
        }

        return length;
    }

    private enum CharKind
    {
        Text,
        Separator,
        Ignore,
    }

    private static ReadOnlySpan<char> FoldRune(Rune rune, out CharKind kind, Span<char> scratch)
    {
        int value = rune.Value;
        if (value < 0x80)
        {
            char c = (char)value;
            if (char.IsAsciiLetterOrDigit(c))
            {
                kind = CharKind.Text;
                scratch[0] = char.ToLowerInvariant(c);
                return scratch[..1];
            }

            kind = char.IsControl(c) ? CharKind.Ignore : CharKind.Separator;
            return default;
        }

        if (rune.IsBmp)
        {
            int found = FoldTable.Keys.AsSpan().BinarySearch((char)value);
            if (found >= 0)
            {
                kind = CharKind.Text;
                return FoldTable.Values[found];
            }
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                kind = CharKind.Text;
                int written = Rune.ToLowerInvariant(rune).EncodeToUtf16(scratch);
                return scratch[..written];
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
            case UnicodeCategory.Control:
                kind = CharKind.Ignore;
                return default;
            default:
                // Punctuation, symbols (emoji), spaces, modifier letters such as ʼ, private use, unassigned.
                kind = CharKind.Separator;
                return default;
        }
    }

    private static bool IsAlreadyFolded(string raw, bool keepSpaces)
    {
        char previous = ' ';
        foreach (char c in raw)
        {
            if (c == ' ')
            {
                if (!keepSpaces || previous == ' ')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterLower(c))
            {
                return false;
            }

            previous = c;
        }

        return previous != ' ';
    }
}

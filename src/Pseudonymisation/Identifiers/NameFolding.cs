using System.Buffers;
using System.Globalization;
using System.Text;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// Folds names (and other free text used for matching) to a canonical form: Unicode compatibility
/// decomposition (NFKD) with diacritics removed (ë→e, ç→c, ø→o, ß→ss, æ→ae, ĳ→ij, ﬁ→fi), lower-case
/// invariant; every run of punctuation, hyphens, apostrophes, symbols (emoji) and whitespace becomes one
/// space; invisible format characters (zero-width joiners, bidi marks, soft hyphens) are dropped; the result
/// is trimmed. Letters without a decomposition (most Arabic, CJK, Hangul, ...) are kept, lower-cased. Folding
/// is total (never fails, any length) and idempotent: Fold(Fold(x)) == Fold(x); already folded input is
/// returned as the same instance without allocating.
/// </summary>
/// <remarks>
/// The hub runs with InvariantGlobalization, where <see cref="string.Normalize()"/> leaves non-ASCII text
/// unchanged, so the decomposition comes from <see cref="FoldTable"/>, generated from Unicode data by
/// FoldTable.generator.py (next to this file). Letters added to Unicode after that data fall back to plain
/// lower-casing.
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

        var output = new FoldBuffer(stackalloc char[StackLimit]);
        try
        {
            FoldInto(raw, ref output, keepSpaces);
            return output.Length == 0 ? string.Empty : new string(output.Written);
        }
        finally
        {
            output.Dispose();
        }
    }

    private static void FoldInto(string raw, ref FoldBuffer output, bool keepSpaces)
    {
        Span<char> scratch = stackalloc char[2];
        bool pendingSpace = false;
        int index = 0;
        while (index < raw.Length)
        {
            if (Rune.DecodeFromUtf16(raw.AsSpan(index), out Rune rune, out int consumed) != OperationStatus.Done)
            {
                // A lone surrogate: treat it as a separator.
                pendingSpace = output.Length > 0;
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
                pendingSpace = output.Length > 0;
                continue;
            }

            if (pendingSpace && keepSpaces)
            {
                output.Append(" ", raw.Length - index);
            }

            pendingSpace = false;
            output.Append(folded, raw.Length - index);
        }
    }

    /// <summary>A char buffer on the stack that moves to pooled arrays when a fold expands the text.</summary>
    private ref struct FoldBuffer
    {
        private Span<char> _chars;
        private char[]? _rented;

        public FoldBuffer(Span<char> initial)
        {
            _chars = initial;
            _rented = null;
            Length = 0;
        }

        public int Length { get; private set; }

        public readonly ReadOnlySpan<char> Written => _chars[..Length];

        /// <summary>Appends, growing for the text still to come (<paramref name="remainingInput"/> units) at once.</summary>
        public void Append(scoped ReadOnlySpan<char> text, int remainingInput)
        {
            if (Length + text.Length > _chars.Length)
            {
                Grow(checked(Length + text.Length + remainingInput + 16));
            }

            text.CopyTo(_chars[Length..]);
            Length += text.Length;
        }

        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<char>.Shared.Return(_rented);
                _rented = null;
            }
        }

        private void Grow(int needed)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, _chars.Length * 2));
            _chars[..Length].CopyTo(larger);
            Dispose();
            _rented = larger;
            _chars = larger;
        }
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

            kind = char.IsControl(c) && !char.IsWhiteSpace(c) ? CharKind.Ignore : CharKind.Separator;
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
            case UnicodeCategory.Control when !Rune.IsWhiteSpace(rune):
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

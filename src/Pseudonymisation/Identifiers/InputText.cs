using System.Globalization;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>Which characters may separate digit groups.</summary>
[Flags]
internal enum DigitSeparators
{
    /// <summary>Whitespace, including no-break spaces.</summary>
    Whitespace = 1,

    /// <summary>'.'.</summary>
    Dot = 2,

    /// <summary>Dash punctuation: -, ‐, –, —.</summary>
    Dash = 4,

    /// <summary>'(', ')' and '/'.</summary>
    Brackets = 8,
}

/// <summary>Small helpers shared by the parsers; none of them throws or allocates.</summary>
internal static class InputText
{
    /// <summary>True for whitespace (including no-break space), dots and dash punctuation (-, ‐, –, —).</summary>
    public static bool IsDigitGroupSeparator(char c) =>
        IsSeparator(c, DigitSeparators.Whitespace | DigitSeparators.Dot | DigitSeparators.Dash);

    /// <summary>True when <paramref name="s"/> is null, empty or whitespace only.</summary>
    public static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);

    /// <summary>
    /// Copies the ASCII digits of <paramref name="input"/> into <paramref name="digits"/> and returns how many
    /// digits the input holds (which may exceed the buffer). <paramref name="separators"/> are skipped; any
    /// other character gives InvalidCharacters.
    /// </summary>
    public static IdentifierError CollectDigits(
        ReadOnlySpan<char> input, Span<char> digits, DigitSeparators separators, out int count)
    {
        count = 0;
        foreach (char c in input)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count < digits.Length)
                {
                    digits[count] = c;
                }

                count++;
            }
            else if (!IsSeparator(c, separators))
            {
                return IdentifierError.InvalidCharacters;
            }
        }

        return IdentifierError.None;
    }

    private static bool IsSeparator(char c, DigitSeparators separators) =>
        ((separators & DigitSeparators.Whitespace) != 0 && char.IsWhiteSpace(c))
        || ((separators & DigitSeparators.Dot) != 0 && c == '.')
        || ((separators & DigitSeparators.Brackets) != 0 && c is '(' or ')' or '/')
        || ((separators & DigitSeparators.Dash) != 0 && (c == '-' || (c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)));

    /// <summary>True when every character of <paramref name="span"/> is '0'.</summary>
    public static bool IsAllZeros(ReadOnlySpan<char> span) => span.Length > 0 && AllInRange(span, '0', '0');

    /// <summary>
    /// True when every character lies in [<paramref name="low"/>, <paramref name="high"/>] (true for an empty span).
    /// A plain loop on purpose: MemoryExtensions.ContainsAnyExceptInRange was measured allocating 96 bytes per
    /// call in fully-optimised code without tiered compilation (DOTNET_TieredCompilation=0, .NET 10).
    /// </summary>
    public static bool AllInRange(ReadOnlySpan<char> span, char low, char high)
    {
        foreach (char c in span)
        {
            if (c < low || c > high)
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>Small helpers shared by the parsers; none of them throws or allocates.</summary>
internal static class InputText
{
    /// <summary>True for whitespace (including no-break space), dots and dash punctuation (-, ‐, –, —).</summary>
    public static bool IsDigitGroupSeparator(char c) =>
        c == '.' || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    /// <summary>True when <paramref name="s"/> is null, empty or whitespace only.</summary>
    public static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);

    /// <summary>
    /// Copies the ASCII digits of <paramref name="input"/> into <paramref name="digits"/> and returns how many
    /// digits the input holds (which may exceed the buffer). Characters for which
    /// <paramref name="isSeparator"/> holds are skipped; any other character gives InvalidCharacters.
    /// </summary>
    public static IdentifierError CollectDigits(
        ReadOnlySpan<char> input, Span<char> digits, Func<char, bool> isSeparator, out int count)
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
            else if (!isSeparator(c))
            {
                return IdentifierError.InvalidCharacters;
            }
        }

        return IdentifierError.None;
    }

    /// <summary>True when every character of <paramref name="span"/> is '0'.</summary>
    public static bool IsAllZeros(ReadOnlySpan<char> span) => span.Length > 0 && !span.ContainsAnyExcept('0');
}

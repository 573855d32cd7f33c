using System.Buffers;
using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A Dutch licence plate (kenteken) in one of the RDW sidecodes 1-14 (X = letter, 9 = digit):
/// 1 XX-99-99, 2 99-99-XX, 3 99-XX-99, 4 XX-99-XX, 5 XX-XX-99, 6 99-XX-XX, 7 99-XXX-9, 8 9-XXX-99,
/// 9 XX-999-X, 10 X-999-XX, 11 XXX-99-X, 12 X-99-XXX, 13 9-XX-999, 14 999-XX-9.
/// Input in any case, with or without dashes or spaces; separators are ignored, so the sidecode follows
/// from the order of letters and digits. Plates of sidecode 4 and later never contain the vowels
/// A, E, I, O, U (LetterNotIssued); older sidecodes accept every letter A-Z. Special short series (AA, CD,
/// CDJ with at most three digits) and foreign plates are not supported (WrongLength / UnknownSidecode).
/// </summary>
[DebuggerDisplay("Kenteken(***)")]
public sealed class Kenteken : IEquatable<Kenteken>
{
    private const int MaxInputLength = 32;

    // Sidecode n is Patterns[n - 1]; 'X' a letter, '9' a digit, '-' where the formatted plate has a dash.
    private static readonly string[] Patterns =
    [
        "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
        "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
    ];

    private static readonly SearchValues<char> Vowels = SearchValues.Create("AEIOU");

    private Kenteken(string normalised, int sidecode, string formatted)
    {
        Normalised = normalised;
        Sidecode = sidecode;
        Formatted = formatted;
    }

    /// <summary>The six letters and digits, upper-case, without dashes (e.g. "12ABC3").</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>The plate with dashes at the sidecode's positions (e.g. "12-ABC-3").</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Formatted { get; }

    /// <summary>The RDW sidecode, 1..14.</summary>
    public int Sidecode { get; }

    /// <summary>The layout of a sidecode, e.g. "99-XXX-9" for 7.</summary>
    public static string SidecodePattern(int sidecode) =>
        sidecode is >= 1 and <= 14 ? Patterns[sidecode - 1] : string.Empty;

    /// <summary>Parses a plate; never throws.</summary>
    public static ParseResult<Kenteken> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<Kenteken>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<Kenteken>.Failure(IdentifierError.TooLong);
        }

        Span<char> plate = stackalloc char[6];
        int count = 0;
        foreach (char c in input)
        {
            if (InputText.IsDigitGroupSeparator(c) && c != '.')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return ParseResult<Kenteken>.Failure(IdentifierError.InvalidCharacters);
            }

            if (count < plate.Length)
            {
                plate[count] = char.ToUpperInvariant(c);
            }

            count++;
        }

        if (count != 6)
        {
            return ParseResult<Kenteken>.Failure(IdentifierError.WrongLength);
        }

        int sidecode = FindSidecode(plate);
        if (sidecode == 0)
        {
            return ParseResult<Kenteken>.Failure(IdentifierError.UnknownSidecode);
        }

        if (sidecode >= 4 && plate.ContainsAny(Vowels))
        {
            return ParseResult<Kenteken>.Failure(IdentifierError.LetterNotIssued);
        }

        return ParseResult<Kenteken>.Success(new Kenteken(new string(plate), sidecode, Format(plate, Patterns[sidecode - 1])));
    }

    private static int FindSidecode(ReadOnlySpan<char> plate)
    {
        for (int s = 0; s < Patterns.Length; s++)
        {
            if (Matches(plate, Patterns[s]))
            {
                return s + 1;
            }
        }

        return 0;
    }

    private static bool Matches(ReadOnlySpan<char> plate, string pattern)
    {
        int i = 0;
        foreach (char p in pattern)
        {
            if (p == '-')
            {
                continue;
            }

            char c = plate[i++];
            if (p == 'X' ? !char.IsAsciiLetterUpper(c) : !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(ReadOnlySpan<char> plate, string pattern)
    {
        Span<char> formatted = stackalloc char[8];
        int i = 0;
        for (int k = 0; k < pattern.Length; k++)
        {
            formatted[k] = pattern[k] == '-' ? '-' : plate[i++];
        }

        return new string(formatted);
    }

    /// <inheritdoc/>
    public bool Equals(Kenteken? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Kenteken);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "Kenteken(***)".</summary>
    public override string ToString() => "Kenteken(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Kenteken? left, Kenteken? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Kenteken? left, Kenteken? right) => !(left == right);
}

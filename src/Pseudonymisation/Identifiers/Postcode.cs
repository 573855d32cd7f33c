using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A Dutch postcode: four digits (first digit 1-9) and two letters, in any case, with or without whitespace
/// ("1234 ab", "1234AB", " 1234  Ab "). The letter pairs SA, SD and SS are never issued and are rejected.
/// </summary>
[DebuggerDisplay("Postcode(***)")]
public sealed class Postcode : IEquatable<Postcode>
{
    private const int MaxInputLength = 32;

    private Postcode(string normalised) => Normalised = normalised;

    /// <summary>"1234AB": four digits and two upper-case letters.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses a postcode; never throws.</summary>
    public static ParseResult<Postcode> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<Postcode>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<Postcode>.Failure(IdentifierError.TooLong);
        }

        Span<char> compact = stackalloc char[6];
        int count = 0;
        foreach (char c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return ParseResult<Postcode>.Failure(IdentifierError.InvalidCharacters);
            }

            if (count < compact.Length)
            {
                compact[count] = char.ToUpperInvariant(c);
            }

            count++;
        }

        if (count != 6)
        {
            return ParseResult<Postcode>.Failure(IdentifierError.WrongLength);
        }

        bool layout = compact[0] is >= '1' and <= '9'
            && char.IsAsciiDigit(compact[1]) && char.IsAsciiDigit(compact[2]) && char.IsAsciiDigit(compact[3])
            && char.IsAsciiLetterUpper(compact[4]) && char.IsAsciiLetterUpper(compact[5]);
        if (!layout || IsNeverIssued(compact[4], compact[5]))
        {
            return ParseResult<Postcode>.Failure(IdentifierError.InvalidPostcode);
        }

        return ParseResult<Postcode>.Success(new Postcode(new string(compact)));
    }

    private static bool IsNeverIssued(char first, char second) => first == 'S' && second is 'A' or 'D' or 'S';

    /// <inheritdoc/>
    public bool Equals(Postcode? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Postcode);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "Postcode(***)".</summary>
    public override string ToString() => "Postcode(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Postcode? left, Postcode? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Postcode? left, Postcode? right) => !(left == right);
}

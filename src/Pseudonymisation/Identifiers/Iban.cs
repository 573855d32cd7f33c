using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// An IBAN (ISO 13616). Accepts any case with spaces between groups ("nl91 abna 0417 1643 00"). The country
/// must be in the SWIFT IBAN registry (else UnsupportedCountry) and the length must be that country's
/// (else WrongLength); the mod-97 check must give 1 (else ChecksumFailed; check digits 00, 01 and 99 never
/// occur). Dutch IBANs must read NLkk BBBB 0123456789: a 4-letter bank code and 10 digits (else
/// InvalidFormat). Other countries' BBAN layouts are not checked beyond letters and digits.
/// </summary>
[DebuggerDisplay("Iban(***)")]
public sealed class Iban : IEquatable<Iban>
{
    /// <summary>The longest IBAN of any country.</summary>
    public const int MaxLength = 34;

    private const int MaxInputLength = 64;

    private Iban(string normalised) => Normalised = normalised;

    /// <summary>The IBAN without spaces, upper-case.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>The two-letter country code.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string CountryCode => Normalised[..2];

    /// <summary>True for a Dutch (NL) IBAN.</summary>
    public bool IsDutch => Normalised.StartsWith("NL", StringComparison.Ordinal);

    /// <summary>Parses an IBAN; never throws.</summary>
    public static ParseResult<Iban> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<Iban>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<Iban>.Failure(IdentifierError.TooLong);
        }

        Span<char> iban = stackalloc char[MaxLength];
        int count = 0;
        foreach (char c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return ParseResult<Iban>.Failure(IdentifierError.InvalidCharacters);
            }

            if (count == MaxLength)
            {
                return ParseResult<Iban>.Failure(IdentifierError.WrongLength);
            }

            iban[count++] = char.ToUpperInvariant(c);
        }

        iban = iban[..count];
        if (count < 4 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return ParseResult<Iban>.Failure(IdentifierError.InvalidFormat);
        }

        int expected = IbanCountries.LengthOf(iban[..2]);
        if (expected == 0)
        {
            return ParseResult<Iban>.Failure(IdentifierError.UnsupportedCountry);
        }

        if (count != expected)
        {
            return ParseResult<Iban>.Failure(IdentifierError.WrongLength);
        }

        if (iban.StartsWith("NL") && !IsDutchBban(iban[4..]))
        {
            return ParseResult<Iban>.Failure(IdentifierError.InvalidFormat);
        }

        return Mod97(iban) == 1 && !iban[2..4].SequenceEqual("00") && !iban[2..4].SequenceEqual("01") && !iban[2..4].SequenceEqual("99")
            ? ParseResult<Iban>.Success(new Iban(new string(iban)))
            : ParseResult<Iban>.Failure(IdentifierError.ChecksumFailed);
    }

    /// <summary>
    /// The ISO 7064 mod 97-10 remainder of an upper-case IBAN: the first four characters moved to the end,
    /// letters replaced by 10..35. A valid IBAN gives 1.
    /// </summary>
    internal static int Mod97(ReadOnlySpan<char> iban)
    {
        int remainder = 0;
        for (int i = 0; i < iban.Length; i++)
        {
            char c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    private static bool IsDutchBban(ReadOnlySpan<char> bban) =>
        bban.Length == 14 && InputText.AllInRange(bban[..4], 'A', 'Z') && InputText.AllInRange(bban[4..], '0', '9');

    /// <inheritdoc/>
    public bool Equals(Iban? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Iban);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "Iban(***)".</summary>
    public override string ToString() => "Iban(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Iban? left, Iban? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Iban? left, Iban? right) => !(left == right);
}

using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A burgerservicenummer. Accepts 9 digits, or 8 digits (a BSN with its leading zero left off), with any
/// spaces, dots or dashes between them ("123456782", " 1234.56.782 ", "12-34-56-782"). The number must pass
/// the 11-proef; 000000000 is rejected. Only ASCII digits count (no full-width or Arabic-Indic digits).
/// </summary>
[DebuggerDisplay("Bsn(***)")]
public sealed class Bsn : IEquatable<Bsn>
{
    /// <summary>Longest raw input inspected; longer input fails with <see cref="IdentifierError.TooLong"/>.</summary>
    public const int MaxInputLength = 64;

    private Bsn(string normalised) => Normalised = normalised;

    /// <summary>The 9 digits, leading zero included.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses a BSN; never throws.</summary>
    public static ParseResult<Bsn> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<Bsn>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<Bsn>.Failure(IdentifierError.TooLong);
        }

        Span<char> digits = stackalloc char[9];
        IdentifierError error = InputText.CollectDigits(
            input, digits, DigitSeparators.Whitespace | DigitSeparators.Dot | DigitSeparators.Dash, out int count);
        if (error != IdentifierError.None)
        {
            return ParseResult<Bsn>.Failure(error);
        }

        if (count == 8)
        {
            // A BSN written without its leading zero (Span.CopyTo handles the overlap).
            digits[..8].CopyTo(digits[1..]);
            digits[0] = '0';
        }
        else if (count != 9)
        {
            return ParseResult<Bsn>.Failure(IdentifierError.WrongLength);
        }

        if (InputText.IsAllZeros(digits))
        {
            return ParseResult<Bsn>.Failure(IdentifierError.ReservedNumber);
        }

        return IsValidElfproef(digits)
            ? ParseResult<Bsn>.Success(new Bsn(new string(digits)))
            : ParseResult<Bsn>.Failure(IdentifierError.ChecksumFailed);
    }

    /// <summary>
    /// The 11-proef for a BSN: 9 ASCII digits d1..d9 with 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 divisible by 11.
    /// 000000000 passes the arithmetic but is rejected; anything that is not exactly 9 digits is false.
    /// </summary>
    public static bool IsValidElfproef(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9 || !InputText.AllInRange(nineDigits, '0', '9') || InputText.IsAllZeros(nineDigits))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += (9 - i) * (nineDigits[i] - '0');
        }

        sum -= nineDigits[8] - '0';
        return sum % 11 == 0;
    }

    /// <inheritdoc/>
    public bool Equals(Bsn? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Bsn);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "Bsn(***)": the number is never shown.</summary>
    public override string ToString() => "Bsn(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Bsn? left, Bsn? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Bsn? left, Bsn? right) => !(left == right);
}

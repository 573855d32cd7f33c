using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A telephone number in E.164 form ("+31612345678").
/// <para>Dutch numbers are accepted in national form ("06-12345678", "020-1234567", "(020) 123 45 67") and
/// international form ("+31 6 12345678", "0031612345678", "+31 (0)20 123 4567"); spaces, dashes, dots,
/// slashes and parentheses are ignored and one trunk 0 after +31 is dropped. Lengths follow the Dutch
/// numbering plan: 9 digits after the trunk 0 for geographic, mobile (06), 084/085/087/088 and 091
/// numbers; 0800, 0900, 0906 and 0909 service numbers carry 4 or 7 digits after the prefix; 097 machine
/// numbers carry 11 digits. Short numbers (112, 14 0xx) and other lengths fail with WrongLength.</para>
/// <para>Decision: foreign numbers are accepted, not rejected, because partners hold them for real people:
/// "+" or "00", a country code not starting with 0, and 8..15 digits in total (the E.164 maximum). They
/// get <see cref="IsDutch"/> false; their national plan is not checked. A national number without the
/// trunk 0 ("612345678") is ambiguous and fails with InvalidFormat.</para>
/// </summary>
[DebuggerDisplay("PhoneNumber(***)")]
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    private const int MaxInputLength = 64;
    private const int MaxDigits = 20;

    private PhoneNumber(string normalised, bool isDutch)
    {
        Normalised = normalised;
        IsDutch = isDutch;
    }

    /// <summary>The number in E.164 form: "+", country code, national significant number.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>True for a Dutch (+31) number.</summary>
    public bool IsDutch { get; }

    /// <summary>True for a Dutch mobile number (+316...).</summary>
    public bool IsMobile => IsDutch && Normalised.StartsWith("+316", StringComparison.Ordinal);

    /// <summary>Parses a phone number; never throws.</summary>
    public static ParseResult<PhoneNumber> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<PhoneNumber>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<PhoneNumber>.Failure(IdentifierError.TooLong);
        }

        ReadOnlySpan<char> text = input.AsSpan().Trim();
        bool plus = text[0] == '+';
        if (plus)
        {
            text = text[1..];
        }

        Span<char> digits = stackalloc char[MaxDigits];
        IdentifierError error = InputText.CollectDigits(
            text, digits, DigitSeparators.Whitespace | DigitSeparators.Dot | DigitSeparators.Dash | DigitSeparators.Brackets, out int count);
        if (error != IdentifierError.None)
        {
            return ParseResult<PhoneNumber>.Failure(error);
        }

        if (count > MaxDigits)
        {
            return ParseResult<PhoneNumber>.Failure(IdentifierError.WrongLength);
        }

        ReadOnlySpan<char> number = digits[..count];
        if (!plus)
        {
            if (number.StartsWith("00"))
            {
                number = number[2..];
            }
            else if (number.StartsWith("0"))
            {
                return Dutch(number[1..]);
            }
            else
            {
                return ParseResult<PhoneNumber>.Failure(count == 0 ? IdentifierError.Empty : IdentifierError.InvalidFormat);
            }
        }

        // International form: number starts with the country code.
        if (number.StartsWith("31"))
        {
            ReadOnlySpan<char> national = number[2..];
            return Dutch(national.StartsWith("0") ? national[1..] : national);
        }

        if (number.IsEmpty || number[0] == '0')
        {
            return ParseResult<PhoneNumber>.Failure(IdentifierError.InvalidFormat);
        }

        return number.Length is < 8 or > 15
            ? ParseResult<PhoneNumber>.Failure(IdentifierError.WrongLength)
            : ParseResult<PhoneNumber>.Success(new PhoneNumber("+" + new string(number), isDutch: false));
    }

    /// <summary>Validates a Dutch national significant number (the digits after the trunk 0 or +31).</summary>
    private static ParseResult<PhoneNumber> Dutch(ReadOnlySpan<char> nsn)
    {
        if (nsn.IsEmpty || nsn[0] == '0')
        {
            return ParseResult<PhoneNumber>.Failure(IdentifierError.InvalidFormat);
        }

        bool lengthOk;
        if (nsn.StartsWith("800") || nsn.StartsWith("900") || nsn.StartsWith("906") || nsn.StartsWith("909"))
        {
            lengthOk = nsn.Length is 7 or 10;
        }
        else if (nsn.StartsWith("97"))
        {
            lengthOk = nsn.Length == 11;
        }
        else
        {
            lengthOk = nsn.Length == 9;
        }

        if (!lengthOk)
        {
            return ParseResult<PhoneNumber>.Failure(IdentifierError.WrongLength);
        }

        return ParseResult<PhoneNumber>.Success(new PhoneNumber(string.Concat("+31", nsn), isDutch: true));
    }

    /// <inheritdoc/>
    public bool Equals(PhoneNumber? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PhoneNumber);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "PhoneNumber(***)".</summary>
    public override string ToString() => "PhoneNumber(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(PhoneNumber? left, PhoneNumber? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PhoneNumber? left, PhoneNumber? right) => !(left == right);
}

using System.Diagnostics;
using System.Globalization;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A Dutch address key: postcode, house number and addition, with optional street and city.
/// <para>The postcode follows <see cref="Postcode"/>; any postcode failure is reported as InvalidPostcode so
/// the caller knows which field failed. The house number is 1..99999 and may carry its addition
/// ("12a", "12-2", "12 bis", "12 hs", "12-II", "12/3"); the separate addition field is appended to it.
/// Additions are normalised to upper-case ASCII letters and digits without separators (spaces, dashes,
/// dots, slashes), at most 8 characters. Street and city are folded with <see cref="NameFolding"/> and may
/// be empty.</para>
/// </summary>
[DebuggerDisplay("DutchAddress(***)")]
public sealed class DutchAddress : IEquatable<DutchAddress>
{
    /// <summary>The longest house-number addition after normalisation.</summary>
    public const int MaxSuffixLength = 8;

    /// <summary>The largest house number.</summary>
    public const int MaxHouseNumber = 99999;

    private const int MaxFieldLength = 200;

    private DutchAddress(Postcode postcode, int houseNumber, string suffix, string street, string city)
    {
        Postcode = postcode;
        HouseNumber = houseNumber;
        Suffix = suffix;
        Street = street;
        City = city;
        Normalised = string.Create(CultureInfo.InvariantCulture, $"{postcode.Normalised}|{houseNumber}|{suffix}");
    }

    /// <summary>The postcode.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public Postcode Postcode { get; }

    /// <summary>The house number, 1..99999.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public int HouseNumber { get; }

    /// <summary>The addition (huisletter + toevoeging), upper-case without separators; "" when none.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Suffix { get; }

    /// <summary>The folded street name; "" when not given.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Street { get; }

    /// <summary>The folded city name; "" when not given.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string City { get; }

    /// <summary>"1234AB|12|A": postcode, house number and addition (street and city are not part of the key).</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses an address; never throws.</summary>
    public static ParseResult<DutchAddress> Parse(
        string? postcode, string? houseNumber, string? houseNumberSuffix, string? street = null, string? city = null)
    {
        ParseResult<Postcode> pc = Postcode.Parse(postcode);
        if (!pc.IsValid)
        {
            return ParseResult<DutchAddress>.Failure(pc.Error == IdentifierError.TooLong ? IdentifierError.TooLong : IdentifierError.InvalidPostcode);
        }

        if ((houseNumber?.Length ?? 0) > MaxFieldLength || (houseNumberSuffix?.Length ?? 0) > MaxFieldLength
            || (street?.Length ?? 0) > MaxFieldLength || (city?.Length ?? 0) > MaxFieldLength)
        {
            return ParseResult<DutchAddress>.Failure(IdentifierError.TooLong);
        }

        ReadOnlySpan<char> number = houseNumber.AsSpan().Trim();
        int digits = number.IndexOfAnyExceptInRange('0', '9');
        if (digits < 0)
        {
            digits = number.Length;
        }

        ReadOnlySpan<char> numberDigits = number[..digits].TrimStart('0');
        if (digits == 0 || numberDigits.Length is 0 or > 5)
        {
            return ParseResult<DutchAddress>.Failure(IdentifierError.InvalidHouseNumber);
        }

        int value = int.Parse(numberDigits, NumberStyles.None, CultureInfo.InvariantCulture);
        Span<char> suffix = stackalloc char[MaxSuffixLength];
        int length = 0;
        if (!AppendSuffix(number[digits..], suffix, ref length) || !AppendSuffix(houseNumberSuffix, suffix, ref length))
        {
            return ParseResult<DutchAddress>.Failure(IdentifierError.InvalidHouseNumberSuffix);
        }

        return ParseResult<DutchAddress>.Success(new DutchAddress(
            pc.Value, value, new string(suffix[..length]), NameFolding.Fold(street), NameFolding.Fold(city)));
    }

    private static bool AppendSuffix(ReadOnlySpan<char> text, Span<char> suffix, ref int length)
    {
        foreach (char c in text)
        {
            if (c == '/' || InputText.IsDigitGroupSeparator(c))
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || length == suffix.Length)
            {
                return false;
            }

            suffix[length++] = char.ToUpperInvariant(c);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(DutchAddress? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DutchAddress);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "DutchAddress(***)".</summary>
    public override string ToString() => "DutchAddress(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(DutchAddress? left, DutchAddress? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(DutchAddress? left, DutchAddress? right) => !(left == right);
}

using System.Diagnostics;
using System.Globalization;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A date of birth. Accepts only ISO 8601 calendar dates "yyyy-MM-dd" (ASCII digits, surrounding whitespace
/// tolerated). The date must exist (2023-02-29 and 2024-13-01 fail with InvalidDate), lie on or before the
/// caller's today (else DateInFuture) and on or after 1880-01-01 (else DateTooOld).
/// </summary>
[DebuggerDisplay("DateOfBirth(***)")]
public sealed class DateOfBirth : IEquatable<DateOfBirth>
{
    /// <summary>The earliest accepted date of birth.</summary>
    public static readonly DateOnly Earliest = new(1880, 1, 1);

    private const int MaxInputLength = 64;

    private DateOfBirth(DateOnly value)
    {
        Value = value;
        Normalised = value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }

    /// <summary>The date.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public DateOnly Value { get; }

    /// <summary>The date as "yyyyMMdd".</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses "yyyy-MM-dd"; <paramref name="today"/> comes from the caller's TimeProvider. Never throws.</summary>
    public static ParseResult<DateOfBirth> Parse(string? iso, DateOnly today)
    {
        if (InputText.IsBlank(iso))
        {
            return ParseResult<DateOfBirth>.Failure(IdentifierError.Empty);
        }

        if (iso!.Length > MaxInputLength)
        {
            return ParseResult<DateOfBirth>.Failure(IdentifierError.TooLong);
        }

        ReadOnlySpan<char> s = iso.AsSpan().Trim();
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return ParseResult<DateOfBirth>.Failure(IdentifierError.InvalidFormat);
        }

        if (!TryDigits(s[..4], out int year) || !TryDigits(s[5..7], out int month) || !TryDigits(s[8..], out int day))
        {
            return ParseResult<DateOfBirth>.Failure(IdentifierError.InvalidFormat);
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ParseResult<DateOfBirth>.Failure(IdentifierError.InvalidDate);
        }

        var date = new DateOnly(year, month, day);
        if (date > today)
        {
            return ParseResult<DateOfBirth>.Failure(IdentifierError.DateInFuture);
        }

        return date < Earliest
            ? ParseResult<DateOfBirth>.Failure(IdentifierError.DateTooOld)
            : ParseResult<DateOfBirth>.Success(new DateOfBirth(date));
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(DateOfBirth? other) => other is not null && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DateOfBirth);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Always "DateOfBirth(***)".</summary>
    public override string ToString() => "DateOfBirth(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(DateOfBirth? left, DateOfBirth? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(DateOfBirth? left, DateOfBirth? right) => !(left == right);
}

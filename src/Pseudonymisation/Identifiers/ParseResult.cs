using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// The outcome of parsing user input: a value, or an <see cref="IdentifierError"/>. Parsers return this
/// instead of throwing. A default instance is invalid with <see cref="IdentifierError.NotParsed"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct ParseResult<T> : IEquatable<ParseResult<T>>
{
    private readonly T? _value;
    private readonly IdentifierError _error;

    private ParseResult(T value)
    {
        _value = value;
        _error = IdentifierError.None;
        IsValid = true;
    }

    private ParseResult(IdentifierError error)
    {
        _value = default;
        _error = error;
        IsValid = false;
    }

    /// <summary>True when the input parsed; <see cref="Value"/> is then available.</summary>
    public bool IsValid { get; }

    /// <summary>The error, or <see cref="IdentifierError.None"/> when valid.</summary>
    public IdentifierError Error => IsValid ? IdentifierError.None
        : _error == IdentifierError.None ? IdentifierError.NotParsed : _error;

    /// <summary>The stable code of <see cref="Error"/> (e.g. "SH1005").</summary>
    public string ErrorCode => IdentifierErrors.Code(Error);

    /// <summary>The parsed value.</summary>
    /// <exception cref="InvalidOperationException">The result is invalid (the message holds only the error code).</exception>
    public T Value => IsValid ? _value! : ThrowInvalid(Error);

    // CA1000: the brief fixes Success/Failure as static members of the generic result type.
#pragma warning disable CA1000
    /// <summary>A valid result holding <paramref name="value"/>.</summary>
    public static ParseResult<T> Success(T value) => new(value);

    /// <summary>An invalid result; <see cref="IdentifierError.None"/> is turned into <see cref="IdentifierError.NotParsed"/>.</summary>
    public static ParseResult<T> Failure(IdentifierError error) =>
        new(error == IdentifierError.None ? IdentifierError.NotParsed : error);
#pragma warning restore CA1000

    /// <summary>Gets the value when valid.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsValid;
    }

    /// <summary>"Valid" or "Invalid(SH10xx)"; never the value or the input.</summary>
    public override string ToString() => IsValid ? "Valid" : "Invalid(" + ErrorCode + ")";

    /// <inheritdoc/>
    public bool Equals(ParseResult<T> other) =>
        IsValid == other.IsValid && Error == other.Error && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ParseResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsValid, Error, _value);

    /// <summary>Equality of state and value.</summary>
    public static bool operator ==(ParseResult<T> left, ParseResult<T> right) => left.Equals(right);

    /// <summary>Inequality of state or value.</summary>
    public static bool operator !=(ParseResult<T> left, ParseResult<T> right) => !left.Equals(right);

    [DoesNotReturn]
    private static T ThrowInvalid(IdentifierError error) =>
        throw new InvalidOperationException("The value is not valid (" + IdentifierErrors.Code(error) + ").");
}

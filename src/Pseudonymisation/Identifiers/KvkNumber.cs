using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A KvK-nummer (Chamber of Commerce): exactly 8 ASCII digits, with spaces or dots between them allowed
/// ("12345678", "1234 5678", "12.34.56.78"). KvK numbers carry no check digit; 00000000 is rejected.
/// </summary>
[DebuggerDisplay("KvkNumber(***)")]
public sealed class KvkNumber : IEquatable<KvkNumber>
{
    private const int MaxInputLength = 64;

    private KvkNumber(string normalised) => Normalised = normalised;

    /// <summary>The 8 digits.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses a KvK number; never throws.</summary>
    public static ParseResult<KvkNumber> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<KvkNumber>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<KvkNumber>.Failure(IdentifierError.TooLong);
        }

        Span<char> digits = stackalloc char[8];
        IdentifierError error = InputText.CollectDigits(input, digits, DigitSeparators.Whitespace | DigitSeparators.Dot, out int count);
        if (error != IdentifierError.None)
        {
            return ParseResult<KvkNumber>.Failure(error);
        }

        if (count != 8)
        {
            return ParseResult<KvkNumber>.Failure(IdentifierError.WrongLength);
        }

        return InputText.IsAllZeros(digits)
            ? ParseResult<KvkNumber>.Failure(IdentifierError.ReservedNumber)
            : ParseResult<KvkNumber>.Success(new KvkNumber(new string(digits)));
    }

    /// <inheritdoc/>
    public bool Equals(KvkNumber? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as KvkNumber);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "KvkNumber(***)".</summary>
    public override string ToString() => "KvkNumber(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(KvkNumber? left, KvkNumber? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(KvkNumber? left, KvkNumber? right) => !(left == right);
}

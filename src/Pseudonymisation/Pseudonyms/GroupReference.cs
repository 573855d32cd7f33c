using System.Diagnostics;
using System.Text;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// A partner's own label or number of a group (PmG jeugdgroep, e.g. "PMG-2026-017"). Normalised to its ASCII letters
/// (upper case) and digits; spaces and the separators - _ . / : are dropped, so "pmg 2026/017" and "PMG-2026-017" are one
/// group. Any other character is refused. Never shown: <see cref="ToString"/> is redacted.
/// </summary>
[DebuggerDisplay("GroupReference(***)")]
public sealed class GroupReference : IEquatable<GroupReference>
{
    /// <summary>Longest accepted input.</summary>
    public const int MaxInputLength = 64;

    private GroupReference(string normalised) => Normalised = normalised;

    /// <summary>Upper-case ASCII letters and digits.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses a group reference; never throws. Errors: Empty, TooLong, InvalidCharacters (codes SH10xx).</summary>
    public static ParseResult<GroupReference> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ParseResult<GroupReference>.Failure(IdentifierError.Empty);
        }

        if (input.Length > MaxInputLength)
        {
            return ParseResult<GroupReference>.Failure(IdentifierError.TooLong);
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (!(c is ' ' or '-' or '_' or '.' or '/' or ':'))
            {
                return ParseResult<GroupReference>.Failure(IdentifierError.InvalidCharacters);
            }
        }

        return builder.Length == 0
            ? ParseResult<GroupReference>.Failure(IdentifierError.Empty)
            : ParseResult<GroupReference>.Success(new GroupReference(builder.ToString()));
    }

    /// <inheritdoc/>
    public bool Equals(GroupReference? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GroupReference);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "GroupReference(***)".</summary>
    public override string ToString() => "GroupReference(***)";
}

using System.Diagnostics;
using System.Text;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// The normalised input of one pseudonym: its kind and the normalised field values, in the order
/// <see cref="MatchKeys"/> documents. The HMAC message is UTF-8 of "&lt;tag&gt;1" 0x1F field₁ 0x1F … fieldₙ: the
/// type tag separates kinds (a KvK number and a BSN of the same digits give unrelated pseudonyms), 0x1F
/// separates fields (it never occurs in a normalised value). Made by <see cref="MatchKeys"/> from parsed
/// identifiers. ToString never shows the values.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct MatchKeyInput : IEquatable<MatchKeyInput>
{
    internal const char Separator = '\u001F';

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string? _content;

    internal MatchKeyInput(PseudonymKind kind, params ReadOnlySpan<string> normalisedParts)
    {
        var definition = MatchKeys.Get(kind);
        if (normalisedParts.Length != definition.Fields.Count)
        {
            throw new ArgumentException("The number of parts does not match the kind's fields.", nameof(normalisedParts));
        }

        var builder = new StringBuilder();
        builder.Append(definition.Tag).Append('1');
        foreach (var part in normalisedParts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(normalisedParts));
            if (part.Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException("A normalised value never contains U+001F.", nameof(normalisedParts));
            }

            builder.Append(Separator).Append(part);
        }

        Kind = kind;
        _content = builder.ToString();
    }

    public PseudonymKind Kind { get; }

    /// <summary>True for a default instance (no input).</summary>
    public bool IsEmpty => _content is null;

    public static bool operator ==(MatchKeyInput left, MatchKeyInput right) => left.Equals(right);

    public static bool operator !=(MatchKeyInput left, MatchKeyInput right) => !left.Equals(right);

    /// <summary>Bytes of the HMAC message.</summary>
    internal int MessageLength => Encoding.UTF8.GetByteCount(Content);

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    internal string Content => _content ?? throw new InvalidOperationException("An empty match key input has no message.");

    /// <summary>Writes the HMAC message; returns its length.</summary>
    internal int WriteMessage(Span<byte> destination) => Encoding.UTF8.GetBytes(Content, destination);

    public bool Equals(MatchKeyInput other) => Kind == other.Kind && string.Equals(_content, other._content, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is MatchKeyInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _content is null ? 0 : StringComparer.Ordinal.GetHashCode(_content));

    /// <summary>The kind only; never the values.</summary>
    public override string ToString() => $"MatchKeyInput({Kind})";
}

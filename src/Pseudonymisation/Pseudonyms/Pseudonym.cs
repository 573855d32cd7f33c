using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// A hub pseudonym: HMAC-SHA256(domain key of <see cref="KeyVersion"/>, "&lt;tag&gt;1" 0x1F normalised input),
/// written <c>&lt;tag&gt;1.&lt;keyversion&gt;.&lt;base64url&gt;</c>, e.g. <c>p1.3.</c>+43 characters. Self-describing: the
/// tag names the <see cref="Kind"/>, the key version names the key that made it, so keys can rotate. The text
/// is a pseudonym, not an identifier: ToString shows it.
/// </summary>
public readonly struct Pseudonym : IEquatable<Pseudonym>, ISpanFormattable
{
    /// <summary>Bytes of the HMAC-SHA256 value.</summary>
    public const int HashLength = HashBytes.Length;

    /// <summary>The longest text form (a 10-digit key version).</summary>
    public const int MaxTextLength = PseudonymCodec.MaxLength;

    private readonly HashBytes _hash;

    /// <summary>A pseudonym from its parts; <paramref name="hash"/> is exactly 32 bytes.</summary>
    public Pseudonym(PseudonymKind kind, int keyVersion, ReadOnlySpan<byte> hash)
    {
        if (!MatchKeys.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(keyVersion, 1);
        Kind = kind;
        KeyVersion = keyVersion;
        _hash = HashBytes.Read(hash);
    }

    private Pseudonym(PseudonymKind kind, int keyVersion, HashBytes hash)
    {
        Kind = kind;
        KeyVersion = keyVersion;
        _hash = hash;
    }

    public PseudonymKind Kind { get; }

    public int KeyVersion { get; }

    /// <summary>The one-letter tag of <see cref="Kind"/>.</summary>
    public char Tag => MatchKeys.Get(Kind).Tag;

    internal HashBytes Hash => _hash;

    public static bool operator ==(Pseudonym left, Pseudonym right) => left.Equals(right);

    public static bool operator !=(Pseudonym left, Pseudonym right) => !left.Equals(right);

    /// <summary>Parses the text form; never throws on input. <paramref name="error"/> says precisely what was wrong.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Pseudonym pseudonym, out PseudonymError error)
    {
        error = PseudonymCodec.TryParse(text, static t => MatchKeys.TryGetByTag(t, out _), out var tag, out var version, out var hash);
        if (error != PseudonymError.None)
        {
            pseudonym = default;
            return false;
        }

        MatchKeys.TryGetByTag(tag, out var definition);
        pseudonym = new Pseudonym(definition!.Kind, version, hash);
        return true;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out Pseudonym, out PseudonymError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out Pseudonym pseudonym) =>
        TryParse(text.AsSpan(), out pseudonym, out _);

    /// <summary>Copies the 32 hash bytes to <paramref name="destination"/>.</summary>
    public void CopyHashTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashLength);
        _hash.Write(destination);
    }

    public bool Equals(Pseudonym other) => Kind == other.Kind && KeyVersion == other.KeyVersion && _hash == other._hash;

    public override bool Equals(object? obj) => obj is Pseudonym other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, KeyVersion, _hash);

    /// <summary>The text form, e.g. <c>p1.3.</c>+43 characters; empty for a default instance.</summary>
    public override string ToString() => Kind == 0 ? string.Empty : PseudonymCodec.Format32(Tag, KeyVersion, _hash);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (Kind == 0)
        {
            charsWritten = 0;
            return true;
        }

        if (destination.Length < MaxTextLength)
        {
            Span<char> buffer = stackalloc char[MaxTextLength];
            var length = PseudonymCodec.FormatTo(Tag, KeyVersion, _hash, buffer);
            charsWritten = buffer[..length].TryCopyTo(destination) ? length : 0;
            return charsWritten == length;
        }

        charsWritten = PseudonymCodec.FormatTo(Tag, KeyVersion, _hash, destination);
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// A subject as one partner sees it: HMAC-SHA256(partner key, tag ‖ hub pseudonym hash), written
/// <c>s1.&lt;keyversion&gt;.&lt;base64url&gt;</c>. Stable for that partner, unrelated for every other partner (see
/// <see cref="SubjectReferenceDeriver"/>). The key version is that of the domain key set whose reference secret
/// derived the partner key.
/// </summary>
public readonly struct SubjectReference : IEquatable<SubjectReference>
{
    /// <summary>The tag of subject references.</summary>
    public const char Tag = 's';

    private readonly HashBytes _hash;

    public SubjectReference(int keyVersion, ReadOnlySpan<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyVersion, 1);
        KeyVersion = keyVersion;
        _hash = HashBytes.Read(hash);
    }

    private SubjectReference(int keyVersion, HashBytes hash)
    {
        KeyVersion = keyVersion;
        _hash = hash;
    }

    public int KeyVersion { get; }

    public static bool operator ==(SubjectReference left, SubjectReference right) => left.Equals(right);

    public static bool operator !=(SubjectReference left, SubjectReference right) => !left.Equals(right);

    /// <summary>Parses <c>s1.&lt;keyversion&gt;.&lt;base64url&gt;</c>; never throws on input.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SubjectReference reference, out PseudonymError error)
    {
        error = PseudonymCodec.TryParse(text, static t => t == Tag, out _, out var version, out var hash);
        reference = error == PseudonymError.None ? new SubjectReference(version, hash) : default;
        return error == PseudonymError.None;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out SubjectReference reference) =>
        TryParse(text.AsSpan(), out reference, out _);

    public void CopyHashTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashBytes.Length);
        _hash.Write(destination);
    }

    public bool Equals(SubjectReference other) => KeyVersion == other.KeyVersion && _hash == other._hash;

    public override bool Equals(object? obj) => obj is SubjectReference other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(KeyVersion, _hash);

    public override string ToString() => KeyVersion == 0 ? string.Empty : PseudonymCodec.Format32(Tag, KeyVersion, _hash);
}

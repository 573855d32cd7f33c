using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SharingHub.Pseudonymisation.Linkage.Exact;

/// <summary>
/// A 32-byte keyed pseudonym (an HMAC-SHA256 output) as four 64-bit words, so joins compare and hash it as a
/// struct, never as a string. The default value means "absent". Printing shows no content.
/// </summary>
[DebuggerDisplay("Pseudonym32 (redacted)")]
public readonly struct Pseudonym32 : IEquatable<Pseudonym32>
{
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Reads a pseudonym from its 32 bytes.</summary>
    public Pseudonym32(ReadOnlySpan<byte> bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(bytes.Length, 32, nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
    }

    /// <summary>Builds a pseudonym from its four words.</summary>
    public Pseudonym32(ulong a, ulong b, ulong c, ulong d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
    }

    /// <summary>True for the default ("absent") value.</summary>
    public bool IsEmpty => (_a | _b | _c | _d) == 0;

    /// <summary>Compares two pseudonyms.</summary>
    public static bool operator ==(Pseudonym32 left, Pseudonym32 right) => left.Equals(right);

    /// <summary>Compares two pseudonyms.</summary>
    public static bool operator !=(Pseudonym32 left, Pseudonym32 right) => !left.Equals(right);

    /// <summary>Writes the 32 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _a);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _d);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(Pseudonym32 other) =>
        ((_a ^ other._a) | (_b ^ other._b) | (_c ^ other._c) | (_d ^ other._d)) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Pseudonym32 other && Equals(other);

    /// <summary>The first word: the value is already a keyed hash, so its bits are uniform.</summary>
    public override int GetHashCode() => (int)(_a ^ (_a >> 32));

    /// <inheritdoc />
    public override string ToString() => "Pseudonym32 (redacted)";
}

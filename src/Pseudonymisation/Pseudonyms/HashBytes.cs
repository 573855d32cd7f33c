using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>32 hash bytes held by value (four 64-bit words), so pseudonyms compare and hash without allocating.</summary>
internal readonly record struct HashBytes(ulong W0, ulong W1, ulong W2, ulong W3)
{
    public const int Length = 32;

    public static HashBytes Read(ReadOnlySpan<byte> source)
    {
        if (source.Length != Length)
        {
            throw new ArgumentException("A pseudonym hash is exactly 32 bytes.", nameof(source));
        }

        return new HashBytes(
            BinaryPrimitives.ReadUInt64LittleEndian(source),
            BinaryPrimitives.ReadUInt64LittleEndian(source[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[24..]));
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, W0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], W1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], W2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], W3);
    }

    /// <summary>Constant-time comparison with <paramref name="other"/>.</summary>
    public bool FixedTimeEquals(ReadOnlySpan<byte> other)
    {
        Span<byte> mine = stackalloc byte[Length];
        Write(mine);
        return CryptographicOperations.FixedTimeEquals(mine, other);
    }
}

using System.Security.Cryptography;

namespace SharingHub.Hub.Audit.Merkle;

/// <summary>RFC 6962 §2.1 hashing: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right).</summary>
public static class Rfc6962
{
    public const int HashSize = 32;

    /// <summary>MTH of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The byte in front of a leaf's data (and 0x01 in front of a node's children).</summary>
    public const byte LeafPrefix = 0x00;

    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashSize];
        HashLeaf(data, hash);
        return hash;
    }

    public static void HashLeaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var length = data.Length + 1;
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        Span<byte> input = rented is null ? stackalloc byte[1024] : rented;
        input[0] = LeafPrefix;
        data.CopyTo(input[1..]);
        SHA256.HashData(input[..length], destination);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The leaf hash of the data after the first byte of <paramref name="prefixedData"/>, which must be <see cref="LeafPrefix"/>.</summary>
    public static void HashPrefixedLeaf(ReadOnlySpan<byte> prefixedData, Span<byte> destination)
    {
        if (prefixedData.IsEmpty || prefixedData[0] != LeafPrefix)
        {
            throw new ArgumentException("Leaf data must start with the leaf prefix 0x00.", nameof(prefixedData));
        }

        SHA256.HashData(prefixedData, destination);
    }

    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        SHA256.HashData(buffer, destination);
    }

    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[HashSize];
        HashChildren(left, right, hash);
        return hash;
    }
}

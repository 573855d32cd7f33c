using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SharingHub.Hub.Audit.Storage;

/// <summary>A record ready to store: its canonical bytes, leaf hash and the subject lookup key.</summary>
internal readonly record struct PendingEntry(byte[] Record, byte[] LeafHash, long SubjectKey)
{
    /// <summary>
    /// The indexed lookup key of a subject: the first 8 bytes of SHA-256("audit-subject\n" ‖ id). An integer index is far
    /// cheaper to maintain than a text one; collisions are harmless because readers re-check the record's subject.
    /// </summary>
    public static long KeyOf(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var prefix = "audit-subject\n"u8;
        var length = checked(prefix.Length + Encoding.UTF8.GetByteCount(subjectId));
        var rented = length <= StackLimit ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var input = rented is null ? stackalloc byte[StackLimit] : rented;
            prefix.CopyTo(input);
            Encoding.UTF8.GetBytes(subjectId, input[prefix.Length..]);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(input[..length], hash);
            return BinaryPrimitives.ReadInt64BigEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private const int StackLimit = 256;
}

/// <summary>A stored log entry.</summary>
public sealed record StoredEntry(long Index, byte[] Record, byte[] LeafHash);

/// <summary>A stored signed checkpoint.</summary>
public sealed record StoredCheckpoint(long Size, byte[] Root, string Note, DateTimeOffset SignedAt);

/// <summary>The persisted signing key: public key and the DataProtection-protected private seed.</summary>
internal sealed record StoredSigningKey(string Name, byte[] PublicKey, byte[] ProtectedPrivateKey);

namespace SharingHub.Hub.Audit.Storage;

/// <summary>A record ready to store: its canonical bytes, leaf hash and the subject lookup key.</summary>
internal sealed record PendingEntry(byte[] Record, byte[] LeafHash, long SubjectKey)
{
    /// <summary>
    /// The indexed lookup key of a subject: the first 8 bytes of SHA-256("audit-subject\n" ‖ id). An integer index is far
    /// cheaper to maintain than a text one; collisions are harmless because readers re-check the record's subject.
    /// </summary>
    public static long KeyOf(string subjectId) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("audit-subject\n" + subjectId)));
}

/// <summary>A stored log entry.</summary>
public sealed record StoredEntry(long Index, byte[] Record, byte[] LeafHash);

/// <summary>A stored signed checkpoint.</summary>
public sealed record StoredCheckpoint(long Size, byte[] Root, string Note, DateTimeOffset SignedAt);

/// <summary>The persisted signing key: public key and the DataProtection-protected private seed.</summary>
internal sealed record StoredSigningKey(string Name, byte[] PublicKey, byte[] ProtectedPrivateKey);

namespace SharingHub.Hub.Audit.Storage;

/// <summary>A record ready to store: its canonical bytes, leaf hash and the two indexed columns.</summary>
internal sealed record PendingEntry(byte[] Record, byte[] LeafHash, string SubjectId, string Operation);

/// <summary>A stored log entry.</summary>
public sealed record StoredEntry(long Index, byte[] Record, byte[] LeafHash);

/// <summary>A stored signed checkpoint.</summary>
public sealed record StoredCheckpoint(long Size, byte[] Root, string Note, DateTimeOffset SignedAt);

/// <summary>The persisted signing key: public key and the DataProtection-protected private seed.</summary>
internal sealed record StoredSigningKey(string Name, byte[] PublicKey, byte[] ProtectedPrivateKey);

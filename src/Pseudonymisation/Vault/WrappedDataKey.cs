namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// A subject's data key as stored: wrapped (AES-256-GCM) by the master key <see cref="MasterKeyId"/>.
/// <see cref="Wrapped"/> is self-describing (magic "SHDK", version, master-key id, nonce, ciphertext, tag).
/// </summary>
public sealed record WrappedDataKey(string SubjectId, Guid DataKeyId, Guid MasterKeyId, DateTimeOffset CreatedAt, ReadOnlyMemory<byte> Wrapped)
{
    public override string ToString() =>
        $"WrappedDataKey {{ SubjectId = {SubjectId}, DataKeyId = {DataKeyId}, MasterKeyId = {MasterKeyId}, CreatedAt = {CreatedAt:O} }}";
}

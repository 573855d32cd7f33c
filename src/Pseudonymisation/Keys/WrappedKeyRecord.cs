namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// One key version of a domain as it is persisted: metadata in the clear, key material only as the
/// DataProtection-wrapped <see cref="WrappedKey"/> (purpose "SharingHub.Keys.v1" / domain).
/// </summary>
public sealed record WrappedKeyRecord(
    string Domain,
    int Version,
    Guid KeyId,
    KeyStatus Status,
    DateTimeOffset CreatedAt,
    ReadOnlyMemory<byte> WrappedKey)
{
    /// <summary>Metadata only; never the wrapped bytes.</summary>
    public override string ToString() =>
        $"WrappedKeyRecord {{ Domain = {Domain}, Version = {Version}, KeyId = {KeyId}, Status = {Status}, CreatedAt = {CreatedAt:O} }}";
}

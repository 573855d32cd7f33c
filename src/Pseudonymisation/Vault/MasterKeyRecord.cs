using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>A vault master key as stored: protected by DataProtection (purpose "SharingHub.Vault.v1").</summary>
public sealed record MasterKeyRecord(Guid MasterKeyId, KeyStatus Status, DateTimeOffset CreatedAt, ReadOnlyMemory<byte> Protected)
{
    public override string ToString() =>
        $"MasterKeyRecord {{ MasterKeyId = {MasterKeyId}, Status = {Status}, CreatedAt = {CreatedAt:O} }}";
}

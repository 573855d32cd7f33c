namespace SharingHub.Pseudonymisation.Keys;

/// <summary>What may be shown about a key version: never its material.</summary>
public sealed record DomainKeyInfo(string Domain, int Version, Guid KeyId, KeyStatus Status, DateTimeOffset CreatedAt);

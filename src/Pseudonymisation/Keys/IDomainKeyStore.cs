namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// Persists the wrapped key records of a domain. Implementations hold only what <see cref="WrappedKeyRecord"/>
/// holds: metadata and DataProtection-wrapped bytes, never raw key material.
/// </summary>
public interface IDomainKeyStore
{
    /// <summary>All records of <paramref name="domain"/>, or an empty list when it has none.</summary>
    Task<IReadOnlyList<WrappedKeyRecord>> LoadAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Replaces the records of <paramref name="domain"/> with <paramref name="records"/>, atomically.</summary>
    Task SaveAsync(string domain, IReadOnlyList<WrappedKeyRecord> records, CancellationToken cancellationToken = default);
}

namespace SharingHub.Hub.Documents;

/// <summary>
/// Stores opaque documents (scrubbed text, encrypted originals, published checkpoints) by name.
/// Names are <see cref="DocumentName"/>s: segments of [A-Za-z0-9._-] joined by '/'. Implementations:
/// <see cref="FileDocumentStore"/> (default) and <see cref="AzureBlobDocumentStore"/>.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores (or replaces) a document. The stream is read to its end and not disposed.</summary>
    Task PutAsync(DocumentName name, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens a document for reading, or null when it does not exist. Dispose the result.</summary>
    Task<StoredDocument?> GetAsync(DocumentName name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document; false when it did not exist.</summary>
    Task<bool> DeleteAsync(DocumentName name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(DocumentName name, CancellationToken cancellationToken = default);

    /// <summary>Every document whose name starts with <paramref name="prefix"/> (plain string prefix), in ordinal name order.</summary>
    IAsyncEnumerable<DocumentInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached (used by /health/ready).</summary>
    Task CheckAvailableAsync(CancellationToken cancellationToken = default);
}

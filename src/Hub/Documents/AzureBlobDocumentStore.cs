using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SharingHub.Hub.Documents;

/// <summary>Documents as block blobs in one Azure Blob Storage container (created on first use).</summary>
public sealed class AzureBlobDocumentStore(BlobContainerClient container) : IDocumentStore
{
    private readonly BlobContainerClient _container = container ?? throw new ArgumentNullException(nameof(container));
    private volatile bool _containerReady;

    public async Task PutAsync(DocumentName name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await _container.GetBlobClient(name.Value).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredDocument?> GetAsync(DocumentName name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _container.GetBlobClient(name.Value).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var details = response.Value.Details;
            return new StoredDocument(name, response.Value.Content, details.ContentType, details.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(DocumentName name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _container.GetBlobClient(name.Value).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(DocumentName name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _container.GetBlobClient(name.Value).ExistsAsync(cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<DocumentInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!await ContainerExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield break;
        }

        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, cancellationToken);
        await foreach (var blob in pages.ConfigureAwait(false))
        {
            if (DocumentName.TryParse(blob.Name, out var name))
            {
                yield return new DocumentInfo(name.Value, blob.Properties.ContentType ?? "application/octet-stream", blob.Properties.ContentLength ?? 0);
            }
        }
    }

    public async Task CheckAvailableAsync(CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await _container.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ContainerExistsAsync(CancellationToken cancellationToken) =>
        _containerReady || (await _container.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _containerReady = true;
    }
}

using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SharingHub.Hub.KeyRing;

/// <summary>
/// Keeps the DataProtection key ring as one XML blob. Writes are read-modify-write with an ETag precondition,
/// retried on a concurrent change, so several hub instances can share the ring.
/// </summary>
public sealed class BlobXmlRepository(BlobClient blob) : IXmlRepository
{
    private const int MaxAttempts = 10;
    private static readonly XName RootName = "repository";
    private readonly BlobClient _blob = blob ?? throw new ArgumentNullException(nameof(blob));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var (document, _) = Read();
        return document.Root!.Elements().Select(e => new XElement(e)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var attempt = 1; ; attempt++)
        {
            var (document, etag) = Read();
            document.Root!.Add(new XElement(element));
            using var content = new MemoryStream();
            document.Save(content, SaveOptions.DisableFormatting);
            content.Position = 0;
            var conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                _blob.Upload(content, new BlobUploadOptions
                {
                    Conditions = conditions,
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
                });
                return;
            }
            catch (RequestFailedException e) when ((e.Status is 409 or 412) && attempt < MaxAttempts)
            {
                // Another instance wrote first: read again and retry.
            }
        }
    }

    private (XDocument Document, ETag? ETag) Read()
    {
        try
        {
            var response = _blob.DownloadContent();
            using var stream = response.Value.Content.ToStream();
            return (XDocument.Load(stream), response.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _blob.GetParentBlobContainerClient().CreateIfNotExists();
            return (new XDocument(new XElement(RootName)), null);
        }
    }
}

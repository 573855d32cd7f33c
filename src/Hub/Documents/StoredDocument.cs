namespace SharingHub.Hub.Documents;

/// <summary>An opened document: its content stream (owned by this object), content type and length.</summary>
public sealed class StoredDocument(DocumentName name, Stream content, string contentType, long length) : IAsyncDisposable, IDisposable
{
    public DocumentName Name { get; } = name;

    public Stream Content { get; } = content;

    public string ContentType { get; } = contentType;

    public long Length { get; } = length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}

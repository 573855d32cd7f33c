namespace SharingHub.Hub.Documents;

/// <summary>A document as listed: name, content type and length in bytes.</summary>
public sealed record DocumentInfo(DocumentName Name, string ContentType, long Length);

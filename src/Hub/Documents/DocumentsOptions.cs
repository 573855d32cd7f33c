namespace SharingHub.Hub.Documents;

/// <summary>Configuration section <c>Documents</c>.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary><see cref="DocumentsProvider.Files"/> (default) or <see cref="DocumentsProvider.AzureBlob"/>.</summary>
    public DocumentsProvider Provider { get; set; } = DocumentsProvider.Files;

    /// <summary>Files: the root directory; default <c>documents</c> under the data directory.</summary>
    public string? Directory { get; set; }

    /// <summary>AzureBlob: the storage connection string (or use <c>ConnectionStrings:Blobs</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>AzureBlob: the container for documents; default <c>documents</c>.</summary>
    public string Container { get; set; } = "documents";
}

public enum DocumentsProvider
{
    Files,
    AzureBlob,
}

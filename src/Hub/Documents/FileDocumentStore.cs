using System.Runtime.CompilerServices;
using System.Text;

namespace SharingHub.Hub.Documents;

/// <summary>
/// Documents as files under a root directory: content in <c>content/NAME</c>, content type in <c>types/NAME</c>.
/// Writes go to a temporary file first and are moved into place, so a reader never sees half a document.
/// </summary>
public sealed class FileDocumentStore : IDocumentStore
{
    private const string DefaultContentType = "application/octet-stream";
    private readonly string _contentRoot;
    private readonly string _typeRoot;
    private readonly string _tempRoot;

    public FileDocumentStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        _contentRoot = Path.Combine(root, "content");
        _typeRoot = Path.Combine(root, "types");
        _tempRoot = Path.Combine(root, "tmp");
        Directory.CreateDirectory(_contentRoot);
        Directory.CreateDirectory(_typeRoot);
        Directory.CreateDirectory(_tempRoot);
    }

    public async Task PutAsync(DocumentName name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var contentPath = PathIn(_contentRoot, name);
        var typePath = PathIn(_typeRoot, name);
        Directory.CreateDirectory(Path.GetDirectoryName(contentPath)!);
        Directory.CreateDirectory(Path.GetDirectoryName(typePath)!);
        var tempContent = Path.Combine(_tempRoot, Guid.NewGuid().ToString("N"));
        var tempType = tempContent + ".type";
        try
        {
            var file = new FileStream(tempContent, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            await File.WriteAllTextAsync(tempType, contentType, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            File.Move(tempType, typePath, overwrite: true);
            File.Move(tempContent, contentPath, overwrite: true);
        }
        finally
        {
            File.Delete(tempContent);
            File.Delete(tempType);
        }
    }

    public async Task<StoredDocument?> GetAsync(DocumentName name, CancellationToken cancellationToken = default)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(PathIn(_contentRoot, name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var contentType = await ReadTypeAsync(name, cancellationToken).ConfigureAwait(false);
        return new StoredDocument(name, stream, contentType, stream.Length);
    }

    public Task<bool> DeleteAsync(DocumentName name, CancellationToken cancellationToken = default)
    {
        var contentPath = PathIn(_contentRoot, name);
        var existed = File.Exists(contentPath);
        File.Delete(contentPath);
        File.Delete(PathIn(_typeRoot, name));
        return Task.FromResult(existed);
    }

    public Task<bool> ExistsAsync(DocumentName name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathIn(_contentRoot, name)));

    public async IAsyncEnumerable<DocumentInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var names = new List<(DocumentName Name, long Length)>();
        foreach (var file in Directory.EnumerateFiles(_contentRoot, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_contentRoot, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(prefix, StringComparison.Ordinal) && DocumentName.TryParse(relative, out var name))
            {
                names.Add((name.Value, new FileInfo(file).Length));
            }
        }

        names.Sort((a, b) => string.CompareOrdinal(a.Name.Value, b.Name.Value));
        foreach (var (name, length) in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new DocumentInfo(name, await ReadTypeAsync(name, cancellationToken).ConfigureAwait(false), length);
        }
    }

    public Task CheckAvailableAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_contentRoot))
        {
            throw new DirectoryNotFoundException("The document store's content directory is missing.");
        }

        return Task.CompletedTask;
    }

    private async Task<string> ReadTypeAsync(DocumentName name, CancellationToken cancellationToken)
    {
        try
        {
            var type = await File.ReadAllTextAsync(PathIn(_typeRoot, name), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            return type.Length > 0 ? type : DefaultContentType;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return DefaultContentType;
        }
    }

    private static string PathIn(string root, DocumentName name)
    {
        // DocumentName already forbids "..", absolute paths and separators other than '/'; this re-checks the result.
        var path = Path.GetFullPath(Path.Combine(root, name.Value.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The document name leaves the store's directory.", nameof(name));
        }

        return path;
    }
}

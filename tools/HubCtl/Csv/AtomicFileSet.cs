namespace SharingHub.HubCtl.Csv;

/// <summary>
/// Several files written together: each goes to its own temporary file, and only when all are complete does
/// <see cref="Commit"/> rename them into place. Disposing without committing deletes every temporary file, so a
/// failed command leaves no partial output.
/// </summary>
public sealed class AtomicFileSet : IDisposable
{
    private readonly List<AtomicFileWriter> _files = [];

    /// <summary>Starts a new file in the set and returns its writer.</summary>
    public TextWriter Create(string path)
    {
        var file = AtomicFileWriter.Create(path);
        _files.Add(file);
        return file.Writer;
    }

    public void Commit()
    {
        // Flush everything first: a late failure (disk full) must happen before any file is replaced.
        foreach (var file in _files)
        {
            file.Writer.Flush();
        }

        foreach (var file in _files)
        {
            file.Commit();
        }
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}

using System.Security.Cryptography;

namespace SharingHub.HubCtl.Csv;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial file: the
/// content goes to a hidden temporary file in the same directory, which <see cref="Commit"/> renames over the
/// target. Disposing without committing deletes the temporary file.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    private AtomicFileWriter(string path, string tempPath, FileStream stream)
    {
        TargetPath = path;
        TempPath = tempPath;
        _stream = stream;
        Writer = CsvFiles.CreateWriter(stream);
    }

    /// <summary>Where the file ends up on <see cref="Commit"/>.</summary>
    public string TargetPath { get; }

    /// <summary>The temporary file being written.</summary>
    public string TempPath { get; }

    /// <summary>UTF-8 (no BOM) writer for the content.</summary>
    public TextWriter Writer { get; }

    /// <summary>Starts writing <paramref name="path"/>. The directory must exist.</summary>
    /// <exception cref="IOException">The temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static AtomicFileWriter Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException("The path has no directory.", nameof(path));
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        return new AtomicFileWriter(full, temp, stream);
    }

    /// <summary>Writes the whole file with <paramref name="write"/> and commits; on any exception nothing is left behind.</summary>
    public static void WriteAll(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        write(file.Writer);
        file.Commit();
    }

    /// <summary>Flushes the content to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }

        Writer.Flush();
        _stream.Flush(flushToDisk: true);
        Writer.Dispose();
        File.Move(TempPath, TargetPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_committed)
        {
            return;
        }

        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // The content is discarded anyway (e.g. the disk is full); deleting the temp file is what matters.
        }
        finally
        {
            _stream.Dispose();
            File.Delete(TempPath);
        }
    }
}

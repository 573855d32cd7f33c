namespace SharingHub.Pseudonymisation.Keys;

/// <summary>Writes a file atomically: a temporary file (mode 0600) in the same directory, flushed, then renamed onto the target.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> contents, CancellationToken cancellationToken) =>
        await WriteAsync(path, contents, overwrite: true, cancellationToken).ConfigureAwait(false);

    /// <summary>False when <paramref name="overwrite"/> is false and the target exists (nothing is written then).</summary>
    public static async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> contents, bool overwrite, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, PrivateFileOptions(FileMode.CreateNew));
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(contents, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (!overwrite && File.Exists(path))
            {
                File.Delete(temp);
                return false;
            }

            File.Move(temp, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Options that create a file readable and writable by its owner only (0600) on Unix.</summary>
    public static FileStreamOptions PrivateFileOptions(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}

using System.Text;

namespace SharingHub.HubCtl.Csv;

/// <summary>Opening CSV files for reading and writing as strict UTF-8.</summary>
public static class CsvFiles
{
    /// <summary>UTF-8 without a byte-order mark; invalid bytes throw (the reader turns that into SH9110).</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int BufferSize = 1 << 16;

    /// <summary>Opens <paramref name="path"/> for reading, or returns an SH9100 error if it cannot be opened.</summary>
    public static TextReader? TryOpenText(string path, out CsvError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
            error = null;
            return new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, BufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = new CsvError(CsvErrorCodes.FileUnreadable, 0, 0, $"cannot open '{path}': {ex.GetType().Name}");
            return null;
        }
    }

    /// <summary>A buffered UTF-8 (no BOM) writer over <paramref name="stream"/>.</summary>
    public static StreamWriter CreateWriter(Stream stream) => new(stream, Utf8, BufferSize) { NewLine = "\n" };

    internal static CsvRecordReader<T> OpenFile<T>(string path, Func<TextReader, bool, CsvRecordReader<T>> open)
        where T : class
    {
        var reader = TryOpenText(path, out var error);
        return reader is null ? CsvRecordReader<T>.Failed(error!) : open(reader, true);
    }
}

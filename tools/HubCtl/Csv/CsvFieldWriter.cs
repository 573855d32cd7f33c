using System.Buffers;

namespace SharingHub.HubCtl.Csv;

/// <summary>Writes RFC 4180 fields: quoted (with doubled quotes) only when needed. Rows end with LF.</summary>
internal static class CsvFieldWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static void WriteRow(TextWriter writer, ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write('\n');
    }

    public static void WriteField(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var span = value.AsSpan();
        var quote = span.ContainsAny(NeedsQuotes) || span[0] == ' ' || span[^1] == ' ' || span[0] == '\uFEFF';
        if (!quote)
        {
            writer.Write(span);
            return;
        }

        writer.Write('"');
        while (true)
        {
            var q = span.IndexOf('"');
            if (q < 0)
            {
                writer.Write(span);
                break;
            }

            writer.Write(span[..(q + 1)]);
            writer.Write('"');
            span = span[(q + 1)..];
        }

        writer.Write('"');
    }
}

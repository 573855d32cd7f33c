using System.Globalization;

namespace SharingHub.HubCtl.Csv;

/// <summary>
/// A link between a left and a right record. <paramref name="Score"/> is in [0, 1]; <paramref name="Reason"/> names
/// the match key or comparison that decided it (e.g. <c>bsn</c>, <c>name+dob</c>, <c>fuzzy:0.93</c>).
/// </summary>
public sealed record LinkRecord(string LeftId, string RightId, double Score, string Reason);

/// <summary>Links CSV: <c>left_id,right_id,score,reason</c>; ids required, score an invariant-culture number in [0, 1].</summary>
public static class LinksCsv
{
    private static readonly string[] ColumnNames = ["left_id", "right_id", "score", "reason"];

    /// <summary>The columns, in the order the writer emits them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ColumnNames;

    public static CsvRecordReader<LinkRecord> OpenReader(TextReader reader, bool ownsReader = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvRecordReader<LinkRecord>(reader, ownsReader, ColumnNames, Map, uniqueFirstColumn: false);
    }

    public static CsvRecordReader<LinkRecord> OpenReader(string path) => CsvFiles.OpenFile(path, OpenReader);

    public static CsvReadResult<LinkRecord> Read(TextReader reader)
    {
        using var records = OpenReader(reader);
        return records.ReadToEnd();
    }

    public static CsvReadResult<LinkRecord> ReadAll(string path)
    {
        using var records = OpenReader(path);
        return records.ReadToEnd();
    }

    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvFieldWriter.WriteRow(writer, ColumnNames);
    }

    /// <summary>Writes one link; the score is written in invariant culture, shortest round-trip form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is NaN or outside [0, 1] (a programming error).</exception>
    public static void WriteRecord(TextWriter writer, LinkRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        if (!IsValidScore(record.Score))
        {
            throw new ArgumentOutOfRangeException(nameof(record), "A link score must be a number in [0, 1].");
        }

        CsvFieldWriter.WriteRow(writer, [record.LeftId, record.RightId, FormatScore(record.Score), record.Reason]);
    }

    public static void Write(TextWriter writer, IEnumerable<LinkRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        WriteHeader(writer);
        foreach (var record in records)
        {
            WriteRecord(writer, record);
        }
    }

    public static string FormatScore(double score) => score.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsValidScore(double score) => score is >= 0 and <= 1;

    private static (LinkRecord?, CsvError?) Map(CsvTableReader row)
    {
        var left = row.Get(0);
        var right = row.Get(1);
        if (left.Length == 0 || right.Length == 0)
        {
            var column = left.Length == 0 ? "left_id" : "right_id";
            return (null, row.RowError(CsvErrorCodes.EmptyRequiredField, $"data row {row.RowNumber} (line {row.Line}) has an empty {column}"));
        }

        if (!double.TryParse(row.GetSpan(2).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !IsValidScore(score))
        {
            return (null, row.RowError(CsvErrorCodes.InvalidScore, $"data row {row.RowNumber} (line {row.Line}) has a score that is not a number in [0, 1]"));
        }

        return (new LinkRecord(left, right, score, row.Get(3)), null);
    }
}

namespace SharingHub.HubCtl.Csv;

/// <summary>Which real entity a record belongs to (the answer key of synthetic data).</summary>
public sealed record TruthRecord(string RecordId, string EntityId);

/// <summary>Truth CSV: <c>record_id,entity_id</c>; both required, record_id unique.</summary>
public static class TruthCsv
{
    private static readonly string[] ColumnNames = ["record_id", "entity_id"];

    /// <summary>The columns, in the order the writer emits them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ColumnNames;

    public static CsvRecordReader<TruthRecord> OpenReader(TextReader reader, bool ownsReader = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvRecordReader<TruthRecord>(reader, ownsReader, ColumnNames, Map, uniqueFirstColumn: true);
    }

    public static CsvRecordReader<TruthRecord> OpenReader(string path) => CsvFiles.OpenFile(path, OpenReader);

    public static CsvReadResult<TruthRecord> Read(TextReader reader)
    {
        using var records = OpenReader(reader);
        return records.ReadToEnd();
    }

    public static CsvReadResult<TruthRecord> ReadAll(string path)
    {
        using var records = OpenReader(path);
        return records.ReadToEnd();
    }

    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvFieldWriter.WriteRow(writer, ColumnNames);
    }

    public static void WriteRecord(TextWriter writer, TruthRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        CsvFieldWriter.WriteRow(writer, [record.RecordId, record.EntityId]);
    }

    public static void Write(TextWriter writer, IEnumerable<TruthRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        WriteHeader(writer);
        foreach (var record in records)
        {
            WriteRecord(writer, record);
        }
    }

    private static (TruthRecord?, CsvError?) Map(CsvTableReader row)
    {
        var id = row.Get(0);
        var entity = row.Get(1);
        if (id.Length == 0 || entity.Length == 0)
        {
            var column = id.Length == 0 ? "record_id" : "entity_id";
            return (null, row.RowError(CsvErrorCodes.EmptyRequiredField, $"data row {row.RowNumber} (line {row.Line}) has an empty {column}"));
        }

        return (new TruthRecord(id, entity), null);
    }
}

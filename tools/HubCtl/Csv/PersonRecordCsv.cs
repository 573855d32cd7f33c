namespace SharingHub.HubCtl.Csv;

/// <summary>
/// The person record CSV contract (shared/ARCHITECTURE.md): UTF-8, header row, RFC 4180 quoting, the columns in
/// <see cref="Columns"/>. Reading finds columns by name and ignores unknown ones; record_id must be non-empty and
/// unique; every other field may be empty.
/// </summary>
public static class PersonRecordCsv
{
    private static readonly string[] ColumnNames =
    [
        "record_id", "bsn", "given_names", "surname_prefix", "surname", "date_of_birth", "gender",
        "street", "house_number", "house_number_suffix", "postcode", "city", "phone", "email",
    ];

    /// <summary>The columns, in the order the writer emits them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ColumnNames;

    /// <summary>Streams records from <paramref name="reader"/>; disposes it only when <paramref name="ownsReader"/>.</summary>
    public static CsvRecordReader<PersonRecord> OpenReader(TextReader reader, bool ownsReader = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvRecordReader<PersonRecord>(reader, ownsReader, ColumnNames, Map, uniqueFirstColumn: true);
    }

    /// <summary>Streams records from the file at <paramref name="path"/> (an unreadable file gives SH9100 on the first read).</summary>
    public static CsvRecordReader<PersonRecord> OpenReader(string path) => CsvFiles.OpenFile(path, OpenReader);

    public static CsvReadResult<PersonRecord> Read(TextReader reader)
    {
        using var records = OpenReader(reader);
        return records.ReadToEnd();
    }

    public static CsvReadResult<PersonRecord> ReadAll(string path)
    {
        using var records = OpenReader(path);
        return records.ReadToEnd();
    }

    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvFieldWriter.WriteRow(writer, ColumnNames);
    }

    public static void WriteRecord(TextWriter writer, PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        CsvFieldWriter.WriteRow(writer,
        [
            record.RecordId, record.Bsn, record.GivenNames, record.SurnamePrefix, record.Surname, record.DateOfBirth,
            record.Gender, record.Street, record.HouseNumber, record.HouseNumberSuffix, record.Postcode, record.City,
            record.Phone, record.Email,
        ]);
    }

    /// <summary>Writes the header and every record.</summary>
    public static void Write(TextWriter writer, IEnumerable<PersonRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        WriteHeader(writer);
        foreach (var record in records)
        {
            WriteRecord(writer, record);
        }
    }

    private static (PersonRecord?, CsvError?) Map(CsvTableReader row)
    {
        var id = row.Get(0);
        if (id.Length == 0)
        {
            return (null, row.RowError(CsvErrorCodes.EmptyRequiredField, $"data row {row.RowNumber} (line {row.Line}) has an empty record_id"));
        }

        return (new PersonRecord
        {
            RecordId = id,
            Bsn = row.Get(1),
            GivenNames = row.Get(2),
            SurnamePrefix = row.GetPooled(3),
            Surname = row.Get(4),
            DateOfBirth = row.Get(5),
            Gender = row.GetPooled(6),
            Street = row.Get(7),
            HouseNumber = row.GetPooled(8),
            HouseNumberSuffix = row.GetPooled(9),
            Postcode = row.Get(10),
            City = row.GetPooled(11),
            Phone = row.Get(12),
            Email = row.Get(13),
        }, null);
    }
}

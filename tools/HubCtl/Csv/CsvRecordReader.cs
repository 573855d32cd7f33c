using System.Diagnostics.CodeAnalysis;

namespace SharingHub.HubCtl.Csv;

/// <summary>
/// Streaming reader of typed records: call <see cref="TryRead"/> until it returns false, then check
/// <see cref="Error"/>. Only the current row is held in memory (plus the set of ids when they must be unique).
/// Obtain one from <see cref="PersonRecordCsv.OpenReader(TextReader)"/>, <see cref="TruthCsv.OpenReader"/> or
/// <see cref="LinksCsv.OpenReader"/>.
/// </summary>
public sealed class CsvRecordReader<T> : IDisposable
    where T : class
{
    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly CsvTableReader _table;
    private readonly Func<CsvTableReader, (T? Record, CsvError? Error)> _map;
    private readonly Dictionary<string, long>? _ids;
    private bool _done;

    internal CsvRecordReader(
        TextReader reader,
        bool ownsReader,
        string[] columns,
        Func<CsvTableReader, (T? Record, CsvError? Error)> map,
        bool uniqueFirstColumn)
    {
        _reader = reader;
        _ownsReader = ownsReader;
        _table = new CsvTableReader(reader, columns);
        _map = map;
        _ids = uniqueFirstColumn ? new Dictionary<string, long>(StringComparer.Ordinal) : null;
    }

    private CsvRecordReader(CsvError error)
    {
        _reader = TextReader.Null;
        _table = new CsvTableReader(TextReader.Null, []);
        _map = _ => (null, null);
        Error = error;
        _done = true;
    }

    /// <summary>The error that stopped reading, or null.</summary>
    public CsvError? Error { get; private set; }

    /// <summary>Data rows read so far (1-based number of the current row).</summary>
    public long RowNumber => _table.RowNumber;

    public bool TryRead([NotNullWhen(true)] out T? record)
    {
        record = null;
        if (_done)
        {
            return false;
        }

        if (!_table.TryReadRow(out var error))
        {
            return Stop(error);
        }

        var (mapped, mapError) = _map(_table);
        if (mapError is not null)
        {
            return Stop(mapError);
        }

        if (_ids is not null)
        {
            var id = _table.Get(0);
            if (!_ids.TryAdd(id, _table.RowNumber))
            {
                return Stop(_table.RowError(
                    CsvErrorCodes.DuplicateId,
                    $"data row {_table.RowNumber} (line {_table.Line}) repeats the id of data row {_ids[id]}"));
            }
        }

        record = mapped!;
        return true;
    }

    /// <summary>Reads every remaining record into a list.</summary>
    public CsvReadResult<T> ReadToEnd()
    {
        var records = new List<T>();
        while (TryRead(out var record))
        {
            records.Add(record);
        }

        return Error is null ? new CsvReadResult<T>(records) : new CsvReadResult<T>(Error);
    }

    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    internal static CsvRecordReader<T> Failed(CsvError error) => new(error);

    private bool Stop(CsvError? error)
    {
        _done = true;
        Error = error;
        return false;
    }
}

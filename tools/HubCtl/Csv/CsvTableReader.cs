namespace SharingHub.HubCtl.Csv;

/// <summary>
/// Reads a CSV file with a header row against a fixed list of required columns. Columns are found by name
/// (ordinal, case-insensitive, surrounding spaces ignored), in any order; unknown columns are ignored. Every
/// problem becomes a <see cref="CsvError"/> with row and line numbers and no field content.
/// </summary>
internal sealed class CsvTableReader
{
    private readonly CsvTokenizer _tokenizer;
    private readonly string[] _columns;
    private readonly int[] _map;
    private int _headerFieldCount;
    private bool _headerRead;

    private const int MaxPooledLength = 32;
    private const int MaxPoolSize = 8192;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public CsvTableReader(TextReader reader, string[] columns)
    {
        _tokenizer = new CsvTokenizer(reader);
        _columns = columns;
        _map = new int[columns.Length];
    }

    /// <summary>1-based data row of the current row (0 while on the header).</summary>
    public long RowNumber { get; private set; }

    /// <summary>1-based physical line on which the current row starts.</summary>
    public long Line => _tokenizer.RowStartLine;

    /// <summary>The value of required column <paramref name="column"/> (index into the column list) in the current row.</summary>
    public string Get(int column) => _tokenizer.FieldString(_map[column]);

    public ReadOnlySpan<char> GetSpan(int column) => _tokenizer.Field(_map[column]);

    /// <summary>
    /// Like <see cref="Get"/>, but returns one shared instance for values that repeat (cities, genders,
    /// tussenvoegsels, house numbers), so a million records do not hold a million copies of "Amsterdam". The pool
    /// is capped: a file of unique values costs one failed lookup per field, nothing more.
    /// </summary>
    public string GetPooled(int column)
    {
        var span = _tokenizer.Field(_map[column]);
        if (span.IsEmpty)
        {
            return string.Empty;
        }

        if (span.Length > MaxPooledLength)
        {
            return new string(span);
        }

        var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var pooled))
        {
            return pooled;
        }

        var value = new string(span);
        if (_pool.Count < MaxPoolSize)
        {
            _pool[value] = value;
        }

        return value;
    }

    public CsvError RowError(string code, string message) => new(code, RowNumber, Line, message);

    /// <summary>Moves to the next data row. Returns false at the end of the file or on an error (then <paramref name="error"/> is set).</summary>
    public bool TryReadRow(out CsvError? error)
    {
        if (!_headerRead)
        {
            _headerRead = true;
            error = ReadHeader();
            if (error is not null)
            {
                return false;
            }
        }

        var status = _tokenizer.ReadRow();
        if (status == CsvTokenStatus.End)
        {
            error = null;
            return false;
        }

        RowNumber++;
        if (status != CsvTokenStatus.Row)
        {
            error = TokenError(status, RowNumber);
            return false;
        }

        if (_tokenizer.FieldCount != _headerFieldCount)
        {
            error = RowError(
                CsvErrorCodes.WrongFieldCount,
                $"data row {RowNumber} (line {Line}) has {_tokenizer.FieldCount} fields; the header has {_headerFieldCount}");
            return false;
        }

        error = null;
        return true;
    }

    private CsvError? ReadHeader()
    {
        var status = _tokenizer.ReadRow();
        if (status == CsvTokenStatus.End)
        {
            return new CsvError(CsvErrorCodes.MissingHeader, 0, 1, $"the file is empty; expected a header row: {string.Join(',', _columns)}");
        }

        if (status != CsvTokenStatus.Row)
        {
            return TokenError(status, 0);
        }

        _headerFieldCount = _tokenizer.FieldCount;
        Array.Fill(_map, -1);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _tokenizer.FieldCount; i++)
        {
            var name = _tokenizer.Field(i).Trim().ToString();
            if (!seen.Add(name))
            {
                // Duplicate unknown columns are harmless; a duplicate required column is ambiguous.
                if (IndexOfColumn(name) >= 0)
                {
                    return new CsvError(CsvErrorCodes.DuplicateColumn, 0, _tokenizer.RowStartLine, $"the header names column '{name}' twice");
                }

                continue;
            }

            var index = IndexOfColumn(name);
            if (index >= 0)
            {
                _map[index] = i;
            }
        }

        var missing = _columns.Where((_, i) => _map[i] < 0).ToArray();
        if (missing.Length > 0)
        {
            return new CsvError(
                CsvErrorCodes.MissingColumn,
                0,
                _tokenizer.RowStartLine,
                $"the header lacks required column(s): {string.Join(", ", missing)}");
        }

        return null;
    }

    private int IndexOfColumn(string name)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(_columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private CsvError TokenError(CsvTokenStatus status, long row)
    {
        var where = row == 0 ? "the header" : $"data row {row}";
        return status switch
        {
            CsvTokenStatus.UnterminatedQuote => new CsvError(
                CsvErrorCodes.UnterminatedQuote, row, _tokenizer.RowStartLine, $"{where} (line {_tokenizer.RowStartLine}) has a quoted field that is never closed"),
            CsvTokenStatus.MisplacedQuote => new CsvError(
                CsvErrorCodes.MisplacedQuote, row, _tokenizer.RowStartLine, $"{where} (line {_tokenizer.RowStartLine}) has a quote inside an unquoted field or text after a closing quote (line {_tokenizer.CurrentLine})"),
            CsvTokenStatus.RecordTooLong => new CsvError(
                CsvErrorCodes.RecordTooLong, row, _tokenizer.RowStartLine, $"{where} (line {_tokenizer.RowStartLine}) is longer than {CsvLimits.MaxRecordChars} characters (is a quote left open?)"),
            CsvTokenStatus.InvalidEncoding => new CsvError(
                CsvErrorCodes.InvalidEncoding, row, _tokenizer.RowStartLine, $"the file is not valid UTF-8 (near line {_tokenizer.CurrentLine})"),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }
}

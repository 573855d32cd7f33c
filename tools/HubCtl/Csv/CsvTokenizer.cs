using System.Text;

namespace SharingHub.HubCtl.Csv;

/// <summary>
/// RFC 4180 tokenizer over a <see cref="TextReader"/>: reads one row at a time into a reusable character buffer,
/// so a million-row file costs no more memory than its longest row. Accepts LF, CRLF and lone CR line ends,
/// skips blank lines, and reports malformed input as an error code instead of throwing.
/// </summary>
internal sealed class CsvTokenizer
{
    private const int BufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[BufferSize];
    private int _position;
    private int _length;
    private bool _endOfInput;
    private bool _atStart = true;

    private char[] _chars = new char[256];
    private int _charCount;
    private int[] _fieldEnds = new int[16];

    public CsvTokenizer(TextReader reader)
    {
        _reader = reader;
    }

    /// <summary>Number of fields in the current row.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based physical line on which the current row starts.</summary>
    public long RowStartLine { get; private set; }

    /// <summary>1-based physical line the tokenizer is on.</summary>
    public long CurrentLine { get; private set; } = 1;

    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : _fieldEnds[index - 1];
        return _chars.AsSpan(start, _fieldEnds[index] - start);
    }

    public string FieldString(int index)
    {
        var span = Field(index);
        return span.IsEmpty ? string.Empty : new string(span);
    }

    /// <summary>Reads the next non-blank row. Returns <see cref="CsvTokenStatus.Row"/>, End, or an error status.</summary>
    public CsvTokenStatus ReadRow()
    {
        try
        {
            return ReadRowCore();
        }
        catch (DecoderFallbackException)
        {
            return CsvTokenStatus.InvalidEncoding;
        }
    }

    private CsvTokenStatus ReadRowCore()
    {
        FieldCount = 0;
        _charCount = 0;

        // Skip blank lines (and a UTF-8 byte-order mark at the very start).
        while (true)
        {
            var c = Peek();
            if (c < 0)
            {
                return CsvTokenStatus.End;
            }

            if (_atStart)
            {
                _atStart = false;
                if (c == '\uFEFF')
                {
                    _position++;
                    continue;
                }
            }

            if (c == '\n' || c == '\r')
            {
                ConsumeLineEnd();
                continue;
            }

            break;
        }

        RowStartLine = CurrentLine;
        while (true)
        {
            var status = ReadField(out var endOfRow);
            if (status != CsvTokenStatus.Row)
            {
                return status;
            }

            EndField();
            if (endOfRow)
            {
                return CsvTokenStatus.Row;
            }
        }
    }

    private CsvTokenStatus ReadField(out bool endOfRow)
    {
        endOfRow = false;
        var c = Peek();
        if (c == '"')
        {
            _position++;
            return ReadQuotedField(out endOfRow);
        }

        while (true)
        {
            if (_position >= _length && !Fill())
            {
                endOfRow = true;
                return CsvTokenStatus.Row;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(SpecialChars.Unquoted);
            var take = stop < 0 ? span.Length : stop;
            if (!Append(span[..take]))
            {
                return CsvTokenStatus.RecordTooLong;
            }

            _position += take;
            if (stop < 0)
            {
                continue;
            }

            var special = span[stop];
            switch (special)
            {
                case ',':
                    _position++;
                    return CsvTokenStatus.Row;
                case '"':
                    return CsvTokenStatus.MisplacedQuote;
                default:
                    ConsumeLineEnd();
                    endOfRow = true;
                    return CsvTokenStatus.Row;
            }
        }
    }

    private CsvTokenStatus ReadQuotedField(out bool endOfRow)
    {
        endOfRow = false;
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                return CsvTokenStatus.UnterminatedQuote;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(SpecialChars.Quoted);
            var take = stop < 0 ? span.Length : stop;
            if (!Append(span[..take]))
            {
                return CsvTokenStatus.RecordTooLong;
            }

            _position += take;
            if (stop < 0)
            {
                continue;
            }

            var special = span[stop];
            _position++;
            if (special == '\n')
            {
                CurrentLine++;
                if (!Append("\n"))
                {
                    return CsvTokenStatus.RecordTooLong;
                }

                continue;
            }

            if (special == '\r')
            {
                if (Peek() != '\n')
                {
                    CurrentLine++;
                }

                if (!Append("\r"))
                {
                    return CsvTokenStatus.RecordTooLong;
                }

                continue;
            }

            // A quote: either an escaped quote ("") or the end of the field.
            var next = Peek();
            if (next == '"')
            {
                _position++;
                if (!Append("\""))
                {
                    return CsvTokenStatus.RecordTooLong;
                }

                continue;
            }

            switch (next)
            {
                case < 0:
                    endOfRow = true;
                    return CsvTokenStatus.Row;
                case ',':
                    _position++;
                    return CsvTokenStatus.Row;
                case '\r' or '\n':
                    ConsumeLineEnd();
                    endOfRow = true;
                    return CsvTokenStatus.Row;
                default:
                    return CsvTokenStatus.MisplacedQuote;
            }
        }
    }

    private void EndField()
    {
        if (FieldCount == _fieldEnds.Length)
        {
            Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
        }

        _fieldEnds[FieldCount++] = _charCount;
    }

    private bool Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        var needed = _charCount + text.Length;
        if (needed > CsvLimits.MaxRecordChars)
        {
            return false;
        }

        if (needed > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Min(CsvLimits.MaxRecordChars, Math.Max(needed, _chars.Length * 2)));
        }

        text.CopyTo(_chars.AsSpan(_charCount));
        _charCount = needed;
        return true;
    }

    /// <summary>Consumes one line end (LF, CRLF or a lone CR) at the current position.</summary>
    private void ConsumeLineEnd()
    {
        var c = Peek();
        _position++;
        CurrentLine++;
        if (c == '\r' && Peek() == '\n')
        {
            _position++;
        }
    }

    private int Peek()
    {
        if (_position >= _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        if (_endOfInput)
        {
            return false;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (_length <= 0)
        {
            _length = 0;
            _endOfInput = true;
            return false;
        }

        return true;
    }

    private static class SpecialChars
    {
        public static readonly System.Buffers.SearchValues<char> Unquoted = System.Buffers.SearchValues.Create(",\"\r\n");
        public static readonly System.Buffers.SearchValues<char> Quoted = System.Buffers.SearchValues.Create("\"\r\n");
    }
}

internal enum CsvTokenStatus
{
    Row,
    End,
    UnterminatedQuote,
    MisplacedQuote,
    RecordTooLong,
    InvalidEncoding,
}

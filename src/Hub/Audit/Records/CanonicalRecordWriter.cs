using System.Buffers;
using System.Text;

namespace SharingHub.Hub.Audit.Records;

/// <summary>
/// Writes the canonical v1 bytes of a record straight into a byte buffer: the same bytes the <c>Utf8JsonWriter</c> form in
/// <see cref="AuditRecordSerializer"/> writes, because every member name, separator and literal is fixed and every string
/// is written verbatim. It writes only strings of <see cref="Verbatim"/> characters, which JSON writes unescaped; for any
/// other character it returns false and the caller uses the JSON writer (a subject text is not an <see cref="AuditId"/>, so
/// it is checked too). Tests pin that both forms agree byte for byte.
/// </summary>
internal static class CanonicalRecordWriter
{
    private static readonly SearchValues<char> Verbatim =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:/-_");

    // More than the members, separators, ids, times and literals add to a record's strings (about 500 bytes).
    private const int FixedBytes = 1024;

    private const int TimeBytes = 28; // yyyy-MM-ddTHH:mm:ss.fffffffZ

    /// <summary>
    /// Writes the record's canonical bytes after <paramref name="prefix"/> bytes of <paramref name="buffer"/> (grown when too
    /// small); returns the end of the record, or -1 when a string needs the JSON writer.
    /// </summary>
    public static int TryWrite(AuditRecord record, ref byte[] buffer, int prefix)
    {
        var capacity = prefix + FixedBytes + Length(record);
        if (buffer.Length < capacity)
        {
            buffer = new byte[Math.Max(capacity, buffer.Length * 2)];
        }

        var output = buffer.AsSpan();
        var at = prefix;
        Span<byte> raw = stackalloc byte[16];
        if (!(Literal(output, ref at, "{\"v\":1,\"traceId\":\""u8)
            && Id(output, ref at, record.TraceId, raw)
            && Literal(output, ref at, "\",\"spanId\":\""u8)
            && Id(output, ref at, record.SpanId, raw)
            && Literal(output, ref at, "\",\"parentSpanId\":"u8)
            && ParentSpan(output, ref at, record.ParentSpanId, raw)
            && Member(output, ref at, ",\"operation\":"u8, record.Operation)
            && Member(output, ref at, ",\"status\":"u8, record.Status)
            && Literal(output, ref at, ",\"startTime\":"u8)
            && Time(output, ref at, record.StartTime)
            && Literal(output, ref at, ",\"endTime\":"u8)
            && Time(output, ref at, record.EndTime)
            && Member(output, ref at, ",\"activityId\":"u8, record.ProcessingActivityId)
            && Member(output, ref at, ",\"subjectId\":"u8, record.Subject.Id)
            && Member(output, ref at, ",\"subjectType\":"u8, record.Subject.Type)
            && Member(output, ref at, ",\"convenant\":"u8, record.ConvenantId)
            && Member(output, ref at, ",\"convenantVersion\":"u8, record.ConvenantVersion)
            && Member(output, ref at, ",\"purpose\":"u8, record.Purpose)
            && Member(output, ref at, ",\"legalGround\":"u8, record.LegalGround)
            && Member(output, ref at, ",\"partner\":"u8, record.Partner)
            && Member(output, ref at, ",\"role\":"u8, record.Role)
            && Member(output, ref at, ",\"actor\":"u8, record.Actor)
            && Array(output, ref at, ",\"approvers\":["u8, record.Approvers)
            && Member(output, ref at, ",\"recipient\":"u8, record.Recipient)
            && Member(output, ref at, ",\"recipientRole\":"u8, record.RecipientRole)
            && Array(output, ref at, ",\"categories\":["u8, record.DataCategories)
            && Literal(output, ref at, record.Reidentified ? ",\"reidentified\":true"u8 : ",\"reidentified\":false"u8)
            && Array(output, ref at, ",\"reasons\":["u8, record.DecisionReasons)
            && Member(output, ref at, ",\"resource\":"u8, record.ResourceId)
            && Literal(output, ref at, "}"u8)))
        {
            return -1;
        }

        return at;
    }

    private static int Length(AuditRecord record) =>
        record.Operation.Length + record.Status.Length + record.ProcessingActivityId.Length + record.Subject.Id.Length
        + record.Subject.Type.Length + (record.ConvenantId?.Length ?? 0) + (record.ConvenantVersion?.Length ?? 0) + (record.Purpose?.Length ?? 0)
        + (record.LegalGround?.Length ?? 0) + (record.Partner?.Length ?? 0) + (record.Role?.Length ?? 0) + record.Actor.Length
        + Length(record.Approvers) + (record.Recipient?.Length ?? 0) + (record.RecipientRole?.Length ?? 0) + Length(record.DataCategories)
        + Length(record.DecisionReasons) + (record.ResourceId?.Length ?? 0);

    private static int Length(IReadOnlyList<string> values)
    {
        var length = 0;
        for (var i = 0; i < values.Count; i++)
        {
            length += values[i].Length + 3; // quotes and comma
        }

        return length;
    }

    private static bool Literal(Span<byte> output, ref int at, ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(output[at..]);
        at += literal.Length;
        return true;
    }

    private static bool Member(Span<byte> output, ref int at, ReadOnlySpan<byte> name, string? value)
    {
        Literal(output, ref at, name);
        return value is null ? Literal(output, ref at, "null"u8) : String(output, ref at, value);
    }

    private static bool String(Span<byte> output, ref int at, string value)
    {
        if (value.AsSpan().ContainsAnyExcept(Verbatim))
        {
            return false;
        }

        output[at++] = (byte)'"';
        at += Encoding.ASCII.GetBytes(value, output[at..]);
        output[at++] = (byte)'"';
        return true;
    }

    private static bool Array(Span<byte> output, ref int at, ReadOnlySpan<byte> nameAndBracket, IReadOnlyList<string> values)
    {
        Literal(output, ref at, nameAndBracket);
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                output[at++] = (byte)',';
            }

            if (!String(output, ref at, values[i]))
            {
                return false;
            }
        }

        output[at++] = (byte)']';
        return true;
    }

    private static bool Id(Span<byte> output, ref int at, System.Diagnostics.ActivityTraceId id, Span<byte> raw)
    {
        id.CopyTo(raw);
        return Hex(output, ref at, raw);
    }

    private static bool Id(Span<byte> output, ref int at, System.Diagnostics.ActivitySpanId id, Span<byte> raw)
    {
        id.CopyTo(raw[..8]);
        return Hex(output, ref at, raw[..8]);
    }

    private static bool ParentSpan(Span<byte> output, ref int at, System.Diagnostics.ActivitySpanId? parent, Span<byte> raw)
    {
        if (parent is not { } span)
        {
            return Literal(output, ref at, "null"u8);
        }

        output[at++] = (byte)'"';
        Id(output, ref at, span, raw);
        output[at++] = (byte)'"';
        return true;
    }

    private static bool Hex(Span<byte> output, ref int at, ReadOnlySpan<byte> bytes)
    {
        var digits = "0123456789abcdef"u8;
        foreach (var b in bytes)
        {
            output[at++] = digits[b >> 4];
            output[at++] = digits[b & 0xF];
        }

        return true;
    }

    // UTC yyyy-MM-ddTHH:mm:ss.fffffffZ, as the custom format in AuditRecordSerializer writes it (DateTime years are 1-9999).
    private static bool Time(Span<byte> output, ref int at, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var text = output.Slice(at, TimeBytes + 2);
        text[0] = (byte)'"';
        Digits(text.Slice(1, 4), utc.Year);
        text[5] = (byte)'-';
        Digits(text.Slice(6, 2), utc.Month);
        text[8] = (byte)'-';
        Digits(text.Slice(9, 2), utc.Day);
        text[11] = (byte)'T';
        Digits(text.Slice(12, 2), utc.Hour);
        text[14] = (byte)':';
        Digits(text.Slice(15, 2), utc.Minute);
        text[17] = (byte)':';
        Digits(text.Slice(18, 2), utc.Second);
        text[20] = (byte)'.';
        Digits(text.Slice(21, 7), (int)(utc.Ticks % TimeSpan.TicksPerSecond));
        text[28] = (byte)'Z';
        text[29] = (byte)'"';
        at += text.Length;
        return true;
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}

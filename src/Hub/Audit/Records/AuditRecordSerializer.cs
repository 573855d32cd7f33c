using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SharingHub.Hub.Audit.Merkle;

namespace SharingHub.Hub.Audit.Records;

/// <summary>
/// Canonical serialisation (schema v1), the bytes the Merkle leaf hashes: UTF-8 JSON, one object, members in
/// the fixed order below, no insignificant whitespace, <c>null</c> for absent optional values, arrays in the
/// given order, times as UTC <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, trace/span ids as lowercase hex. Every string is
/// an id of [A-Za-z0-9._:/-], so no escaping choice can make two encodings of one record. See docs/SECURITY.md.
/// </summary>
public static class AuditRecordSerializer
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = false };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static readonly JsonEncodedText PV = JsonEncodedText.Encode("v");
    private static readonly JsonEncodedText PTraceId = JsonEncodedText.Encode("traceId");
    private static readonly JsonEncodedText PSpanId = JsonEncodedText.Encode("spanId");
    private static readonly JsonEncodedText PParentSpanId = JsonEncodedText.Encode("parentSpanId");
    private static readonly JsonEncodedText POperation = JsonEncodedText.Encode("operation");
    private static readonly JsonEncodedText PStatus = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText PStartTime = JsonEncodedText.Encode("startTime");
    private static readonly JsonEncodedText PEndTime = JsonEncodedText.Encode("endTime");
    private static readonly JsonEncodedText PActivityId = JsonEncodedText.Encode("activityId");
    private static readonly JsonEncodedText PSubjectId = JsonEncodedText.Encode("subjectId");
    private static readonly JsonEncodedText PSubjectType = JsonEncodedText.Encode("subjectType");
    private static readonly JsonEncodedText PConvenant = JsonEncodedText.Encode("convenant");
    private static readonly JsonEncodedText PConvenantVersion = JsonEncodedText.Encode("convenantVersion");
    private static readonly JsonEncodedText PPurpose = JsonEncodedText.Encode("purpose");
    private static readonly JsonEncodedText PLegalGround = JsonEncodedText.Encode("legalGround");
    private static readonly JsonEncodedText PPartner = JsonEncodedText.Encode("partner");
    private static readonly JsonEncodedText PRole = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText PActor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText PApprovers = JsonEncodedText.Encode("approvers");
    private static readonly JsonEncodedText PRecipient = JsonEncodedText.Encode("recipient");
    private static readonly JsonEncodedText PRecipientRole = JsonEncodedText.Encode("recipientRole");
    private static readonly JsonEncodedText PCategories = JsonEncodedText.Encode("categories");
    private static readonly JsonEncodedText PReidentified = JsonEncodedText.Encode("reidentified");
    private static readonly JsonEncodedText PReasons = JsonEncodedText.Encode("reasons");
    private static readonly JsonEncodedText PResource = JsonEncodedText.Encode("resource");

    [ThreadStatic]
    private static byte[]? t_bytes;

    public static byte[] Serialize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = t_bytes ??= new byte[2048];
        var end = CanonicalRecordWriter.TryWrite(record, ref buffer, 0);
        t_bytes = buffer;
        return end < 0 ? SerializeWithJsonWriter(record) : buffer.AsSpan(0, end).ToArray();
    }

    /// <summary>
    /// <see cref="Serialize"/> and <see cref="Rfc6962.HashLeaf(ReadOnlySpan{byte})"/> in one pass: the record is written after the
    /// leaf prefix byte, so the hash needs no copy of it.
    /// </summary>
    internal static byte[] SerializeWithLeafHash(AuditRecord record, Span<byte> leafHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = t_bytes ??= new byte[2048];
        var end = CanonicalRecordWriter.TryWrite(record, ref buffer, 1);
        t_bytes = buffer;
        if (end < 0)
        {
            var bytes = SerializeWithJsonWriter(record);
            Rfc6962.HashLeaf(bytes, leafHash);
            return bytes;
        }

        buffer[0] = Rfc6962.LeafPrefix;
        Rfc6962.HashPrefixedLeaf(buffer.AsSpan(0, end), leafHash);
        return buffer.AsSpan(1, end - 1).ToArray();
    }

    /// <summary>The canonical bytes through <see cref="Utf8JsonWriter"/> (strings the direct writer does not write verbatim; the reference form in tests).</summary>
    internal static byte[] SerializeWithJsonWriter(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        Span<char> hex = stackalloc char[32];
        Span<byte> raw = stackalloc byte[16];
        json.WriteStartObject();
        json.WriteNumber(PV, SchemaVersion);
        record.TraceId.CopyTo(raw);
        json.WriteString(PTraceId, Hex(raw, hex));
        record.SpanId.CopyTo(raw[..8]);
        json.WriteString(PSpanId, Hex(raw[..8], hex));
        if (record.ParentSpanId is { } parent)
        {
            parent.CopyTo(raw[..8]);
            json.WriteString(PParentSpanId, Hex(raw[..8], hex));
        }
        else
        {
            json.WriteNull(PParentSpanId);
        }

        json.WriteString(POperation, record.Operation);
        json.WriteString(PStatus, record.Status);
        WriteTime(json, PStartTime, record.StartTime);
        WriteTime(json, PEndTime, record.EndTime);
        json.WriteString(PActivityId, record.ProcessingActivityId);
        json.WriteString(PSubjectId, record.Subject.Id);
        json.WriteString(PSubjectType, record.Subject.Type);
        WriteOptional(json, PConvenant, record.ConvenantId);
        WriteOptional(json, PConvenantVersion, record.ConvenantVersion);
        WriteOptional(json, PPurpose, record.Purpose);
        WriteOptional(json, PLegalGround, record.LegalGround);
        WriteOptional(json, PPartner, record.Partner);
        WriteOptional(json, PRole, record.Role);
        json.WriteString(PActor, record.Actor);
        WriteArray(json, PApprovers, record.Approvers);
        WriteOptional(json, PRecipient, record.Recipient);
        WriteOptional(json, PRecipientRole, record.RecipientRole);
        WriteArray(json, PCategories, record.DataCategories);
        json.WriteBoolean(PReidentified, record.Reidentified);
        WriteArray(json, PReasons, record.DecisionReasons);
        WriteOptional(json, PResource, record.ResourceId);
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static ReadOnlySpan<char> Hex(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        Convert.TryToHexStringLower(bytes, destination, out var written);
        return destination[..written];
    }

    private static void WriteTime(Utf8JsonWriter json, JsonEncodedText name, DateTimeOffset time)
    {
        Span<char> text = stackalloc char[28];
        if (!time.UtcDateTime.TryFormat(text, out var written, TimeFormat, CultureInfo.InvariantCulture))
        {
            throw new FormatException("Audit time does not format.");
        }

        json.WriteString(name, text[..written]);
    }

    /// <summary>Reads a canonical record back (for reports); null when the bytes are not a v1 record.</summary>
    public static AuditRecord? TryDeserialize(ReadOnlySpan<byte> canonical)
    {
        try
        {
            using var document = JsonDocument.Parse(canonical.ToArray());
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != SchemaVersion || !AuditSubject.TryParse(root.GetProperty("subjectId").GetString(), out var subject))
            {
                subject = AuditSubject.None;
                if (root.GetProperty("subjectType").GetString() != AuditSubject.TypeNone)
                {
                    return null;
                }
            }

            var parent = root.GetProperty("parentSpanId").GetString();
            return new AuditRecord
            {
                TraceId = ActivityTraceId.CreateFromString(root.GetProperty("traceId").GetString()),
                SpanId = ActivitySpanId.CreateFromString(root.GetProperty("spanId").GetString()),
                ParentSpanId = parent is null ? null : ActivitySpanId.CreateFromString(parent),
                Operation = root.GetProperty("operation").GetString()!,
                Status = root.GetProperty("status").GetString()!,
                StartTime = ParseTime(root.GetProperty("startTime").GetString()!),
                EndTime = ParseTime(root.GetProperty("endTime").GetString()!),
                ProcessingActivityId = root.GetProperty("activityId").GetString()!,
                Subject = subject,
                ConvenantId = root.GetProperty("convenant").GetString(),
                ConvenantVersion = root.GetProperty("convenantVersion").GetString(),
                Purpose = root.GetProperty("purpose").GetString(),
                LegalGround = root.GetProperty("legalGround").GetString(),
                Partner = root.GetProperty("partner").GetString(),
                Role = root.GetProperty("role").GetString(),
                Actor = root.GetProperty("actor").GetString()!,
                Approvers = ReadArray(root.GetProperty("approvers")),
                Recipient = root.GetProperty("recipient").GetString(),
                RecipientRole = root.GetProperty("recipientRole").GetString(),
                DataCategories = ReadArray(root.GetProperty("categories")),
                Reidentified = root.GetProperty("reidentified").GetBoolean(),
                DecisionReasons = ReadArray(root.GetProperty("reasons")),
                ResourceId = root.GetProperty("resource").GetString(),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static List<string> ReadArray(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static void WriteOptional(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteArray(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

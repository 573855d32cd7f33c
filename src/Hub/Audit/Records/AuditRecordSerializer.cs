using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

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

    public static byte[] Serialize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("v", SchemaVersion);
            json.WriteString("traceId", record.TraceId.ToHexString());
            json.WriteString("spanId", record.SpanId.ToHexString());
            WriteOptional(json, "parentSpanId", record.ParentSpanId is { } parent ? parent.ToHexString() : null);
            json.WriteString("operation", record.Operation);
            json.WriteString("status", record.Status);
            json.WriteString("startTime", FormatTime(record.StartTime));
            json.WriteString("endTime", FormatTime(record.EndTime));
            json.WriteString("activityId", record.ProcessingActivityId);
            json.WriteString("subjectId", record.Subject.Id);
            json.WriteString("subjectType", record.Subject.Type);
            WriteOptional(json, "convenant", record.ConvenantId);
            WriteOptional(json, "convenantVersion", record.ConvenantVersion);
            WriteOptional(json, "purpose", record.Purpose);
            WriteOptional(json, "legalGround", record.LegalGround);
            WriteOptional(json, "partner", record.Partner);
            WriteOptional(json, "role", record.Role);
            json.WriteString("actor", record.Actor);
            WriteArray(json, "approvers", record.Approvers);
            WriteOptional(json, "recipient", record.Recipient);
            WriteOptional(json, "recipientRole", record.RecipientRole);
            WriteArray(json, "categories", record.DataCategories);
            json.WriteBoolean("reidentified", record.Reidentified);
            WriteArray(json, "reasons", record.DecisionReasons);
            WriteOptional(json, "resource", record.ResourceId);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
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

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static List<string> ReadArray(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
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

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

using System.Diagnostics;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Processing;

namespace SharingHub.Hub.Audit;

/// <summary>
/// The hub's <see cref="IProcessingLog"/> (the hook the hub's code calls) backed by the audit log: each
/// <see cref="ProcessingRecord"/> becomes one <see cref="AuditRecord"/>, and the call returns once it is durable.
/// A field that is not a well-formed id is dropped (never stored as free text) and named in the reasons.
/// </summary>
internal sealed class AuditProcessingLog(AuditLog log) : IProcessingLog
{
    public async ValueTask RecordAsync(ProcessingRecord record, CancellationToken cancellationToken) =>
        await log.AppendAsync(Map(record), cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordBatchAsync(IReadOnlyList<ProcessingRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await log.AppendAsync(records.Select(Map).ToList(), cancellationToken).ConfigureAwait(false);
    }

    internal static AuditRecord Map(ProcessingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reasons = new List<string>();
        string? Id(string? value, string field)
        {
            if (value is null || AuditId.IsValid(value))
            {
                return value;
            }

            reasons.Add("dropped:" + field);
            return null;
        }

        var subject = AuditSubject.None;
        if (record.SubjectPseudonym is not null && !AuditSubject.TryParse(record.SubjectPseudonym, out subject))
        {
            reasons.Add("dropped:subject");
        }

        var convenant = Id(record.ConvenantId, "convenant");
        var operation = Id(record.Operation, "operation") ?? "unknown-operation";
        var decision = record.Decision is null ? null : Id("decision:" + record.Decision, "decision");
        var error = record.ErrorCode is null ? null : Id("error:" + record.ErrorCode, "error");
        var resource = record.ResourceId is null ? null : Id("resource:" + record.ResourceId, "resource");
        var clauses = record.DecisionReasons.Select(r => Id(r, "reason")).OfType<string>().ToList();
        var categories = record.Categories.Select(c => Id(c, "category")).OfType<string>().ToList();
        var actor = Id(record.ActorType + ":" + record.Actor, "actor") ?? "unknown-actor";
        return new AuditRecord
        {
            TraceId = TryTrace(record.TraceId) ?? ActivityTraceId.CreateRandom(),
            SpanId = TrySpan(record.SpanId) ?? ActivitySpanId.CreateRandom(),
            Operation = operation,
            Status = Id(record.Status, "status") ?? AuditStatus.Error,
            StartTime = record.StartedAt,
            EndTime = record.EndedAt,
            ProcessingActivityId = convenant is null ? operation : convenant + ":" + operation,
            Subject = subject,
            ConvenantId = convenant,
            ConvenantVersion = Id(record.ConvenantVersionHash is null ? null : "sha256:" + record.ConvenantVersionHash, "convenant-version"),
            Purpose = Id(record.Purpose, "purpose"),
            Partner = Id(record.PartnerId, "partner"),
            Role = Id(record.Role, "role"),
            Actor = actor,
            DataCategories = categories,
            DecisionReasons = [.. new[] { decision, error }.OfType<string>(), .. clauses, .. reasons],
            ResourceId = resource,
        };
    }

    private static ActivityTraceId? TryTrace(string? hex) =>
        hex is { Length: 32 } && hex.All(char.IsAsciiHexDigitLower) && hex.Any(c => c != '0') ? ActivityTraceId.CreateFromString(hex) : null;

    private static ActivitySpanId? TrySpan(string? hex) =>
        hex is { Length: 16 } && hex.All(char.IsAsciiHexDigitLower) && hex.Any(c => c != '0') ? ActivitySpanId.CreateFromString(hex) : null;
}

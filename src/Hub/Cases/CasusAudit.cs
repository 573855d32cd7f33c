using System.Diagnostics;
using SharingHub.Hub.Audit.Api;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Cases;

/// <summary>
/// Builds the audit records of the casus API: one per data subject, named by the cluster root's anchor pseudonym (or none when
/// the subject is unknown, e.g. a malformed request). Only ids: operation, status, convenant and its version hash, purpose and
/// its clause, partner, role, actor, categories, clause ids and codes as reasons, <c>casus:&lt;id&gt;</c> as resource.
/// </summary>
internal static class CasusAudit
{
    public sealed record Entry
    {
        public required string Operation { get; init; }

        public required string Status { get; init; }

        public required DateTimeOffset Start { get; init; }

        public required DateTimeOffset End { get; init; }

        public required string Convenant { get; init; }

        public string? VersionHash { get; init; }

        public string? Anchor { get; init; }

        public string? Purpose { get; init; }

        public string? LegalGround { get; init; }

        public string? Role { get; init; }

        public IReadOnlyList<string> Categories { get; init; } = [];

        public IReadOnlyList<string> Reasons { get; init; } = [];

        public Guid? CasusId { get; init; }
    }

    public static AuditRecord Build(HubCaller caller, Entry entry)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(entry);
        var activity = Activity.Current;
        var subject = entry.Anchor is not null && Pseudonym.TryParse(entry.Anchor, out var pseudonym) && pseudonym.Kind != 0
            ? AuditSubject.From(pseudonym)
            : AuditSubject.None;
        return new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = entry.Operation,
            Status = entry.Status,
            StartTime = entry.Start,
            EndTime = entry.End,
            ProcessingActivityId = Id(entry.Convenant + ":" + entry.Operation) ?? entry.Operation,
            Subject = subject,
            ConvenantId = Id(entry.Convenant),
            ConvenantVersion = entry.VersionHash is null ? null : Id("sha256:" + entry.VersionHash),
            Purpose = Id(entry.Purpose),
            LegalGround = Id(entry.LegalGround),
            Partner = Id(caller.PartnerId),
            Role = Id(entry.Role),
            Actor = Actor(caller),
            DataCategories = [.. entry.Categories.Where(AuditId.IsValid)],
            Reidentified = false,
            DecisionReasons = [.. entry.Reasons.Where(AuditId.IsValid)],
            ResourceId = entry.CasusId is { } id ? "casus:" + id.ToString("D") : null,
        };
    }

    /// <summary>The actor id of a caller (<c>client:&lt;id&gt;</c> or <c>person:&lt;subject&gt;</c>), as the audit trail names it.</summary>
    public static string Actor(HubCaller caller) => SubjectAccessEndpoint.ActorOf(caller);

    private static string? Id(string? value) => AuditId.IsValid(value) ? value : null;
}

using System.Diagnostics;
using SharingHub.Hub.Audit.Api;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// The audit records of disclosure, export and revocation: one per data subject (the cluster root's anchor pseudonym), ids
/// only. Refusals are logged as <see cref="AuditOperations.PolicyDecision"/> records with status denied (so the subject-access
/// report, which lists what was disclosed, never shows a refused attempt as a disclosure) and the processing activity
/// <c>&lt;convenant&gt;:disclosure</c> or <c>&lt;convenant&gt;:request.revoked</c>.
/// </summary>
internal static class DisclosureAudit
{
    public const string DisclosureActivity = "disclosure";

    /// <summary>What one record is about: everything optional is left out when not known (an unknown request id).</summary>
    public sealed record Context(
        HubCaller Caller,
        string Operation,
        string Status,
        string Activity,
        DateTimeOffset Start,
        DateTimeOffset End,
        string? ConvenantId = null,
        string? ConvenantVersion = null,
        string? Purpose = null,
        string? LegalGround = null,
        string? Role = null,
        IReadOnlyList<string>? Approvers = null,
        string? Recipient = null,
        string? RecipientRole = null,
        IReadOnlyList<string>? Categories = null,
        bool Reidentified = false,
        IReadOnlyList<string>? Reasons = null,
        string? Resource = null);

    /// <summary>The audit subject of a root anchor; <see cref="AuditSubject.None"/> when the anchor does not parse.</summary>
    public static AuditSubject SubjectOf(string? anchor) =>
        Pseudonym.TryParse(anchor, out var pseudonym) && pseudonym.Kind != 0 ? AuditSubject.From(pseudonym) : AuditSubject.None;

    public static AuditRecord Build(Context context, AuditSubject subject)
    {
        var activity = Activity.Current;
        return new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = context.Operation,
            Status = context.Status,
            StartTime = context.Start,
            EndTime = context.End,
            ProcessingActivityId = Id(context.ConvenantId) is { } convenant ? convenant + ":" + context.Activity : context.Activity,
            Subject = subject,
            ConvenantId = Id(context.ConvenantId),
            ConvenantVersion = Id(context.ConvenantVersion),
            Purpose = Id(context.Purpose),
            LegalGround = Id(context.LegalGround),
            Partner = Id(context.Caller.PartnerId),
            Role = Id(context.Role),
            Actor = SubjectAccessEndpoint.ActorOf(context.Caller),
            Approvers = Ids(context.Approvers),
            Recipient = Id(context.Recipient),
            RecipientRole = Id(context.RecipientRole),
            DataCategories = Ids(context.Categories),
            Reidentified = context.Reidentified,
            DecisionReasons = Ids(context.Reasons),
            ResourceId = Id(context.Resource),
        };
    }

    /// <summary>Splits a comma-separated column into its non-empty, trimmed items.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Id(string? value) => AuditId.IsValid(value) ? value : null;

    private static IReadOnlyList<string> Ids(IReadOnlyList<string>? values) =>
        values is null ? [] : [.. values.Where(AuditId.IsValid).Distinct(StringComparer.Ordinal)];
}

using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Audit.Api;

/// <summary>
/// <c>GET /api/v1/audit/subjects/{subjectRef}/disclosures?format=json|csv</c>: every disclosure about one subject
/// (AVG art. 15) in the convenants where the caller is privacy officer. The subject is a hub subject pseudonym, or
/// the caller's partner's subject reference, resolved through <c>subject_refs</c> to the subject's anchor pseudonym
/// (what the log holds). Producing the report is itself logged (<see cref="AuditOperations.SubjectAccessReport"/>).
/// </summary>
internal static class SubjectAccessEndpoint
{
    public static readonly IReadOnlyList<string> DisclosureOperations =
        [AuditOperations.Disclosure, AuditOperations.HitNoHit, AuditOperations.Export, AuditOperations.View];

    public static async Task<Results<Ok<SubjectAccessReport>, ContentHttpResult, ProblemHttpResult>> GetAsync(
        AuditLog log, HubCaller caller, HubDbContext db, string subjectRef, string? format, TimeProvider time, CancellationToken cancellationToken)
    {
        var convenants = AuditRoles.PrivacyOfficerConvenants(caller);
        if (convenants.Count == 0)
        {
            return HubProblems.Result(403, AuditErrorCodes.NotAPrivacyOfficer, "Only privacy officers produce subject-access reports.");
        }

        format ??= "json";
        if (format is not ("json" or "csv"))
        {
            return HubProblems.Result(400, AuditErrorCodes.UnknownFormat, "format must be json or csv.");
        }

        if (!AuditSubject.TryParse(subjectRef, out var subject))
        {
            return HubProblems.Result(400, AuditErrorCodes.MalformedSubject, "Not a subject pseudonym or subject reference.");
        }

        var started = time.GetUtcNow();
        var logged = new List<string> { subject.Id };
        List<Guid> ids;
        if (subject.Type == AuditSubject.TypeReference)
        {
            ids = await db.SubjectRefs.AsNoTracking()
                .Where(r => r.Reference == subject.Id && r.PartnerId == caller.PartnerId && convenants.Contains(r.ConvenantId))
                .Select(r => r.SubjectId).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            ids = await db.Subjects.AsNoTracking().Where(x => x.Anchor == subject.Id && convenants.Contains(x.ConvenantId))
                .Select(x => x.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        // Linkage may have merged the subject into a cluster: the report covers every member's anchor.
        logged.AddRange(await ClusterAnchorsAsync(db, ids, cancellationToken).ConfigureAwait(false));

        var entries = new List<SharingHub.Hub.Audit.Storage.StoredEntry>();
        foreach (var id in logged.Distinct(StringComparer.Ordinal))
        {
            entries.AddRange(await log.Store.FindBySubjectAsync(id, cancellationToken).ConfigureAwait(false));
        }

        var disclosures = new List<SubjectDisclosure>();
        foreach (var entry in entries.OrderBy(e => e.Index))
        {
            if (AuditRecordSerializer.TryDeserialize(entry.Record) is { } record && logged.Contains(record.Subject.Id)
                && DisclosureOperations.Contains(record.Operation) && record.ConvenantId is { } convenant && convenants.Contains(convenant))
            {
                disclosures.Add(new SubjectDisclosure(entry.Index, AuditRecordSerializer.FormatTime(record.EndTime), record.Operation, convenant,
                    record.Recipient, record.RecipientRole, record.Purpose, record.LegalGround, record.Approvers, record.DataCategories,
                    record.Partner, record.Reidentified));
            }
        }

        await log.AppendAsync(ReportRecord(caller, subject, started, time.GetUtcNow(), disclosures.Count), cancellationToken).ConfigureAwait(false);
        var report = new SubjectAccessReport(subject.Id, subject.Type, log.Size, disclosures);
        return format == "csv" ? TypedResults.Text(ToCsv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    /// <summary>The anchors of every member of the clusters of <paramref name="subjectIds"/> (roots and merged subjects).</summary>
    internal static async Task<List<string>> ClusterAnchorsAsync(HubDbContext db, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        if (subjectIds.Count == 0)
        {
            return [];
        }

        var ids = subjectIds.ToList();
        var roots = await db.Subjects.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => x.MergedIntoId ?? x.Id).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return await db.Subjects.AsNoTracking().Where(x => roots.Contains(x.Id) || (x.MergedIntoId != null && roots.Contains(x.MergedIntoId.Value)))
            .Select(x => x.Anchor).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static AuditRecord ReportRecord(HubCaller caller, AuditSubject subject, DateTimeOffset start, DateTimeOffset end, int count)
    {
        var activity = Activity.Current;
        return new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = AuditOperations.SubjectAccessReport,
            Status = AuditStatus.Ok,
            StartTime = start,
            EndTime = end,
            ProcessingActivityId = "avg-art15-subject-access",
            Subject = subject,
            Partner = AuditId.IsValid(caller.PartnerId) ? caller.PartnerId : null,
            Role = AuditRoles.PrivacyOfficer,
            Actor = ActorOf(caller),
            DecisionReasons = count == 0 ? ["no-disclosures"] : ["disclosures-reported"],
        };
    }

    /// <summary>The actor id of a caller: <c>client:&lt;id&gt;</c> or <c>person:&lt;subject&gt;</c>, never a name.</summary>
    internal static string ActorOf(HubCaller caller)
    {
        var actor = caller.IsPerson || caller.ClientId is null ? "person:" + caller.Subject : "client:" + caller.ClientId;
        return AuditId.IsValid(actor) ? actor : "unknown-actor";
    }

    private static string ToCsv(SubjectAccessReport report)
    {
        var csv = new StringBuilder();
        csv.Append("index,time,operation,convenant,recipient,recipient_role,purpose,legal_ground,approvers,categories,disclosed_by,reidentified\n");
        foreach (var d in report.Disclosures)
        {
            string[] fields =
            [
                d.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Time, d.Operation, d.Convenant ?? string.Empty,
                d.Recipient ?? string.Empty, d.RecipientRole ?? string.Empty, d.Purpose ?? string.Empty, d.LegalGround ?? string.Empty,
                string.Join(';', d.Approvers), string.Join(';', d.Categories), d.DisclosedBy ?? string.Empty, d.Reidentified ? "true" : "false",
            ];
            csv.Append(string.Join(',', fields)).Append('\n');
        }

        return csv.ToString();
    }
}

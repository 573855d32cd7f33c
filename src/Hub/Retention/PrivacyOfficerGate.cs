using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;

namespace SharingHub.Hub.Retention;

/// <summary>
/// The authorisation of retention and key rotation, after the route's scope (audit) and convenant-role policies: the convenant
/// must be one this hub runs under (404 SH3190), the caller a person (403 SH3192) holding the privacy-officer role in it
/// (403 SH3191). A refusal is audited (status denied, subject none) and changes nothing else.
/// </summary>
internal static class PrivacyOfficerGate
{
    public const string Role = "privacy-officer";

    public static async Task<ProblemHttpResult?> CheckAsync(
        ConvenantAccess access, HubConvenants convenants, AuditLog audit, string operation, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        (int Status, string Code, string Detail)? refusal = null;
        if (convenants.Catalog.Get(access.Convenant) is null || convenants.VersionHash(access.Convenant) is null)
        {
            refusal = (StatusCodes.Status404NotFound, RetentionErrorCodes.UnknownConvenant, "This hub does not run under that convenant.");
        }
        else if (!access.Caller.IsPerson)
        {
            refusal = (StatusCodes.Status403Forbidden, RetentionErrorCodes.PersonRequired, "Only a privacy officer signed in as a person may do this; system clients may not.");
        }
        else if (!access.Roles.Contains(Role, StringComparer.Ordinal))
        {
            refusal = (StatusCodes.Status403Forbidden, RetentionErrorCodes.NotPrivacyOfficer, "Only a privacy officer of this convenant may do this.");
        }

        if (refusal is not { } r)
        {
            return null;
        }

        await audit.AppendAsync(Record(access, convenants, operation, AuditStatus.Denied, started, time.GetUtcNow(), [r.Code]), cancellationToken).ConfigureAwait(false);
        return HubProblems.Result(r.Status, r.Code, r.Detail);
    }

    /// <summary>A record about the convenant as a whole (subject none) by the caller.</summary>
    public static AuditRecord Record(
        ConvenantAccess access, HubConvenants convenants, string operation, string status, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<string> reasons)
    {
        var activity = Activity.Current;
        var known = convenants.VersionHash(access.Convenant) is not null;
        return new AuditRecord
        {
            TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
            SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
            ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
            Operation = operation,
            Status = status,
            StartTime = start,
            EndTime = end,
            ProcessingActivityId = known ? access.Convenant + ":" + operation : operation,
            Subject = AuditSubject.None,
            ConvenantId = known ? access.Convenant : null,
            ConvenantVersion = known ? "sha256:" + convenants.VersionHash(access.Convenant) : null,
            Partner = AuditId.IsValid(access.Caller.PartnerId) ? access.Caller.PartnerId : null,
            Role = access.Roles.Contains(Role, StringComparer.Ordinal) ? Role : null,
            Actor = ActorOf(access.Caller),
            DecisionReasons = [.. reasons.Where(AuditId.IsValid)],
        };
    }

    public static RetentionActor ActorFor(ConvenantAccess access) =>
        new(ActorOf(access.Caller), AuditId.IsValid(access.Caller.PartnerId) ? access.Caller.PartnerId : null, Role);

    private static string ActorOf(HubCaller caller) => Audit.Api.SubjectAccessEndpoint.ActorOf(caller);
}

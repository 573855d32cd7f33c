using System.Diagnostics;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;

namespace SharingHub.Hub.Audit.Api;

/// <summary>
/// Logs every authorised read of the audit views (entries, inclusion proofs) as an <see cref="AuditOperations.AuditLogin"/>
/// record in the audit log itself, durably, before the response is produced. The record names the caller and the
/// endpoint, never a query value.
/// </summary>
internal sealed class AuditAccessLogging(AuditLog log, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = time.GetUtcNow();
        var result = await next(context).ConfigureAwait(false);
        if (HubCaller.FromPrincipal(context.HttpContext.User) is { } caller && AuditRoles.IsAuditor(caller))
        {
            var endpoint = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var activity = Activity.Current;
            await log.AppendAsync(new AuditRecord
            {
                TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
                SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
                Operation = AuditOperations.AuditLogin,
                Status = context.HttpContext.Response.StatusCode < 400 && result is not Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ? AuditStatus.Ok : AuditStatus.Error,
                StartTime = started,
                EndTime = time.GetUtcNow(),
                ProcessingActivityId = "audit-trail-review",
                Subject = AuditSubject.None,
                Partner = AuditId.IsValid(caller.PartnerId) ? caller.PartnerId : null,
                Actor = SubjectAccessEndpoint.ActorOf(caller),
                ResourceId = AuditId.IsValid(endpoint) ? "endpoint:" + endpoint : null,
            }, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return result;
    }
}

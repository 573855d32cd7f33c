using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Api;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Retention;

/// <summary>
/// <c>GET /api/v1/convenants/{convenant}/retention/preview</c> (dry run, changes nothing) and
/// <c>POST /api/v1/convenants/{convenant}/retention/run</c>: privacy officers of the convenant only, person tokens with scope audit.
/// Both answer a <see cref="RetentionReport"/>.
/// </summary>
internal sealed class RetentionEndpoints : IHubEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}/retention")
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Audit))
            .RequireConvenantRole()
            .WithTags("Retention");
        group.MapGet("/preview", PreviewAsync).WithName("PreviewRetention")
            .WithSummary("Dry run: what the convenant's retention rules make due now, per action and clause; nothing changes.");
        group.MapPost("/run", RunAsync).WithName("RunRetention")
            .WithSummary("Executes what is due now (delete, crypto-shred, anonymise; review only reported); audited as retention.purge.")
            .WithRequestBodyLimit(1024);
    }

    private static async Task<Results<Ok<RetentionReport>, ProblemHttpResult>> PreviewAsync(
        ConvenantAccess access, RetentionService retention, HubConvenants convenants, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await PrivacyOfficerGate.CheckAsync(access, convenants, audit, AuditOperations.RetentionPreview, time, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var started = time.GetUtcNow();
        var report = await retention.PreviewAsync(access.Convenant, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(PrivacyOfficerGate.Record(access, convenants, AuditOperations.RetentionPreview, AuditStatus.Ok, started, time.GetUtcNow(), ["dry-run"]),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<RetentionReport>, ProblemHttpResult>> RunAsync(
        ConvenantAccess access, RetentionService retention, HubConvenants convenants, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await PrivacyOfficerGate.CheckAsync(access, convenants, audit, AuditOperations.RetentionPurge, time, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var report = await retention.RunAsync(access.Convenant, PrivacyOfficerGate.ActorFor(access), cancellationToken).ConfigureAwait(false);
        return report is null
            ? HubProblems.Result(StatusCodes.Status409Conflict, RetentionErrorCodes.AlreadyRunning, "A retention run for this convenant is under way; try again later.")
            : TypedResults.Ok(report);
    }
}

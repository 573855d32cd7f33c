using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Api;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// Revokes the grant of an access request: by the requester's partner (scope requests, any role in the convenant) or by a
/// privacy officer of the convenant signed in as a person (scope review or audit). Sets <see cref="Grant.RevokedAt"/> /
/// <see cref="Grant.RevokedBy"/> once (a second revocation is 409), and audits <see cref="AuditOperations.RequestRevoked"/>.
/// Anyone else gets 404 (a privacy officer through a system client 403), and the attempt is audited as denied.
/// </summary>
public sealed partial class GrantRevocation(
    HubDbContext db, SubjectDirectory directory, HubConvenants convenants, AuditLog audit, TimeProvider time, ILogger<GrantRevocation> logger)
{
    public const string RevokeActivity = "request.revoked";

    public async Task<RevocationOutcome> RevokeAsync(HubCaller caller, string? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var start = time.GetUtcNow();
        if (!Guid.TryParseExact(requestId, "D", out var id))
        {
            return await RefuseAsync(caller, start, null, null, null, 400, DisclosureErrorCodes.MalformedId, "The access request id is not a well-formed id.",
                cancellationToken).ConfigureAwait(false);
        }

        var request = await db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return await RefuseAsync(caller, start, null, null, null, 404, DisclosureErrorCodes.NotFound, "No such access request.", cancellationToken).ConfigureAwait(false);
        }

        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.RequestId == id, cancellationToken).ConfigureAwait(false);
        var root = await directory.GetRootAsync(grant?.SubjectId ?? request.SubjectId, cancellationToken).ConfigureAwait(false);
        var roles = caller.RolesIn(request.ConvenantId);
        var requester = caller.HasScope(HubScopes.Requests) && roles.Count > 0
            && string.Equals(caller.PartnerId, request.RequesterPartnerId, StringComparison.Ordinal);
        var officer = roles.Contains(AuditRoles.PrivacyOfficer, StringComparer.Ordinal) && (caller.HasScope(HubScopes.Review) || caller.HasScope(HubScopes.Audit));
        if (!requester && !officer)
        {
            return await RefuseAsync(caller, start, request, grant, root, 404, DisclosureErrorCodes.NotFound, "No such access request.", cancellationToken).ConfigureAwait(false);
        }

        if (!requester && !caller.IsPerson)
        {
            return await RefuseAsync(caller, start, request, grant, root, 403, DisclosureErrorCodes.PersonTokenRequired,
                "A privacy officer revokes a grant signed in as a person.", cancellationToken).ConfigureAwait(false);
        }

        if (grant is null)
        {
            return await RefuseAsync(caller, start, request, grant, root, 409, DisclosureErrorCodes.NothingToRevoke, "The access request has no grant.",
                cancellationToken).ConfigureAwait(false);
        }

        var actor = SubjectAccessEndpoint.ActorOf(caller);
        var now = time.GetUtcNow();
        var changed = await db.Grants.Where(g => g.Id == grant.Id && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now).SetProperty(g => g.RevokedBy, actor), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            return await RefuseAsync(caller, start, request, grant, root, 409, DisclosureErrorCodes.AlreadyRevoked, "The grant is already revoked.",
                cancellationToken).ConfigureAwait(false);
        }

        var role = requester ? (roles.Contains(request.RequesterRole, StringComparer.Ordinal) ? request.RequesterRole : roles[0]) : AuditRoles.PrivacyOfficer;
        var record = DisclosureAudit.Build(Context(caller, AuditOperations.RequestRevoked, AuditStatus.Ok, start, request, grant, role, [grant.Clause, "revoked"]),
            DisclosureAudit.SubjectOf(root?.Anchor));
        await audit.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        return new RevocationOutcome(200, null, null, new RevocationResponse(request.Id, grant.Id, now, actor));
    }

    private DisclosureAudit.Context Context(HubCaller caller, string operation, string status, DateTimeOffset start, Requests.AccessRequest request, Grant? grant,
        string? role, IReadOnlyList<string> reasons) =>
        new(caller, operation, status, RevokeActivity, start, time.GetUtcNow(),
            ConvenantId: request.ConvenantId,
            ConvenantVersion: convenants.VersionHash(request.ConvenantId) is { } hash ? "sha256:" + hash : null,
            Purpose: grant?.Purpose ?? request.Purpose,
            LegalGround: DisclosureService.LegalGroundOf(convenants.Catalog.Get(request.ConvenantId), grant?.Purpose ?? request.Purpose),
            Role: role,
            Approvers: DisclosureAudit.Split(grant?.Approvers),
            Recipient: grant?.RecipientPartnerId,
            RecipientRole: grant?.RecipientRole,
            Categories: DisclosureAudit.Split(grant?.Categories ?? request.Categories),
            Reasons: reasons,
            Resource: grant is null ? "request:" + request.Id.ToString("D") : "grant:" + grant.Id.ToString("D"));

    private async Task<RevocationOutcome> RefuseAsync(HubCaller caller, DateTimeOffset start, Requests.AccessRequest? request, Grant? grant, ResolvedSubject? root,
        int status, string code, string detail, CancellationToken cancellationToken)
    {
        var context = request is null
            ? new DisclosureAudit.Context(caller, AuditOperations.RequestRevoked, AuditStatus.Denied, RevokeActivity, start, time.GetUtcNow(), Reasons: [code])
            : Context(caller, AuditOperations.RequestRevoked, AuditStatus.Denied, start, request, grant, null, [code]);
        try
        {
            await audit.AppendAsync(DisclosureAudit.Build(context, DisclosureAudit.SubjectOf(root?.Anchor)), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A refusal changes nothing; it is answered even when its audit record cannot be written.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogRefusalNotAudited(logger, code, e.GetType().Name);
        }

        return new RevocationOutcome(status, code, detail, null);
    }

    [LoggerMessage(EventId = 3175, Level = LogLevel.Warning, Message = "Grant revocation refusal {Code} could not be audited ({ExceptionType})")]
    private static partial void LogRefusalNotAudited(ILogger logger, string code, string exceptionType);
}

/// <summary>What a revocation answers: a problem, or with status 200 the revocation.</summary>
public sealed record RevocationOutcome(int Status, string? Code, string? Detail, RevocationResponse? Response);

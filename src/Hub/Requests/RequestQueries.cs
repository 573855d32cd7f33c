using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Requests;

/// <summary>Reads requests for their viewers: one request by id, and the review queue of a convenant (escalated first, then the oldest).</summary>
internal sealed class RequestQueries(HubDbContext db, HubConvenants convenants, RequestReader reader)
{
    public const int MaxQueueItems = 200;

    private static readonly string[] Statuses =
        [AccessRequestStatus.PendingReview, AccessRequestStatus.Granted, AccessRequestStatus.Denied, AccessRequestStatus.Withdrawn];

    public async Task<IResult> GetAsync(HubCaller caller, Guid id, CancellationToken cancellationToken)
    {
        if (!caller.HasScope(HubScopes.Requests) && !caller.HasScope(HubScopes.Review))
        {
            return HubProblems.Result(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientScope, "The token needs scope requests or review.");
        }

        var request = await reader.LoadAsync(id, track: false, cancellationToken).ConfigureAwait(false);
        if (request is null || !await reader.MaySeeAsync(request, caller, cancellationToken).ConfigureAwait(false))
        {
            return HubProblems.Result(StatusCodes.Status404NotFound, RequestErrorCodes.RequestNotFound, "No such access request.");
        }

        return TypedResults.Ok(await reader.ViewAsync(request, caller, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IResult> QueueAsync(ConvenantAccess access, string? status, CancellationToken cancellationToken)
    {
        status ??= AccessRequestStatus.PendingReview;
        if (!Statuses.Contains(status, StringComparer.Ordinal))
        {
            return HubProblems.Result(StatusCodes.Status400BadRequest, RequestErrorCodes.InvalidStatusFilter, "status is pending-review, granted, denied or withdrawn.");
        }

        var convenant = convenants.Catalog.Get(access.Convenant);
        if (convenant is null)
        {
            return HubProblems.Result(StatusCodes.Status404NotFound, RequestErrorCodes.UnknownConvenant, "This hub does not run under that convenant.");
        }

        var rows = await db.AccessRequests.AsNoTracking().Where(r => r.ConvenantId == access.Convenant && r.Status == status)
            .OrderBy(r => r.EscalatedAt == null).ThenBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var parties = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.PartyType }).ToDictionaryAsync(p => p.Id, p => p.PartyType, cancellationToken).ConfigureAwait(false);
        var items = new List<AccessRequestView>();
        foreach (var row in rows)
        {
            var request = reader.Complete(row, convenant, parties.GetValueOrDefault(row.RequesterPartnerId) ?? string.Empty);
            var visible = status == AccessRequestStatus.PendingReview
                ? RequestReader.IsPrivacyOfficer(access.Caller, row.ConvenantId) || reader.MayReview(request, access.Caller)
                : await reader.MaySeeAsync(request, access.Caller, cancellationToken).ConfigureAwait(false);
            if (visible)
            {
                items.Add(await reader.ViewAsync(request, access.Caller, cancellationToken).ConfigureAwait(false));
                if (items.Count == MaxQueueItems)
                {
                    break;
                }
            }
        }

        return TypedResults.Ok(new ReviewList(items));
    }
}

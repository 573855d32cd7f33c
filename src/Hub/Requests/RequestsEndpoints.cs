using SharingHub.Hub.Api;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Requests;

/// <summary>
/// Access requests and their review:
/// <c>POST /api/v1/convenants/{c}/access-requests</c> (scope requests) → 201 granted or pending-review, 403 SH3150 when denied;
/// <c>GET /api/v1/convenants/{c}/access-requests?status=</c> (scope review) → the review queue the caller may work on;
/// <c>GET /api/v1/access-requests/{id}</c> (requester's partner with scope requests; reviewers and privacy officers with scope review);
/// <c>POST /api/v1/access-requests/{id}/reviews</c> (scope review, person tokens).
/// </summary>
internal sealed class RequestsEndpoints : IHubEndpoints
{
    public const long CreateBodyLimit = 64 * 1024;
    public const long ReviewBodyLimit = 128 * 1024;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var convenant = endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}/access-requests")
            .RequireConvenantRole()
            .WithTags("Access requests");
        convenant.MapPost("/", (ConvenantAccess access, HttpRequest http, AccessRequestService service, CancellationToken cancellationToken) =>
                service.CreateAsync(access, http, cancellationToken))
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Requests))
            .WithName("CreateAccessRequest")
            .WithSummary("Request categories and fields of one subject for a purpose, with necessity, proportionality and subsidiarity.")
            .Accepts<AccessRequestBody>(RequestJson.ContentType)
            .Produces<AccessRequestCreated>(StatusCodes.Status201Created)
            .WithRequestBodyLimit(CreateBodyLimit);
        convenant.MapGet("/", (ConvenantAccess access, string? status, RequestQueries queries, CancellationToken cancellationToken) =>
                queries.QueueAsync(access, status, cancellationToken))
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Review))
            .WithName("ReviewList")
            .WithSummary("The access requests the caller may review (escalated first).")
            .Produces<ReviewList>();

        var requests = endpoints.MapApiV1().MapGroup("/access-requests").WithTags("Access requests");
        requests.MapGet("/{id:guid}", (HubCaller caller, Guid id, RequestQueries queries, CancellationToken cancellationToken) =>
                queries.GetAsync(caller, id, cancellationToken))
            .WithName("GetAccessRequest")
            .WithSummary("One access request, pseudonymised, with its reviews and grant.")
            .Produces<AccessRequestView>();
        requests.MapPost("/{id:guid}/reviews", (HubCaller caller, Guid id, HttpRequest http, ReviewService reviews, CancellationToken cancellationToken) =>
                reviews.ReviewAsync(caller, id, http, cancellationToken))
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Review))
            .WithName("ReviewAccessRequest")
            .WithSummary("Approve or reject one gate of a pending request (people only; a moreel beraad with its deliberation record).")
            .Accepts<ReviewBody>(RequestJson.ContentType)
            .Produces<ReviewRecorded>(StatusCodes.Status201Created)
            .WithRequestBodyLimit(ReviewBodyLimit);
    }
}

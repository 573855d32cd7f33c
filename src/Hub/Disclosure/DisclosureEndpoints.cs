using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Api;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// <c>GET /api/v1/access-requests/{id}/disclosure[?format=json|csv]</c> (scope requests; the grant's recipient partner in the
/// grant's role) and <c>POST /api/v1/access-requests/{id}/revoke</c> (the requester's partner, or a privacy officer of the
/// convenant signed in as a person).
/// </summary>
internal sealed class DisclosureEndpoints : IHubEndpoints
{
    /// <summary>Header of a CSV export that carries the disclosure's audit receipt (base64 of the tlog-proof text).</summary>
    public const string ReceiptHeader = "X-Audit-Receipt";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var requests = endpoints.MapApiV1().MapGroup("/access-requests/{id}").WithTags("Disclosure");
        requests.MapGet("/disclosure", DiscloseAsync).RequireAuthorization(HubPolicies.Scope(HubScopes.Requests))
            .WithName("GetDisclosure").WithSummary("The granted fields, re-identified, with the audit receipt (csv: export).");
        requests.MapPost("/revoke", RevokeAsync).WithRequestBodyLimit(4 * 1024)
            .WithName("RevokeGrant").WithSummary("Revokes the grant of an access request (requester partner or privacy officer).");
    }

    private static async Task<Results<Ok<DisclosureResponse>, ContentHttpResult, ProblemHttpResult>> DiscloseAsync(
        string id, string? format, HubCaller caller, DisclosureService disclosure, HttpResponse http, CancellationToken cancellationToken)
    {
        format ??= "json";
        if (format is not ("json" or "csv"))
        {
            return HubProblems.Result(400, DisclosureErrorCodes.UnknownFormat, "format must be json or csv.");
        }

        var outcome = await disclosure.DiscloseAsync(caller, id, export: format == "csv", cancellationToken).ConfigureAwait(false);
        if (outcome.Response is not { } response)
        {
            return HubProblems.Result(outcome.Status, outcome.Code!, outcome.Detail);
        }

        http.Headers.CacheControl = "no-store";
        if (format == "csv")
        {
            http.Headers[ReceiptHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes(response.Receipt));
            return TypedResults.Text(DisclosureCsv.Write(outcome.Rows), "text/csv; charset=utf-8");
        }

        return TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<RevocationResponse>, ProblemHttpResult>> RevokeAsync(
        string id, HubCaller caller, GrantRevocation revocation, CancellationToken cancellationToken)
    {
        var outcome = await revocation.RevokeAsync(caller, id, cancellationToken).ConfigureAwait(false);
        return outcome.Response is { } response ? TypedResults.Ok(response) : HubProblems.Result(outcome.Status, outcome.Code!, outcome.Detail);
    }
}

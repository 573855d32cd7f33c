using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharingHub.Hub.Api;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>
/// Test-only API area, mapped through the same <see cref="IHubEndpoints"/> mechanism the real areas use, to drive
/// the auth helpers, body limits and error handling through the real pipeline.
/// </summary>
internal sealed class ProbeEndpoints : IHubEndpoints
{
    public const string SecretInException = "123456782";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiV1();
        api.MapGet("/convenants/{convenant}/probe/signals", (ConvenantAccess access) => Results.Ok(new { access.Convenant, access.Roles }))
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Signals))
            .RequireConvenantRole();
        api.MapGet("/probe/audit", (HubCaller caller) => Results.Ok(caller.PartnerId))
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Audit));
        api.MapPost("/probe/echo", (EchoRequest body) => Results.Ok(body))
            .WithRequestBodyLimit(1024);
        api.MapGet("/probe/throw", IResult () => throw new InvalidOperationException("BSN " + SecretInException + " broke"));
    }
}

internal sealed record EchoRequest(string Text);

using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Auth;

namespace SharingHub.Hub.Api;

/// <summary>
/// <c>GET /api/v1/me</c> and <c>GET /api/v1/convenants/{convenant}/me</c>: who the token says the caller is.
/// Useful to check a token, and the pattern for convenant-scoped endpoints.
/// </summary>
internal sealed class MeEndpoints : IHubEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiV1().WithTags("Caller");
        api.MapGet("/me", GetMe).WithName("GetMe").WithSummary("The caller's partner, roles and scopes.");
        api.MapGet("/convenants/{convenant}/me", GetMeInConvenant)
            .RequireConvenantRole()
            .WithName("GetMeInConvenant")
            .WithSummary("The caller's roles in one convenant; 403 SH3013 when it has none.");
    }

    internal static Ok<CallerResponse> GetMe(HubCaller caller) =>
        TypedResults.Ok(new CallerResponse(
            caller.Subject,
            caller.PartnerId,
            caller.PartyType,
            caller.ClientId,
            caller.IsPerson ? HubClaims.ActorPerson : HubClaims.ActorSystem,
            caller.Roles.Select(r => new RoleResponse(r.Convenant, r.Role)).ToList(),
            caller.Scopes));

    internal static Ok<ConvenantRolesResponse> GetMeInConvenant(ConvenantAccess access) =>
        TypedResults.Ok(new ConvenantRolesResponse(access.Convenant, access.Caller.PartnerId, access.Roles));
}

public sealed record CallerResponse(
    string Subject, string Partner, string? Party, string? ClientId, string ActorType, IReadOnlyList<RoleResponse> Roles, IReadOnlyList<string> Scopes);

public sealed record RoleResponse(string Convenant, string Role);

public sealed record ConvenantRolesResponse(string Convenant, string Partner, IReadOnlyList<string> Roles);

using Microsoft.AspNetCore.Authorization;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Auth;

/// <summary>
/// Requires the caller's partner to hold a role in the route's <c>{convenant}</c>. It runs in the authorisation
/// middleware (before binding): a failure is 403 SH3013, a malformed convenant id 400 SH3015.
/// Add it with <see cref="ConvenantRoleExtensions.RequireConvenantRole{TBuilder}"/>.
/// </summary>
public sealed class ConvenantRoleRequirement : IAuthorizationRequirement
{
    public static ConvenantRoleRequirement Instance { get; } = new();
}

/// <summary>Evaluates <see cref="ConvenantRoleRequirement"/> against the route value and the token's roles.</summary>
internal sealed class ConvenantRoleHandler : AuthorizationHandler<ConvenantRoleRequirement>
{
    public const string MalformedReason = "malformed-convenant";
    public const string NoRoleReason = "no-role-in-convenant";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ConvenantRoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http || http.GetRouteValue(ConvenantAccess.RouteValue) is not string convenant)
        {
            context.Fail(new AuthorizationFailureReason(this, MalformedReason));
            return Task.CompletedTask;
        }

        if (!ConvenantRole.IsId(convenant))
        {
            context.Fail(new AuthorizationFailureReason(this, MalformedReason));
            return Task.CompletedTask;
        }

        var caller = HubCaller.FromPrincipal(context.User);
        if (caller is not null && caller.RolesIn(convenant).Count > 0)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, NoRoleReason));
        }

        return Task.CompletedTask;
    }
}

public static class ConvenantRoleExtensions
{
    /// <summary>Requires the caller to hold a role in the route's <c>{convenant}</c> (403 SH3013 otherwise).</summary>
    public static TBuilder RequireConvenantRole<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(HubPolicies.ConvenantMember);
    }
}

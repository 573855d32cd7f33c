using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace SharingHub.Hub.Auth;

/// <summary>Requires the access token to carry one scope; a failure is answered with SH3012.</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

/// <summary>Succeeds <see cref="ScopeRequirement"/> when the principal carries the scope.</summary>
internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

using SharingHub.Hub.Accounts;
using SharingHub.Hub.Errors;

namespace SharingHub.Hub.Auth;

/// <summary>
/// Lets a request through only when the caller's partner has a role in the route's <c>{convenant}</c>:
/// otherwise 403 with SH3013 (400 SH3015 for a malformed convenant id). Add it with
/// <see cref="ConvenantRoleFilterExtensions.RequireConvenantRole{TBuilder}"/>.
/// </summary>
public sealed class ConvenantRoleFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.GetRouteValue(ConvenantAccess.RouteValue) is not string convenant || !ConvenantRole.IsId(convenant))
        {
            return HubProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.MalformedConvenantId,
                "A convenant id is 1-64 characters of a-z, 0-9 and '-'.");
        }

        var access = ConvenantAccess.Resolve(http);
        if (access is null)
        {
            return HubProblems.Result(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated);
        }

        if (access.Roles.Count == 0)
        {
            return HubProblems.Result(StatusCodes.Status403Forbidden, ErrorCodes.NoRoleInConvenant,
                "The caller has no role in this convenant.");
        }

        return await next(context).ConfigureAwait(false);
    }
}

public static class ConvenantRoleFilterExtensions
{
    /// <summary>Requires the caller to hold a role in the route's <c>{convenant}</c> (403 SH3013 otherwise).</summary>
    public static TBuilder RequireConvenantRole<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter<TBuilder, ConvenantRoleFilter>();
        return builder;
    }
}

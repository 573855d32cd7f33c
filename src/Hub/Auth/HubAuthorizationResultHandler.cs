using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenIddict.Validation.AspNetCore;
using SharingHub.Hub.Errors;

namespace SharingHub.Hub.Auth;

/// <summary>
/// Turns authorisation failures into coded ProblemDetails: 401 SH3010 (no/invalid token), 401 SH3011 (expired),
/// 400 SH3015 (malformed convenant id), 403 SH3013 (no role in the convenant),
/// 403 SH3012 (missing scope), 403 SH3014 (anything else). Sets WWW-Authenticate as RFC 6750 asks.
/// </summary>
internal sealed class HubAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        if (authorizeResult.Challenged)
        {
            var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
            var description = result.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription);
            var expired = description == RejectExpiredTokens.Description;
            var presented = result.Failure is not null;
            context.Response.Headers.WWWAuthenticate = expired
                ? "Bearer error=\"invalid_token\", error_description=\"The access token has expired.\""
                : presented ? "Bearer error=\"invalid_token\"" : "Bearer";
            await HubProblems.WriteAsync(context, StatusCodes.Status401Unauthorized,
                expired ? ErrorCodes.TokenExpired : ErrorCodes.Unauthenticated).ConfigureAwait(false);
            return;
        }

        var failure = authorizeResult.AuthorizationFailure;
        var scopes = failure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
        if (scopes.Count > 0)
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\"";
            await HubProblems.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.InsufficientScope,
                "The access token lacks the scope '" + string.Join(' ', scopes) + "'.").ConfigureAwait(false);
            return;
        }

        var reasons = failure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        if (reasons.Contains(ConvenantRoleHandler.MalformedReason))
        {
            await HubProblems.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.MalformedConvenantId,
                "A convenant id is 1-64 characters of a-z, 0-9 and '-'.").ConfigureAwait(false);
            return;
        }

        if (reasons.Contains(ConvenantRoleHandler.NoRoleReason))
        {
            await HubProblems.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.NoRoleInConvenant,
                "The caller has no role in this convenant.").ConfigureAwait(false);
            return;
        }

        await HubProblems.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden).ConfigureAwait(false);
    }
}

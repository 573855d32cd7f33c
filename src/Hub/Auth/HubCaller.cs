using System.Security.Claims;
using OpenIddict.Abstractions;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Auth;

/// <summary>
/// Who is calling, read from the validated access token. Bind it as an endpoint parameter
/// (<c>(HubCaller caller) =&gt; ...</c>) on endpoints that require <see cref="HubPolicies.Caller"/> or a scope policy.
/// </summary>
public sealed record HubCaller(
    string Subject,
    string PartnerId,
    string? PartyType,
    string? ClientId,
    bool IsPerson,
    IReadOnlyList<ConvenantRole> Roles,
    IReadOnlyList<string> Scopes)
{
    /// <summary>The caller's roles under one convenant (empty when it has none).</summary>
    public IReadOnlyList<string> RolesIn(string convenant) =>
        Roles.Where(r => string.Equals(r.Convenant, convenant, StringComparison.Ordinal)).Select(r => r.Role).ToList();

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>The caller of an authenticated principal, or null when the token is not a hub token.</summary>
    public static HubCaller? FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = principal.GetClaim(OpenIddictConstants.Claims.Subject);
        var partner = principal.GetClaim(HubClaims.Partner);
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(partner))
        {
            return null;
        }

        var roles = new List<ConvenantRole>();
        foreach (var value in principal.GetClaims(HubClaims.Role))
        {
            if (ConvenantRole.TryParse(value, out var role))
            {
                roles.Add(role.Value);
            }
        }

        return new HubCaller(
            subject,
            partner,
            principal.GetClaim(HubClaims.Party),
            principal.GetClaim(OpenIddictConstants.Claims.ClientId),
            string.Equals(principal.GetClaim(HubClaims.ActorType), HubClaims.ActorPerson, StringComparison.Ordinal),
            roles,
            principal.GetScopes().ToList());
    }

    /// <summary>Minimal API binding: the caller of the current request (null only without a hub token).</summary>
    public static ValueTask<HubCaller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(FromPrincipal(context.User));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Api;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OidcErrors = OpenIddict.Abstractions.OpenIddictConstants.Errors;

namespace SharingHub.Hub.Auth;

/// <summary>
/// The OpenIddict passthrough endpoints: <c>/connect/token</c> (client credentials, authorization code),
/// <c>/connect/authorize</c> (people, via the login cookie) and <c>/connect/logout</c>. OpenIddict has already
/// validated the protocol (client secret, PKCE, redirect URI, scope permissions) when these run.
/// </summary>
internal sealed class ConnectEndpoints : IHubEndpoints
{
    private const string ServerScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").ExcludeFromDescription().DisableAntiforgery();
        connect.MapPost("/token", ExchangeAsync);
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, HubDbContext db, IHostEnvironment environment)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenIddict request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.PartnerClients.AsNoTracking()
                .Include(c => c.Partner!).ThenInclude(p => p.Roles)
                .SingleOrDefaultAsync(c => c.ClientId == request.ClientId, context.RequestAborted).ConfigureAwait(false);
            if (client?.Partner is null || !client.Enabled || !client.Partner.Enabled)
            {
                return Refuse(OidcErrors.InvalidClient, ErrorCodes.ClientDisabled + ": the client or its partner is disabled.");
            }

            if (client.IsDemo && !environment.IsDevelopment())
            {
                return Refuse(OidcErrors.InvalidClient, ErrorCodes.DemoCredentialsRefused + ": demo credentials are refused outside Development.");
            }

            return Results.SignIn(PrincipalFactory.ForClient(client, client.Partner, request.GetScopes()), authenticationScheme: ServerScheme);
        }

        if (request.IsAuthorizationCodeGrantType())
        {
            var result = await context.AuthenticateAsync(ServerScheme).ConfigureAwait(false);
            var person = await FindPersonAsync(db, result.Principal?.GetClaim(Claims.Subject), context.RequestAborted).ConfigureAwait(false);
            if (person?.Partner is null || !await ClientUsableAsync(db, environment, request.ClientId, context.RequestAborted).ConfigureAwait(false))
            {
                return Refuse(OidcErrors.InvalidGrant, ErrorCodes.PersonDisabled + ": the person, partner or client is disabled.");
            }

            return Results.SignIn(PrincipalFactory.ForPerson(person, person.Partner, result.Principal!.GetScopes()), authenticationScheme: ServerScheme);
        }

        return Refuse(OidcErrors.UnsupportedGrantType, ErrorCodes.UnsupportedGrant + ": the grant type is not supported.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, HubDbContext db, IHostEnvironment environment)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenIddict request.");
        var login = await context.AuthenticateAsync(LoginCookie.Scheme).ConfigureAwait(false);
        if (!login.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(OidcErrors.LoginRequired, "The person is not signed in.");
            }

            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [LoginCookie.Scheme]);
        }

        var person = await FindPersonAsync(db, login.Principal?.GetClaim(Claims.Subject), context.RequestAborted).ConfigureAwait(false);
        if (person?.Partner is null || !await ClientUsableAsync(db, environment, request.ClientId, context.RequestAborted).ConfigureAwait(false))
        {
            await context.SignOutAsync(LoginCookie.Scheme).ConfigureAwait(false);
            return Refuse(OidcErrors.AccessDenied, ErrorCodes.PersonDisabled + ": the person, partner or client is disabled.");
        }

        // First-party clients only (registered by the hub operator): consent is implicit.
        return Results.SignIn(PrincipalFactory.ForPerson(person, person.Partner, request.GetScopes()), authenticationScheme: ServerScheme);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(LoginCookie.Scheme).ConfigureAwait(false);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginCookie.LoginPath }, [ServerScheme]);
    }

    private static async Task<Person?> FindPersonAsync(HubDbContext db, string? subject, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(subject, "N", out var id))
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Include(p => p.Partner).Include(p => p.Roles)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        return person is { Enabled: true, Partner.Enabled: true } ? person : null;
    }

    private static async Task<bool> ClientUsableAsync(HubDbContext db, IHostEnvironment environment, string? clientId, CancellationToken cancellationToken)
    {
        var client = await db.PartnerClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        return client is { Enabled: true } && (!client.IsDemo || environment.IsDevelopment());
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [ServerScheme]);
}

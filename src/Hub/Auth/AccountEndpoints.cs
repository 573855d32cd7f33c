using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Api;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SharingHub.Hub.Auth;

/// <summary>
/// <c>GET/POST /account/login</c>: the sign-in page for people. The POST is protected by antiforgery; a failed
/// sign-in shows one generic message with code SH3022 and never says whether the user name exists.
/// </summary>
internal sealed partial class AccountEndpoints : IHubEndpoints
{
    private const int PasswordMaxLength = 256;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/login", ShowAsync);
        account.MapPost("/login", SignInAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, HubDbContext db, [FromQuery(Name = "ReturnUrl")] string? returnUrl)
    {
        var signedIn = await context.AuthenticateAsync(LoginCookie.Scheme).ConfigureAwait(false);
        string? name = null;
        if (signedIn.Succeeded && Guid.TryParseExact(signedIn.Principal.FindFirstValue(Claims.Subject), "N", out var id))
        {
            name = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.DisplayName)
                .SingleOrDefaultAsync(context.RequestAborted).ConfigureAwait(false);
        }

        return Page(context, antiforgery, LocalOrNull(returnUrl), error: null, name, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, HubDbContext db, IPasswordHasher<Person> hasher, [FromForm] LoginForm form)
    {
        var returnUrl = LocalOrNull(form.ReturnUrl);
        var person = await FindAsync(db, form.UserName, context.RequestAborted).ConfigureAwait(false);
        var password = form.Password is { Length: > 0 and <= PasswordMaxLength } given ? given : null;
        var verdict = PasswordVerificationResult.Failed;
        if (person is not null && password is not null)
        {
            verdict = hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        }
        else
        {
            // Same work for an unknown user name, so timing does not reveal which names exist.
            hasher.VerifyHashedPassword(DummyPerson, DummyHash(hasher), password ?? string.Empty);
        }

        if (person is null || verdict == PasswordVerificationResult.Failed || !person.Enabled || person.Partner?.Enabled != true)
        {
            return Page(context, antiforgery, returnUrl, ErrorCodes.LoginFailed + ": onbekende gebruikersnaam of onjuist wachtwoord.", null, StatusCodes.Status401Unauthorized);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            person.PasswordHash = hasher.HashPassword(person, password!);
            person.Touch();
            await db.SaveChangesAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var identity = new ClaimsIdentity(LoginCookie.Scheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, person.Id.ToString("N")));
        await context.SignInAsync(LoginCookie.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return Results.Redirect(returnUrl ?? LoginCookie.LoginPath);
    }

    private static async Task<Person?> FindAsync(HubDbContext db, string? userName, CancellationToken cancellationToken)
    {
        if (userName is not { Length: > 0 and <= Person.UserNameMaxLength })
        {
            return null;
        }

        return await db.People.Include(p => p.Partner).SingleOrDefaultAsync(p => p.UserName == userName, cancellationToken).ConfigureAwait(false);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, string? signedInAs, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = LoginPage.Render(tokens.FormFieldName, tokens.RequestToken ?? string.Empty, returnUrl, error, signedInAs);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Only a local path may be a return URL (no open redirect): "/x", not "//host" or "/\host".</summary>
    internal static string? LocalOrNull(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;

    private static readonly Person DummyPerson = new()
    {
        Id = Guid.Empty, UserName = "-", DisplayName = "-", PasswordHash = "-", PartnerId = "-",
    };

    private static string? _dummyHash;

    private static string DummyHash(IPasswordHasher<Person> hasher) =>
        _dummyHash ??= hasher.HashPassword(DummyPerson, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}

/// <summary>The login form fields.</summary>
public sealed class LoginForm
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public override string ToString() => "LoginForm";
}

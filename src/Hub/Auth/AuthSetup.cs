using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.KeyRing;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Auth;

/// <summary>
/// OpenIddict server (token, authorize, logout endpoints) and validation (local server) inside the hub,
/// the login cookie for people, and the scope policies.
/// </summary>
internal static class AuthSetup
{
    public static IServiceCollection AddHubAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var development = environment.IsDevelopment();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<HubDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. HubScopes.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                if (options.Issuer is not null)
                {
                    server.SetIssuer(options.Issuer);
                }

                AddKeys(server, options, development);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (development)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddEventHandler(RejectExpiredTokens.Descriptor);
            });
        services.AddSingleton<RejectExpiredTokens>();

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(LoginCookie.Scheme, cookie =>
            {
                cookie.Cookie.Name = LoginCookie.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.LoginPath = LoginCookie.LoginPath;
                cookie.ExpireTimeSpan = options.LoginLifetime;
                cookie.SlidingExpiration = true;
            });

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(HubPolicies.Caller, p => p.RequireAuthenticatedUser().RequireClaim(HubClaims.Partner));
        authorization.AddPolicy(HubPolicies.ConvenantMember, p =>
            p.RequireAuthenticatedUser().RequireClaim(HubClaims.Partner).AddRequirements(ConvenantRoleRequirement.Instance));
        foreach (var scope in HubScopes.All)
        {
            authorization.AddPolicy(HubPolicies.Scope(scope), p =>
                p.RequireAuthenticatedUser().RequireClaim(HubClaims.Partner).AddRequirements(new ScopeRequirement(scope)));
        }

        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, ConvenantRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, HubAuthorizationResultHandler>();
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = options.PasswordIterations;
        });
        services.AddSingleton<IPasswordHasher<Person>, PasswordHasher<Person>>();
        services.AddScoped<AccountAdministration>();
        return services;
    }

    private static void AddKeys(OpenIddictServerBuilder server, AuthOptions options, bool development)
    {
        var signing = options.SigningCertificate;
        var encryption = options.EncryptionCertificate;
        if (!string.IsNullOrWhiteSpace(signing.Path) && !string.IsNullOrWhiteSpace(encryption.Path))
        {
            server.AddSigningCertificate(Load(signing, "Auth:SigningCertificate"));
            server.AddEncryptionCertificate(Load(encryption, "Auth:EncryptionCertificate"));
            return;
        }

        if (!development)
        {
            throw new InvalidOperationException(
                "Refusing to start: outside Development the token signing and encryption certificates must come from configuration " +
                "(Auth:SigningCertificate:Path/Password and Auth:EncryptionCertificate:Path/Password, .pfx files). See README, 'Running the hub'.");
        }

        server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
    }

    private static X509Certificate2 Load(CertificateOptions certificate, string key)
    {
        var loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate.Path!, certificate.Password);
        return loaded.HasPrivateKey
            ? loaded
            : throw new InvalidOperationException(key + ":Path must point to a certificate with its private key (.pfx).");
    }
}

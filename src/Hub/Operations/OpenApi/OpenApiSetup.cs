using Microsoft.OpenApi;
using Scalar.AspNetCore;
using SharingHub.Hub.Auth;

namespace SharingHub.Hub.Operations.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the interactive Scalar page at <c>/scalar</c>.</summary>
internal static class OpenApiSetup
{
    public const string SchemeName = "oauth2";

    public static IServiceCollection AddHubOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SharingHub API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Partner systems get a token at POST /connect/token (client credentials); people sign in with " +
                "authorization code + PKCE. Errors are application/problem+json with a stable 'code' (SH3xxx).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth 2.0: client credentials for partner systems, authorization code + PKCE for people.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = HubScopes.All.ToDictionary(s => s, s => "capability: " + s),
                    },
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = HubScopes.All.ToDictionary(s => s, s => "capability: " + s),
                    },
                },
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapHubOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").DisableRateLimiting();
        app.MapScalarApiReference("/scalar", options => options.WithTitle("SharingHub API")).DisableRateLimiting();
        return app;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SharingHub.Hub.Operations.Health;

/// <summary>
/// <c>/health/live</c>: the process runs (no checks). <c>/health/ready</c>: database and document store answer;
/// JSON <c>{ status, checks: { name: status } }</c>, 503 when not ready.
/// </summary>
internal static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHubHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<DocumentStoreHealthCheck>("documents", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHubHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}

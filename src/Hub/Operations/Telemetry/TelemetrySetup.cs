using System.Diagnostics;
using OpenTelemetry.Trace;

namespace SharingHub.Hub.Operations.Telemetry;

/// <summary>
/// OpenTelemetry tracing for ASP.NET Core and the <see cref="HubTelemetry.Source"/>. Query strings are dropped from
/// spans (they could carry identifiers); health probes are not traced. Exporters are added by the deployment.
/// </summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddHubTelemetry(this IServiceCollection services)
    {
        Activity.DefaultIdFormat = ActivityIdFormat.W3C;
        Activity.ForceDefaultIdFormat = true;
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource(HubTelemetry.SourceName)
            .AddAspNetCoreInstrumentation(options =>
            {
                options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);
                options.RecordException = false;
                options.EnrichWithHttpRequest = static (activity, _) =>
                {
                    activity.SetTag("url.query", null);
                    activity.SetTag("url.full", null);
                };
            }));
        return services;
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace SharingHub.Hub.Operations.Telemetry;

/// <summary>
/// One log line per request with method, route TEMPLATE (never the concrete path or query string, which could
/// carry identifiers), status and duration. The framework's own request logging is turned down to Warning.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            if (!route.StartsWith("/health", StringComparison.Ordinal))
            {
                LogRequest(logger, context.Request.Method, route, context.Response.StatusCode,
                    time.GetElapsedTime(started).TotalMilliseconds, Activity.Current?.TraceId.ToString() ?? string.Empty);
            }
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "{Method} {Route} -> {StatusCode} in {ElapsedMs:0.0} ms (trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs, string traceId);
}

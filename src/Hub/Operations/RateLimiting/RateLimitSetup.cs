using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;
using SharingHub.Hub.Errors;

namespace SharingHub.Hub.Operations.RateLimiting;

/// <summary>A global limiter partitioned per caller; a refusal is 429 ProblemDetails SH3005 with Retry-After.</summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddHubRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            if (options.Enabled)
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Partition(PartitionKey(context), options));
            }
        });
        return services;
    }

    /// <summary><c>client_id</c>, else <c>sub</c>, else the remote address: one bucket per caller.</summary>
    internal static string PartitionKey(HttpContext context)
    {
        var user = context.User;
        var key = user.GetClaim(OpenIddictConstants.Claims.ClientId) is { Length: > 0 } client ? "client:" + client
            : user.GetClaim(OpenIddictConstants.Claims.Subject) is { Length: > 0 } subject ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return key;
    }

    private static RateLimitPartition<string> Partition(string key, RateLimitOptions options) =>
        options.Kind == RateLimitKind.FixedWindow
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PermitLimit,
                TokensPerPeriod = options.TokensPerPeriod,
                ReplenishmentPeriod = options.Window,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter =
                Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await HubProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests).ConfigureAwait(false);
    }
}

namespace SharingHub.Hub.Hosting;

/// <summary>
/// Log filters that keep identifiers out of the logs: the framework categories that print request paths, query
/// strings, SQL or protocol parameters are held at Warning. The hub logs requests itself by route template
/// (<see cref="Operations.Telemetry.RequestLoggingMiddleware"/>). Configuration can lower other categories, not these.
/// </summary>
internal static class HubLogging
{
    private static readonly string[] QuietCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http.HttpClient",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Http.Result",
        "Microsoft.AspNetCore.Http.RequestDelegateFactory",
        "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Antiforgery",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.EntityFrameworkCore",
        "OpenIddict",
    ];

    public static void Configure(ILoggingBuilder logging)
    {
        foreach (var category in QuietCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }
    }
}

using SharingHub.Hub.Api;

namespace SharingHub.Hub.Requests;

public static class RequestsServiceCollectionExtensions
{
    /// <summary>Access requests, reviews, grants on approval and the escalation job (configuration section <c>Requests</c>).</summary>
    public static IServiceCollection AddHubRequests(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RequestsOptions>().Bind(configuration.GetSection(RequestsOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.DefaultGrantDays <= o.MaxGrantDays, "Requests:DefaultGrantDays must not exceed Requests:MaxGrantDays.")
            .Validate(o => o.EscalationInterval > TimeSpan.Zero && o.EscalationInterval <= TimeSpan.FromDays(49), "Requests:EscalationInterval must be positive and at most 49 days.")
            .ValidateOnStart();
        services.AddSingleton<RequestAudit>();
        services.AddScoped<RequestReader>().AddScoped<GrantFactory>().AddScoped<AccessRequestService>().AddScoped<RequestQueries>().AddScoped<ReviewService>();
        services.AddSingleton<RequestEscalation>().AddHostedService(sp => sp.GetRequiredService<RequestEscalation>());
        return services.AddHubEndpoints<RequestsEndpoints>();
    }
}

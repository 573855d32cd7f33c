using SharingHub.Hub.Api;

namespace SharingHub.Hub.Cases;

public static class CasusServiceCollectionExtensions
{
    /// <summary>The casus lifecycle service and the casus API.</summary>
    public static IServiceCollection AddHubCases(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddScoped<CasusService>().AddHubEndpoints<CasusEndpoints>();
    }
}

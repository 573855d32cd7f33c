using SharingHub.Hub.Api;

namespace SharingHub.Hub.Disclosure;

public static class DisclosureServiceCollectionExtensions
{
    /// <summary>Disclosure under grants and grant revocation: <see cref="DisclosureService"/>, <see cref="GrantRevocation"/> and their endpoints.</summary>
    public static IServiceCollection AddHubDisclosure(this IServiceCollection services)
    {
        services.AddScoped<DisclosureService>().AddScoped<GrantRevocation>();
        return services.AddHubEndpoints<DisclosureEndpoints>();
    }
}

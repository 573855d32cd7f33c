using SharingHub.Hub.Api;

namespace SharingHub.Hub.Linkage;

/// <summary>Registers linkage in the hub: the background <see cref="SubjectLinker"/> and the hit/no-hit endpoint.</summary>
public static class LinkageServiceCollectionExtensions
{
    public static IServiceCollection AddHubLinkage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LinkageOptions>().Bind(configuration.GetSection(LinkageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LinkageOptions>>().Value);
        services.AddSingleton<SubjectLinker>();
        services.AddHostedService(sp => sp.GetRequiredService<SubjectLinker>());
        services.AddHubEndpoints<HitsEndpoints>();
        return services;
    }
}

using SharingHub.Hub.Api;
using SharingHub.Hub.Pseudonyms;

namespace SharingHub.Hub.Retention;

/// <summary>Registers retention (service, hosted job, endpoints) and convenant key rotation.</summary>
public static class RetentionSetup
{
    public static IServiceCollection AddHubRetention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConvenantGates>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddHubEndpoints<RetentionEndpoints>();
        services.AddHubKeyRotation();
        return services;
    }
}

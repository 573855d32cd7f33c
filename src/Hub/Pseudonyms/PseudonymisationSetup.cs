using Microsoft.AspNetCore.DataProtection;
using SharingHub.Hub.Hosting;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>Registers the pseudonymisation cores on the hub database: domain keys, identity vault, pseudonymisers, scrubber.</summary>
internal static class PseudonymisationSetup
{
    public static IServiceCollection AddHubPseudonymisation(this IServiceCollection services)
    {
        services.AddSingleton<IDomainKeyStore, EfDomainKeyStore>();
        services.AddSingleton<IVaultKeyStore, EfVaultKeyStore>();
        services.AddSingleton(sp => new DomainKeyService(
            sp.GetRequiredService<IDomainKeyStore>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new IdentityVault(
            sp.GetRequiredService<IVaultKeyStore>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConvenantKeys>();
        services.AddSingleton(sp => new Scrubber(new ScrubberOptions(
            ScrubberKey.LoadOrCreate(sp.GetRequiredService<HubPaths>().DataDirectory, sp.GetRequiredService<IDataProtectionProvider>()))));
        return services;
    }
}

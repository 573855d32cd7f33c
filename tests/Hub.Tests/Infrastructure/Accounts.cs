using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>Seeds test partners, clients and people through the hub's own <see cref="AccountAdministration"/>.</summary>
internal static class TestAccounts
{
    public const string Secret = "test-secret-0123456789";

    public static async Task SeedAsync(IServiceProvider services, Func<AccountAdministration, Task> seed)
    {
        await using var scope = services.CreateAsyncScope();
        await seed(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
    }

    public static Task SeedStandardAsync(IServiceProvider services) => SeedAsync(services, async accounts =>
    {
        await accounts.CreatePartnerAsync("gemeente-test", "Gemeente Test", "gemeente",
            [new("riec", "casusregisseur"), new("zvh", "casusregisseur")]);
        await accounts.CreatePartnerAsync("belastingdienst-test", "Belastingdienst Test", "belastingdienst", [new("riec", "analist")]);
        await accounts.CreateSystemClientAsync("gemeente-system", "gemeente-test", Secret, ["signals", "linkage"], isDemo: false);
        await accounts.CreateSystemClientAsync("bd-system", "belastingdienst-test", Secret, ["signals"], isDemo: false);
    });
}

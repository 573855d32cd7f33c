using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace SharingHub.Pseudonymisation.Tests.Keys;

/// <summary>A DataProtection provider whose key ring lives in a directory, as the hub configures it.</summary>
internal static class FileDataProtection
{
    public static IDataProtectionProvider Create(string directory, string applicationName = "SharingHub.Tests") =>
        new ServiceCollection()
            .AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(directory))
            .Services
            .BuildServiceProvider()
            .GetRequiredService<IDataProtectionProvider>();
}

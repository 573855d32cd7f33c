using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Tests.Keys;

/// <summary>A temporary directory with a file-system DataProtection provider and key store; deleted on dispose.</summary>
internal sealed class KeyTestFixture : IDisposable
{
    public KeyTestFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sh-keys-");
        Provider = FileDataProtection.Create(Path.Combine(Directory.FullName, "dp"));
        StorePath = Path.Combine(Directory.FullName, "store");
        Store = new FileSystemDomainKeyStore(StorePath);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    }

    public DirectoryInfo Directory { get; }

    public IDataProtectionProvider Provider { get; }

    public string StorePath { get; }

    public FileSystemDomainKeyStore Store { get; }

    public FakeTimeProvider Time { get; }

    public DomainKeyService NewService() => new(Store, Provider, Time);

    public void Dispose() => Directory.Delete(recursive: true);
}

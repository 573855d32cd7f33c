using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.KeyRing;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.KeyRing;

/// <summary>The DataProtection key ring in one Azure blob (Azurite), protected with a certificate.</summary>
public sealed class BlobXmlRepositoryTests : IAsyncLifetime, IDisposable
{
    private readonly BlobContainerClient _container =
        new BlobServiceClient(TestServices.AzuriteConnectionString).GetBlobContainerClient("keys-" + Guid.NewGuid().ToString("N"));

    private readonly string _certificates = TempDirectory.Create("certs");

    [Fact]
    public void StoreElement_TwoElements_BothReadBackFromBlob()
    {
        var repository = new BlobXmlRepository(_container.GetBlobClient("keyring.xml"));
        Assert.Empty(repository.GetAllElements());

        repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "k1");
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "k2");

        var again = new BlobXmlRepository(_container.GetBlobClient("keyring.xml"));
        Assert.Equal(["1", "2"], again.GetAllElements().Select(e => (string)e.Attribute("id")!));
    }

    [Fact]
    public void KeyRing_SharedBlobWithCertificate_SecondInstanceUnprotectsAndBlobHoldsNoPlainKey()
    {
        var path = TestCertificates.CreatePfx(_certificates, "keyring", X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, TestCertificates.Password);
        var blob = _container.GetBlobClient("keyring.xml");

        using var first = Provider(blob, certificate);
        var protectedPayload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("pseudonymised payload");
        using var second = Provider(blob, certificate);
        var roundTrip = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload);

        Assert.Equal("pseudonymised payload", roundTrip);
        var xml = blob.DownloadContent().Value.Content.ToString();
        Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(BlobClient blob, X509Certificate2 certificate)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(KeyRingSetup.ApplicationName)
            .ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(blob));
        return services.BuildServiceProvider();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    public void Dispose() => TempDirectory.Delete(_certificates);
}

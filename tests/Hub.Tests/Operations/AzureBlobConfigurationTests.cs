using System.Net;
using Azure.Storage.Blobs;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Operations;

/// <summary>The hub in its blob configuration: documents and the key ring in Azurite.</summary>
public sealed class AzureBlobConfigurationTests
{
    [Fact]
    public async Task BlobConfiguration_HubStarts_ReadyAndKeyRingPersistedToBlob()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        using var factory = new HubFactory(new Dictionary<string, string?>
        {
            ["Documents:Provider"] = "AzureBlob",
            ["Documents:ConnectionString"] = TestServices.AzuriteConnectionString,
            ["Documents:Container"] = "docs-" + suffix,
            ["DataProtection:Container"] = "keys-" + suffix,
        });
        var service = new BlobServiceClient(TestServices.AzuriteConnectionString);
        try
        {
            using var http = factory.CreateApiClient();
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var login = await http.GetAsync(new Uri("/account/login", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var keyRing = service.GetBlobContainerClient("keys-" + suffix).GetBlobClient("keyring.xml");
            Assert.True((await keyRing.ExistsAsync()).Value);
            Assert.Contains("<key ", (await keyRing.DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "keys")).Any());
        }
        finally
        {
            await service.GetBlobContainerClient("docs-" + suffix).DeleteIfExistsAsync();
            await service.GetBlobContainerClient("keys-" + suffix).DeleteIfExistsAsync();
        }
    }
}

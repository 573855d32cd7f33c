using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Hosting;

public sealed class ProductionStartupTests : IDisposable
{
    private readonly string _data = TempDirectory.Create("prod");

    [Fact]
    public void Production_WithoutTokenCertificates_RefusesToStart()
    {
        var settings = TestCertificates.ProductionSettings(_data);
        settings.Remove("Auth:SigningCertificate:Path");
        settings.Remove("Auth:EncryptionCertificate:Path");
        using var factory = new HubFactory(settings, _data, environment: "Production");
        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);
        Assert.Contains("Auth:SigningCertificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_WithoutKeyRingProtection_RefusesToStart()
    {
        var settings = TestCertificates.ProductionSettings(_data);
        settings.Remove("DataProtection:Certificate:Path");
        using var factory = new HubFactory(settings, _data, environment: "Production");
        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);
        Assert.Contains("key ring must be protected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithCertificates_StartsAndKeyRingIsEncryptedAtRest()
    {
        using var factory = new HubFactory(TestCertificates.ProductionSettings(_data), _data, environment: "Production");
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var response = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var keyFiles = Directory.GetFiles(Path.Combine(_data, "keys"), "key-*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempDirectory.Delete(_data);
    }
}

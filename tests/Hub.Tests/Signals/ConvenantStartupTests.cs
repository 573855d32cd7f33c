using SharingHub.Hub.Convenants;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>The hub loads the convenants at start and refuses to start on any validation error.</summary>
public sealed class ConvenantStartupTests
{
    [Fact]
    public void Start_InvalidConvenant_RefusesToStartWithTheValidationCode()
    {
        var directory = TempDirectory.Create("convenants");
        try
        {
            File.WriteAllText(Path.Combine(directory, "broken.json"), "{\"id\":\"broken\",\"parties\":[]}");
            using var factory = new HubFactory(new Dictionary<string, string?> { ["Convenants:Directory"] = directory });

            var error = Assert.ThrowsAny<Exception>(() => factory.Services);

            var message = error.GetBaseException().Message;
            Assert.Contains(ConvenantErrors.Invalid, message, StringComparison.Ordinal);
            Assert.Contains("broken.json: SH20", message, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public void Start_MissingDirectory_RefusesToStart()
    {
        using var factory = new HubFactory(new Dictionary<string, string?> { ["Convenants:Directory"] = "/nonexistent/convenants-" + Guid.NewGuid().ToString("N") });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(ConvenantErrors.DirectoryMissing, error.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DefaultDirectory_LoadsTheThreeConvenantsWithVersionHashes()
    {
        using var factory = new HubFactory();

        var convenants = (HubConvenants)factory.Services.GetService(typeof(HubConvenants))!;

        Assert.Equal(["pmg", "riec", "zvh"], convenants.Ids.Order(StringComparer.Ordinal));
        Assert.All(convenants.Ids, id => Assert.Matches("^[0-9a-f]{64}$", convenants.VersionHash(id)!));
    }
}

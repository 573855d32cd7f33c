using Azure.Storage.Blobs;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Documents;

/// <summary>The contract against Azurite (started by ./test.sh), one fresh container per test class instance.</summary>
public sealed class AzureBlobDocumentStoreTests : DocumentStoreContract, IAsyncLifetime
{
    private readonly BlobContainerClient _container =
        new BlobServiceClient(TestServices.AzuriteConnectionString).GetBlobContainerClient("docs-" + Guid.NewGuid().ToString("N"));

    public AzureBlobDocumentStoreTests() => Store = new AzureBlobDocumentStore(_container);

    protected override IDocumentStore Store { get; }

    [Fact]
    public async Task List_BeforeFirstPut_EmptyWithoutCreatingContainer()
    {
        var listed = new List<DocumentInfo>();
        await foreach (var info in Store.ListAsync(string.Empty))
        {
            listed.Add(info);
        }

        Assert.Empty(listed);
        Assert.False((await _container.ExistsAsync()).Value);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();
}

using Azure.Storage.Blobs;
using Npgsql;

namespace SharingHub.Hub.Tests.Infrastructure;

public sealed class ServiceSmokeTests
{
    [Fact]
    public async Task Postgres_StartedByTestScript_AnswersQuery()
    {
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 40 + 2", connection);
        var answer = await command.ExecuteScalarAsync();
        Assert.Equal(42, Convert.ToInt32(answer, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Azurite_StartedByTestScript_StoresAndReturnsBlob()
    {
        var service = new BlobServiceClient(TestServices.AzuriteConnectionString);
        var container = service.GetBlobContainerClient("smoke-" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync();
        try
        {
            var blob = container.GetBlobClient("hello.txt");
            await blob.UploadAsync(BinaryData.FromString("smoke"));
            var content = await blob.DownloadContentAsync();
            Assert.Equal("smoke", content.Value.Content.ToString());
        }
        finally
        {
            await container.DeleteAsync();
        }
    }
}

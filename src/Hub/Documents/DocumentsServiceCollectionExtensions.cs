using Azure.Storage.Blobs;
using SharingHub.Hub.Hosting;

namespace SharingHub.Hub.Documents;

/// <summary>Registers the configured <see cref="IDocumentStore"/> (and, for Azure, the shared <see cref="BlobServiceClient"/>).</summary>
internal static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddHubDocuments(this IServiceCollection services, IConfiguration configuration, HubPaths paths)
    {
        var options = configuration.GetSection(DocumentsOptions.Section).Get<DocumentsOptions>() ?? new DocumentsOptions();
        services.AddSingleton(options);
        if (options.Provider == DocumentsProvider.AzureBlob)
        {
            var connectionString = BlobConnectionString(configuration, options)
                ?? throw new InvalidOperationException("Documents:Provider is AzureBlob but neither Documents:ConnectionString nor ConnectionStrings:Blobs is set.");
            services.AddSingleton(new BlobServiceClient(connectionString));
            services.AddSingleton<IDocumentStore>(sp =>
                new AzureBlobDocumentStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.Container)));
        }
        else
        {
            var directory = string.IsNullOrWhiteSpace(options.Directory) ? Path.Combine(paths.DataDirectory, "documents") : options.Directory;
            services.AddSingleton<IDocumentStore>(new FileDocumentStore(directory));
        }

        return services;
    }

    public static string? BlobConnectionString(IConfiguration configuration, DocumentsOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) ? configuration.GetConnectionString("Blobs") : options.ConnectionString;
}

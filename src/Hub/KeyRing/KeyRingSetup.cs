using System.Security.Cryptography.X509Certificates;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Hosting;

namespace SharingHub.Hub.KeyRing;

/// <summary>
/// Persists the DataProtection key ring (files or one Azure blob) and protects it at rest with a certificate.
/// Outside Development a certificate is mandatory; in Development an unprotected ring is allowed with a warning.
/// </summary>
internal static class KeyRingSetup
{
    public const string ApplicationName = "SharingHub";

    public static IServiceCollection AddHubKeyRing(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, HubPaths paths, StartupNotes notes)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var documents = configuration.GetSection(DocumentsOptions.Section).Get<DocumentsOptions>() ?? new DocumentsOptions();
        var store = options.Store ?? (documents.Provider == DocumentsProvider.AzureBlob ? KeyRingStore.AzureBlob : KeyRingStore.Files);
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);

        if (store == KeyRingStore.AzureBlob)
        {
            var connectionString = DocumentsServiceCollectionExtensions.BlobConnectionString(configuration, documents)
                ?? throw new InvalidOperationException("DataProtection:Store is AzureBlob but no blob connection string is configured.");
            var blob = new BlobServiceClient(connectionString).GetBlobContainerClient(options.Container).GetBlobClient(options.Blob);
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(blob));
        }
        else
        {
            var directory = string.IsNullOrWhiteSpace(options.Directory) ? paths.Directory("keys") : options.Directory;
            builder.PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        if (!string.IsNullOrWhiteSpace(options.Certificate.Path))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.Certificate.Path, options.Certificate.Password);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException("DataProtection:Certificate:Path must point to a certificate with its private key (.pfx).");
            }

            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (environment.IsDevelopment())
        {
            notes.Warn("The DataProtection key ring is NOT protected at rest (Development only). Set DataProtection:Certificate:Path outside Development.");
        }
        else
        {
            throw new InvalidOperationException(
                "Refusing to start: the DataProtection key ring must be protected at rest outside Development. " +
                "Set DataProtection:Certificate:Path (and :Password) to a .pfx certificate; see docs/SECURITY.md, 'Hub key ring at rest'.");
        }

        return services;
    }
}

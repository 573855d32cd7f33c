using Microsoft.Data.Sqlite;
using Npgsql;
using SharingHub.Hub.Api;
using SharingHub.Hub.Audit.Api;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Signing;
using SharingHub.Hub.Audit.Storage;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Hosting;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Audit;

/// <summary>Registers the audit log, its checkpoint signer and its API.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddHubAudit(this IServiceCollection services, IConfiguration configuration, HubPaths paths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(paths);
        var options = new AuditOptions();
        configuration.GetSection(AuditOptions.Section).Bind(options);
        if (!NoteKey.IsValidName(options.Origin))
        {
            throw new InvalidOperationException("Audit:Origin must be a non-empty name without spaces or '+'.");
        }

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddSingleton<AuditStore>(_ => CreateStore(storage.Provider, configuration.GetConnectionString("Hub"), options, paths));
        services.AddSingleton<MerkleTree>();
        services.AddSingleton<AuditSigningKeyProvider>();
        services.AddSingleton(sp => new AuditLog(
            sp.GetRequiredService<AuditStore>(), sp.GetRequiredService<MerkleTree>(), options, sp.GetRequiredService<AuditSigningKeyProvider>(),
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IProcessingLog, AuditProcessingLog>();
        if (storage.Provider != StorageProvider.Postgres)
        {
            // The audit file's WAL is checkpointed in the background too: a 1,000-signal ingress batch appends about 1,500 WAL
            // pages, so with SQLite's default every audit commit copied the log and fsync'd the file before the batch could answer.
            services.AddSingleton<IHostedService>(sp => new SqliteCheckpointer(
                new SqliteCheckpointer.Target(((SqliteAuditStore)sp.GetRequiredService<AuditStore>()).ConnectionString),
                sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        }

        services.AddHostedService<AuditLifecycle>();
        services.AddHostedService<CheckpointSigner>();
        services.AddHubEndpoints<AuditEndpoints>();
        return services;
    }

    internal static AuditStore CreateStore(StorageProvider provider, string? connectionString, AuditOptions options, HubPaths paths)
    {
        if (provider == StorageProvider.Postgres)
        {
            return PostgresAuditStore.Create(connectionString
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Hub is empty."));
        }

        var path = string.IsNullOrWhiteSpace(options.SqlitePath) ? Path.Combine(paths.DataDirectory, "audit.db") : Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteAuditStore(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
    }
}

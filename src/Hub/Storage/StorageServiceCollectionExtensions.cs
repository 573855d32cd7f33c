using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Hosting;

namespace SharingHub.Hub.Storage;

/// <summary>Registers <see cref="HubDbContext"/> for the configured provider.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration, HubPaths paths)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = configuration.GetConnectionString("Hub");
        switch (options.Provider)
        {
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Hub is empty.");
                }

                services.AddDbContextPool<HubDbContext, PostgresHubDbContext>(b => b.UseNpgsql(connectionString));
                break;
            default:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? "Data Source=" + Path.Combine(paths.DataDirectory, "hub.db")
                    : connectionString;
                services.AddDbContextPool<HubDbContext, SqliteHubDbContext>(b => b.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
                services.AddSingleton(new SqliteCheckpointer.Target(connectionString));
                services.AddHostedService<SqliteCheckpointer>();
                break;
        }

        services.AddHostedService<StorageInitialiser>();
        services.AddScoped<Idempotency.IdempotencyStore>();
        return services;
    }
}

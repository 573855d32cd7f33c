using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharingHub.Hub.Api;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>
/// The real hub (Program) in memory with its own data directory (SQLite file, documents, key ring) and the
/// <see cref="ProbeEndpoints"/> test area. Settings go in through <c>UseSetting</c>, so they are visible while the
/// hub builds its services.
/// </summary>
public sealed class HubFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDataDirectory;

    public HubFactory(IDictionary<string, string?>? settings = null, string? dataDirectory = null, string environment = "Development",
        Action<IServiceCollection>? services = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TempDirectory.Create("hub");
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
        {
            ["Hub:DataDirectory"] = DataDirectory,
        };

        // The lowest password-hashing cost the hub accepts (the default is 600,000): every seeded person and every sign-in
        // hashes, and at 600,000 iterations each costs about 0.3 s of CPU. A test that needs another count sets it.
        _settings.TryAdd("Auth:PasswordIterations", "100000");
        EnvironmentName = environment;
        ExtraServices = services;
    }

    public string DataDirectory { get; }

    public string EnvironmentName { get; }

    public Action<IServiceCollection>? ExtraServices { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.ConfigureTestServices(services =>
        {
            services.AddHubEndpoints<ProbeEndpoints>();
            ExtraServices?.Invoke(services);
        });
    }

    /// <summary>A client that does not follow redirects and keeps no cookies (API calls).</summary>
    public HttpClient CreateApiClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory)
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(DataDirectory);
        }
    }
}

using SharingHub.Hub.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Demo;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Hosting;
using SharingHub.Hub.KeyRing;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Operations.Health;
using SharingHub.Hub.Operations.OpenApi;
using SharingHub.Hub.Operations.RateLimiting;
using SharingHub.Hub.Operations.RequestLimits;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Retention;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub;

/// <summary>Builds the hub's web application: services, middleware and endpoints.</summary>
public static class HubApplication
{
    public const string DemoFlag = "--demo";
    public const string DemoUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoFlag, StringComparer.Ordinal);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != DemoFlag).ToArray(),
            EnvironmentName = demo ? Environments.Development : null,
            // appsettings.json, the demo seed and the convenants sit next to the binary, wherever the hub is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (demo)
        {
            builder.Configuration[DemoOptions.Section + ":" + nameof(DemoOptions.Enabled)] = "true";
            if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            {
                builder.WebHost.UseUrls(DemoUrl);
            }
        }

        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var paths = new HubPaths(configuration);
        var notes = new StartupNotes();
        var limits = configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        HubLogging.Configure(builder.Logging);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(paths).AddSingleton(notes).AddSingleton(limits);
        services.AddOptions<RequestLimitOptions>().Bind(configuration.GetSection(RequestLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<StartupNotes.Writer>();
        services.AddHubProblemDetails();
        services.AddHubStorage(configuration, paths);
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled)
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException("Refusing to start: demo mode seeds public demo secrets and runs only in the Development environment.");
            }

            services.AddSingleton(demo).AddHostedService<DemoSeeder>();
        }

        services.AddHubDocuments(configuration, paths);
        services.AddHubAudit(configuration, paths);
        services.AddHubKeyRing(configuration, builder.Environment, paths, notes);
        services.AddHubAuth(configuration, builder.Environment);
        services.AddAntiforgery();
        services.AddHubRateLimiting(configuration);
        services.AddHubHealth();
        services.AddHubTelemetry();
        services.AddHubOpenApi();
        services.AddHubEndpoints<ConnectEndpoints>().AddHubEndpoints<AccountEndpoints>().AddHubEndpoints<MeEndpoints>();
        services.AddHubConvenants(configuration);
        services.AddHubPseudonymisation();
        services.TryAddSingleton<IProcessingLog, NullProcessingLog>();
        services.AddScoped<SubjectDirectory>();
        services.AddScoped<SignalIngest>().AddHubEndpoints<SignalsEndpoints>();
        services.AddSingleton<DocumentCipher>().AddHubEndpoints<SignalDocumentsEndpoints>();
        services.AddHubRequests(configuration);
        services.AddHubDisclosure();
        services.AddHubCases();
        services.AddHubRetention(configuration);
        services.AddHubLinkage(configuration);
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseHubProblemDetails();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHubHealth();
        app.MapHubOpenApi();
        app.MapHubEndpoints();
    }
}

namespace SharingHub.Hub;

/// <summary>Builds the hub's web application: services, middleware and endpoints.</summary>
public static class HubApplication
{
    public const string DemoFlag = "--demo";

    public static WebApplication Build(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoFlag, StringComparer.Ordinal);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != DemoFlag).ToArray(),
            EnvironmentName = demo ? Environments.Development : null,
        });
        if (demo && string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live");
        return app;
    }
}

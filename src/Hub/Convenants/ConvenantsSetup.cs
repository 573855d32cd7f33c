namespace SharingHub.Hub.Convenants;

/// <summary>Loads the convenants while the hub builds its services and refuses to start on any validation error.</summary>
internal static class ConvenantsSetup
{
    public static IServiceCollection AddHubConvenants(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ConvenantsOptions.Section).Get<ConvenantsOptions>() ?? new ConvenantsOptions();
        var directory = string.IsNullOrWhiteSpace(options.Directory)
            ? Path.Combine(AppContext.BaseDirectory, "convenants")
            : Path.GetFullPath(options.Directory);
        var (convenants, errors) = HubConvenants.TryLoad(directory, TimeProvider.System);
        if (convenants is null)
        {
            throw new InvalidOperationException(
                $"{ConvenantErrors.Invalid}: refusing to start, the convenants in {directory} are not valid:{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors));
        }

        services.AddSingleton(convenants).AddSingleton(convenants.Catalog);
        return services;
    }
}

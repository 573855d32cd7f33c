namespace SharingHub.Hub.Api;

/// <summary>
/// One API area (signals, audit, ...): maps its endpoints. Register it with
/// <see cref="HubEndpointsExtensions.AddHubEndpoints{T}"/>; the host maps every registered area at start-up.
/// </summary>
public interface IHubEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}

public static class HubEndpointsExtensions
{
    /// <summary>Registers an API area; its <see cref="IHubEndpoints.Map"/> runs once when the app is built.</summary>
    public static IServiceCollection AddHubEndpoints<T>(this IServiceCollection services)
        where T : class, IHubEndpoints
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<IHubEndpoints, T>();
    }

    /// <summary>Maps every registered API area.</summary>
    public static IEndpointRouteBuilder MapHubEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var area in endpoints.ServiceProvider.GetServices<IHubEndpoints>())
        {
            area.Map(endpoints);
        }

        return endpoints;
    }

    /// <summary>The <c>/api/v1</c> group every API area hangs under: needs a valid hub token.</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGroup("/api/v1").RequireAuthorization(Auth.HubPolicies.Caller);
    }
}

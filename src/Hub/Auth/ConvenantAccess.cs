using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Auth;

/// <summary>
/// The caller together with the <c>{convenant}</c> route value and the caller's roles in it. Available on endpoints
/// behind <c>.RequireConvenantRole()</c>, which guarantees a well-formed id and at least one role.
/// </summary>
public sealed record ConvenantAccess(HubCaller Caller, string Convenant, IReadOnlyList<string> Roles)
{
    public const string RouteValue = "convenant";

    internal static readonly object ItemKey = new();

    /// <summary>Minimal API binding (after authorisation has checked the convenant role).</summary>
    public static ValueTask<ConvenantAccess?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Resolve(context));
    }

    /// <summary>Reads the route's convenant and the caller's roles in it; null without caller or a well-formed id.</summary>
    public static ConvenantAccess? Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is ConvenantAccess access)
        {
            return access;
        }

        var caller = HubCaller.FromPrincipal(context.User);
        var convenant = context.GetRouteValue(RouteValue) as string;
        if (caller is null || convenant is null || !ConvenantRole.IsId(convenant))
        {
            return null;
        }

        access = new ConvenantAccess(caller, convenant, caller.RolesIn(convenant));
        context.Items[ItemKey] = access;
        return access;
    }
}

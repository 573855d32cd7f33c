namespace SharingHub.Hub.Auth;

/// <summary>
/// Authorisation policy names: <see cref="Caller"/> (any valid hub token) and one per scope
/// (<c>.RequireAuthorization(HubPolicies.Scope(HubScopes.Signals))</c>).
/// </summary>
public static class HubPolicies
{
    /// <summary>A valid access token issued by this hub for a partner.</summary>
    public const string Caller = "hub-caller";

    /// <summary>The caller holds a role in the route's <c>{convenant}</c> (see <see cref="ConvenantRoleRequirement"/>).</summary>
    public const string ConvenantMember = "hub-convenant-member";

    private const string ScopePrefix = "scope:";

    /// <summary>The policy that requires <paramref name="scope"/> (one of <see cref="HubScopes"/>).</summary>
    public static string Scope(string scope) => ScopePrefix + scope;
}

namespace SharingHub.Hub.Auth;

/// <summary>
/// Authorisation policy names: <see cref="Caller"/> (any valid hub token) and one per scope
/// (<c>.RequireAuthorization(HubPolicies.Scope(HubScopes.Signals))</c>).
/// </summary>
public static class HubPolicies
{
    /// <summary>A valid access token issued by this hub for a partner.</summary>
    public const string Caller = "hub-caller";

    private const string ScopePrefix = "scope:";

    /// <summary>The policy that requires <paramref name="scope"/> (one of <see cref="HubScopes"/>).</summary>
    public static string Scope(string scope) => ScopePrefix + scope;
}

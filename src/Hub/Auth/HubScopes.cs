namespace SharingHub.Hub.Auth;

/// <summary>The OAuth scopes of the hub: each names a capability. A token without the scope cannot use the API.</summary>
public static class HubScopes
{
    public const string Signals = "signals";
    public const string Linkage = "linkage";
    public const string Requests = "requests";
    public const string Review = "review";
    public const string Audit = "audit";

    public static IReadOnlyList<string> All { get; } = [Signals, Linkage, Requests, Review, Audit];
}

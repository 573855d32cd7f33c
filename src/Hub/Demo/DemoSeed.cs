namespace SharingHub.Hub.Demo;

/// <summary>The shape of the demo seed files under src/Hub/Demo (copied to the output directory).</summary>
internal sealed record DemoPartner(string Id, string Name, string PartyType, IReadOnlyList<string> Roles);

internal sealed record DemoSystemClient(string ClientId, string Partner, string Secret, IReadOnlyList<string> Scopes)
{
    // The record's generated ToString would print the secret.
    public override string ToString() => "DemoSystemClient " + ClientId;
}

internal sealed record DemoPortalClient(string ClientId, IReadOnlyList<Uri> RedirectUris, IReadOnlyList<Uri> PostLogoutRedirectUris, IReadOnlyList<string> Scopes);

internal sealed record DemoClients(IReadOnlyList<DemoSystemClient> Systems, IReadOnlyList<DemoPortalClient> Portals);

internal sealed record DemoPerson(string UserName, string DisplayName, string Password, string Partner, IReadOnlyList<string> Roles)
{
    // The record's generated ToString would print the demo password.
    public override string ToString() => "DemoPerson";
}

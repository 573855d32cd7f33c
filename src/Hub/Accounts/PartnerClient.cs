namespace SharingHub.Hub.Accounts;

/// <summary>
/// Links an OpenIddict client registration (a partner system or the portal) to its partner.
/// The secret lives, hashed by OpenIddict, in the OpenIddict application; this row holds what OpenIddict does not:
/// the partner, whether the client is enabled, and whether it came from the demo seed.
/// </summary>
public sealed class PartnerClient
{
    public const int ClientIdMaxLength = 100;

    public required string ClientId { get; set; }

    /// <summary>Null for a public client used by people (the portal): their partner comes from the person.</summary>
    public string? PartnerId { get; set; }

    public Partner? Partner { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Seeded from src/Hub/Demo: its secret is public, so it is refused outside Development.</summary>
    public bool IsDemo { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public void Touch() => ConcurrencyStamp = Guid.NewGuid();
}

namespace SharingHub.Hub.Accounts;

/// <summary>A partner organisation that signed one or more convenanten (a municipality, a police unit, ...).</summary>
public sealed class Partner
{
    public const int IdMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int PartyTypeMaxLength = 64;

    /// <summary>Stable id, lower-case with dashes, e.g. <c>gemeente-maastricht</c>.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The convenant party type this partner fills, e.g. <c>gemeente</c>, <c>politie</c>, <c>veilig-thuis</c>.</summary>
    public required string PartyType { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Optimistic concurrency token; renew it on every update (<see cref="Touch"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<PartnerRole> Roles { get; } = [];

    /// <summary>Renews the concurrency stamp; call before saving a modification.</summary>
    public void Touch() => ConcurrencyStamp = Guid.NewGuid();
}

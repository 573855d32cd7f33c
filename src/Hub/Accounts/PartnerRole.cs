namespace SharingHub.Hub.Accounts;

/// <summary>A functional role a partner holds under one convenant (e.g. <c>riec</c> + <c>analist</c>).</summary>
public sealed class PartnerRole
{
    public long Id { get; set; }

    public required string PartnerId { get; set; }

    public required string ConvenantId { get; set; }

    public required string Role { get; set; }

    public ConvenantRole ToConvenantRole() => new(ConvenantId, Role);
}

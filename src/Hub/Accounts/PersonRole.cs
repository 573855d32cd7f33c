namespace SharingHub.Hub.Accounts;

/// <summary>A functional role a person holds under one convenant.</summary>
public sealed class PersonRole
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public required string ConvenantId { get; set; }

    public required string Role { get; set; }

    public ConvenantRole ToConvenantRole() => new(ConvenantId, Role);
}

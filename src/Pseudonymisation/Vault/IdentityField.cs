namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// One identifying value of a subject as the partner delivered it (<see cref="Raw"/>) and as the identifier
/// parser normalised it (<see cref="Normalised"/>, null when it did not parse). ToString never shows either.
/// </summary>
public sealed record IdentityField(string Raw, string? Normalised)
{
    public override string ToString() => "IdentityField { (redacted) }";
}

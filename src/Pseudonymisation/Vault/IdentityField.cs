using System.Diagnostics;
namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// One identifying value of a subject as the partner delivered it (<see cref="Raw"/>) and as the identifier
/// parser normalised it (<see cref="Normalised"/>, null when it did not parse). ToString never shows either.
/// </summary>
[DebuggerDisplay("IdentityField (redacted)")]
public sealed record IdentityField(
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] string Raw,
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] string? Normalised)
{
    public override string ToString() => "IdentityField { (redacted) }";
}

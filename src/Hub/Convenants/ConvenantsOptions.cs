namespace SharingHub.Hub.Convenants;

/// <summary>Configuration section <c>Convenants</c>: where the machine-readable convenants are loaded from at start-up.</summary>
public sealed class ConvenantsOptions
{
    public const string Section = "Convenants";

    /// <summary>Directory with the <c>*.json</c> convenants; default: <c>convenants/</c> next to the hub binary (copied from the repository).</summary>
    public string? Directory { get; set; }
}

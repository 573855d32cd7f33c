namespace SharingHub.Hub.Demo;

/// <summary>
/// Configuration section <c>Demo</c>; <c>--demo</c> sets <c>Demo:Enabled=true</c>, the Development environment and
/// http://localhost:5080. Demo mode refuses to start outside Development (its secrets are public).
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Folder with partners.json, clients.json and people.json; default <c>Demo</c> next to the hub's binaries.</summary>
    public string? SeedDirectory { get; set; }
}

namespace SharingHub.Hub.Hosting;

/// <summary>
/// Where the embedded defaults keep their files: <c>Hub:DataDirectory</c> (default <c>./data</c>, relative to the
/// working directory). Holds hub.db (SQLite), documents/ (file store) and keys/ (DataProtection key ring).
/// </summary>
public sealed class HubPaths
{
    public const string ConfigurationKey = "Hub:DataDirectory";

    public HubPaths(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DataDirectory = Path.GetFullPath(configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : "data");
    }

    public string DataDirectory { get; }

    /// <summary>A path under the data directory, created when missing.</summary>
    public string Directory(string name)
    {
        var path = Path.Combine(DataDirectory, name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}

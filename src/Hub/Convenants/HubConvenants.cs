using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using SharingHub.Policies.Decisions;

namespace SharingHub.Hub.Convenants;

/// <summary>
/// The convenants the hub runs under: the validated <see cref="ConvenantCatalog"/> and, per convenant id, the SHA-256
/// (lowercase hex) of the document it was loaded from, which the audit trail records as the version hash.
/// </summary>
public sealed class HubConvenants
{
    private readonly FrozenDictionary<string, string> _versionHashes;

    private HubConvenants(ConvenantCatalog catalog, FrozenDictionary<string, string> versionHashes)
    {
        Catalog = catalog;
        _versionHashes = versionHashes;
    }

    public ConvenantCatalog Catalog { get; }

    /// <summary>The ids of every loaded convenant.</summary>
    public IReadOnlyCollection<string> Ids => _versionHashes.Keys;

    /// <summary>The version hash of a loaded convenant, or null when the id is not loaded.</summary>
    public string? VersionHash(string convenantId) => _versionHashes.GetValueOrDefault(convenantId);

    /// <summary>
    /// Loads every <c>*.json</c> file (except the schema) of <paramref name="directory"/> through <see cref="ConvenantCatalog.TryCreate"/>.
    /// Returns the errors (never an exception) when the directory is missing, empty, or any document is invalid.
    /// </summary>
    public static (HubConvenants? Convenants, IReadOnlyList<string> Errors) TryLoad(string directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!System.IO.Directory.Exists(directory))
        {
            return (null, [$"{ConvenantErrors.DirectoryMissing}: the convenants directory {directory} does not exist."]);
        }

        var files = System.IO.Directory.GetFiles(directory, "*.json").Where(f => !IsSchema(f)).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            return (null, [$"{ConvenantErrors.NoConvenants}: the convenants directory {directory} has no *.json file."]);
        }

        var texts = files.Select(f => (Source: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToArray();
        var (catalog, errors) = ConvenantCatalog.TryCreate(texts.Select(t => (t.Source, Encoding.UTF8.GetString(t.Bytes))), time);
        if (catalog is null)
        {
            return (null, [.. errors.Select(e => $"{e.Source}: {e.Error.Code} at {e.Error.Path} ({e.Error.ClauseId}): {e.Error.Message}")]);
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var compiled in catalog.Convenants)
        {
            var source = texts.First(t => ConvenantIdOf(catalog, t.Bytes) == compiled.Id);
            hashes[compiled.Id] = Convert.ToHexStringLower(SHA256.HashData(source.Bytes));
        }

        return (new HubConvenants(catalog, hashes.ToFrozenDictionary(StringComparer.Ordinal)), []);
    }

    /// <summary>The JSON schema that sits next to the convenants (<c>schema.json</c>, <c>*.schema.json</c>) is not a convenant.</summary>
    private static bool IsSchema(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("schema.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);
    }

    private static string? ConvenantIdOf(ConvenantCatalog catalog, byte[] json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var id = document.RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
        return catalog.Get(id)?.Id;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// A key store on disk: one JSON document per domain (<c>&lt;directory&gt;/&lt;domain&gt;.keys.json</c>, mode 0600),
/// written atomically (temporary file + rename). The document holds metadata and DataProtection-wrapped
/// bytes only.
/// </summary>
public sealed class FileSystemDomainKeyStore : IDomainKeyStore
{
    private const int DocumentFormat = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _directory;

    public FileSystemDomainKeyStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
    }

    public string PathFor(string domain)
    {
        DomainId.Validate(domain);
        return Path.Combine(_directory, domain + ".keys.json");
    }

    public async Task<IReadOnlyList<WrappedKeyRecord>> LoadAsync(string domain, CancellationToken cancellationToken = default)
    {
        var path = PathFor(domain);
        if (!File.Exists(path))
        {
            return [];
        }

        KeyDocument? document;
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                document = await JsonSerializer.DeserializeAsync<KeyDocument>(stream, JsonOptions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new KeyException(KeyErrorCodes.StoreCorrupt, $"The key store document of domain '{domain}' is not valid JSON.", ex);
        }

        if (document is null || document.Format != DocumentFormat || !string.Equals(document.Domain, domain, StringComparison.Ordinal) || document.Keys is null)
        {
            throw new KeyException(KeyErrorCodes.StoreCorrupt, $"The key store document of domain '{domain}' has an unknown format or belongs to another domain.");
        }

        return [.. document.Keys.Select(k => new WrappedKeyRecord(domain, k.Version, k.KeyId, k.Status, k.CreatedAt, k.Wrapped ?? []))];
    }

    public Task SaveAsync(string domain, IReadOnlyList<WrappedKeyRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var path = PathFor(domain);
        if (records.Any(r => !string.Equals(r.Domain, domain, StringComparison.Ordinal)))
        {
            throw new KeyException(KeyErrorCodes.RecordMismatch, $"A key record of another domain was offered to domain '{domain}'.");
        }

        var document = new KeyDocument
        {
            Format = DocumentFormat,
            Domain = domain,
            Keys = [.. records.Select(r => new KeyEntry { Version = r.Version, KeyId = r.KeyId, Status = r.Status, CreatedAt = r.CreatedAt, Wrapped = r.WrappedKey.ToArray() })],
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
        return AtomicFile.WriteAsync(path, bytes, cancellationToken);
    }

    private sealed class KeyDocument
    {
        public int Format { get; set; }

        public string? Domain { get; set; }

        public List<KeyEntry>? Keys { get; set; }
    }

    private sealed class KeyEntry
    {
        public int Version { get; set; }

        public Guid KeyId { get; set; }

        public KeyStatus Status { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public byte[]? Wrapped { get; set; }
    }
}

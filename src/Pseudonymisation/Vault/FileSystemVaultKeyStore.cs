using System.Text.Json;
using System.Text.Json.Serialization;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// A vault key store on disk: <c>master-keys.json</c> and one <c>data-keys/&lt;subjectId&gt;.json</c> per subject,
/// each written atomically with mode 0600. Deleting a data key overwrites the file with zeros before unlinking
/// it; that is best effort on journalling file systems and SSDs, which is why the data key is itself wrapped:
/// without the master key a leftover copy is useless, and shredding removes the last wrapped copy the hub uses.
/// </summary>
public sealed class FileSystemVaultKeyStore : IVaultKeyStore
{
    private const int DocumentFormat = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _directory;

    public FileSystemVaultKeyStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
    }

    public async Task<WrappedDataKey?> GetDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        var path = DataKeyPath(subjectId);
        if (!File.Exists(path))
        {
            return null;
        }

        var document = await ReadAsync<DataKeyDocument>(path, cancellationToken).ConfigureAwait(false);
        if (document is null || document.Format != DocumentFormat || !string.Equals(document.SubjectId, subjectId, StringComparison.Ordinal) || document.Wrapped is null)
        {
            throw new VaultException(VaultErrorCodes.StoreCorrupt, "A data key document has an unknown format or belongs to another subject.");
        }

        return new WrappedDataKey(subjectId, document.DataKeyId, document.MasterKeyId, document.CreatedAt, document.Wrapped);
    }

    public Task<bool> PutDataKeyAsync(WrappedDataKey key, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = DataKeyPath(key.SubjectId);
        var document = new DataKeyDocument
        {
            Format = DocumentFormat,
            SubjectId = key.SubjectId,
            DataKeyId = key.DataKeyId,
            MasterKeyId = key.MasterKeyId,
            CreatedAt = key.CreatedAt,
            Wrapped = key.Wrapped.ToArray(),
        };
        return AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions), overwrite, cancellationToken);
    }

    public async Task<bool> DeleteDataKeyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        var path = DataKeyPath(subjectId);
        if (!File.Exists(path))
        {
            return false;
        }

        var length = new FileInfo(path).Length;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(new byte[length], cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Delete(path);
        return true;
    }

    public async Task<IReadOnlyList<MasterKeyRecord>> GetMasterKeysAsync(CancellationToken cancellationToken = default)
    {
        var path = MasterKeysPath;
        if (!File.Exists(path))
        {
            return [];
        }

        var document = await ReadAsync<MasterKeysDocument>(path, cancellationToken).ConfigureAwait(false);
        if (document is null || document.Format != DocumentFormat || document.Keys is null)
        {
            throw new VaultException(VaultErrorCodes.StoreCorrupt, "The master key document has an unknown format.");
        }

        return [.. document.Keys.Select(k => new MasterKeyRecord(k.MasterKeyId, k.Status, k.CreatedAt, k.Protected ?? []))];
    }

    public Task SaveMasterKeysAsync(IReadOnlyList<MasterKeyRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var document = new MasterKeysDocument
        {
            Format = DocumentFormat,
            Keys = [.. records.Select(r => new MasterKeyEntry { MasterKeyId = r.MasterKeyId, Status = r.Status, CreatedAt = r.CreatedAt, Protected = r.Protected.ToArray() })],
        };
        return AtomicFile.WriteAsync(MasterKeysPath, JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions), cancellationToken);
    }

    private string MasterKeysPath => Path.Combine(_directory, "master-keys.json");

    private string DataKeyPath(string subjectId)
    {
        SubjectId.Validate(subjectId);
        return Path.Combine(_directory, "data-keys", subjectId + ".json");
    }

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new VaultException(VaultErrorCodes.StoreCorrupt, "A vault key store document is not valid JSON.", ex);
        }
    }

    private sealed class DataKeyDocument
    {
        public int Format { get; set; }

        public string? SubjectId { get; set; }

        public Guid DataKeyId { get; set; }

        public Guid MasterKeyId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public byte[]? Wrapped { get; set; }
    }

    private sealed class MasterKeysDocument
    {
        public int Format { get; set; }

        public List<MasterKeyEntry>? Keys { get; set; }
    }

    private sealed class MasterKeyEntry
    {
        public Guid MasterKeyId { get; set; }

        public KeyStatus Status { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public byte[]? Protected { get; set; }
    }
}

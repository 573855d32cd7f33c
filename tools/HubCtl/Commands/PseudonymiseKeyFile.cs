using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// The hubctl key file: a DataProtection-independent JSON document, mode 0600, holding one random 256-bit
/// secret (base64) with its key id and key version:
/// <code>{ "kind": "sharinghub-hubctl-key", "format": 1, "keyId": "…", "keyVersion": 1, "createdAt": "…", "secret": "…" }</code>
/// The per-domain pseudonym key and reference secret are derived from the secret with HKDF-SHA256 bound to
/// the domain and key version (<see cref="DomainKeyRing.FromSecret"/>), so one key file gives unrelated
/// pseudonyms per --domain. The file is a raw secret: whoever holds it can test guesses of identifiers.
/// </summary>
internal static class PseudonymiseKeyFile
{
    public const string Kind = "sharinghub-hubctl-key";
    public const int Format = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Creates a new key file; null on success, else the coded error.</summary>
    public static string? Create(string path, TimeProvider time)
    {
        if (File.Exists(path))
        {
            return $"{PseudonymiseErrorCodes.KeyFileExists}: the key file already exists; hubctl never overwrites a key file";
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        try
        {
            var document = new KeyDocument
            {
                Kind = Kind,
                Format = Format,
                KeyId = Guid.NewGuid(),
                KeyVersion = 1,
                CreatedAt = time.GetUtcNow(),
                Secret = Convert.ToBase64String(secret),
            };
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            JsonSerializer.Serialize(stream, document, JsonOptions);
            stream.Flush(flushToDisk: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{PseudonymiseErrorCodes.WriteFailed}: the key file could not be created ({ex.GetType().Name})";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Loads the key file as a key ring for <paramref name="domain"/>; on failure returns null and a coded error.</summary>
    public static DomainKeyRing? Load(string path, string domain, TimeProvider time, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = $"{PseudonymiseErrorCodes.KeyFileMissing}: the key file does not exist (use --create-key to create it)";
            return null;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            error = $"{PseudonymiseErrorCodes.KeyFileInsecure}: the key file is accessible to group or others; run chmod 600 on it";
            return null;
        }

        KeyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<KeyDocument>(File.ReadAllBytes(path), JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            error = $"{PseudonymiseErrorCodes.KeyFileInvalid}: the key file could not be read as a hubctl key file";
            return null;
        }

        var secret = new byte[32];
        try
        {
            if (document is null || document.Kind != Kind || document.Format != Format || document.KeyVersion < 1
                || document.Secret is null || !Convert.TryFromBase64String(document.Secret, secret, out var length) || length != 32)
            {
                error = $"{PseudonymiseErrorCodes.KeyFileInvalid}: the key file is not a format-1 hubctl key file with a 32-byte secret";
                return null;
            }

            return DomainKeyRing.FromSecret(domain, document.KeyVersion, document.KeyId, secret, time);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private sealed class KeyDocument
    {
        public string? Kind { get; set; }

        public int Format { get; set; }

        public Guid KeyId { get; set; }

        public int KeyVersion { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        [JsonPropertyName("secret")]
        public string? Secret { get; set; }
    }
}

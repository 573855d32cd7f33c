using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// Reads the key for <c>hubctl scrub --key-file</c>: the hubctl key file that <c>hubctl pseudonymise --create-key</c>
/// writes (JSON, kind "sharinghub-hubctl-key", format 1, a 32-byte base64 secret, mode 0600). The scrubber never
/// uses the secret itself but a sub-key, HKDF-SHA256(secret, info "sharinghub/scrub-token-key/v1"), so scrub tokens
/// cannot be compared with pseudonyms made from the same file.
/// </summary>
internal static class ScrubKeyFile
{
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("sharinghub/scrub-token-key/v1");

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsShared(string path)
    {
        try
        {
            return (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // cannot prove it is private: refuse it
        }
    }

    /// <summary>The derived token key, or null with a coded error message (no key bytes in it).</summary>
    public static byte[]? Load(byte[] fileBytes, string path, out string? error)
    {
        error = null;
        if (!OperatingSystem.IsWindows() && IsShared(path))
        {
            error = $"{ScrubErrors.KeyFileInsecure}: the key file is accessible to group or others; run chmod 600 on it";
            return null;
        }

        var secret = new byte[32];
        try
        {
            using var document = JsonDocument.Parse(fileBytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != PseudonymiseKeyFile.Kind
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var formatNumber) || formatNumber != PseudonymiseKeyFile.Format
                || !root.TryGetProperty("secret", out var secretText) || secretText.ValueKind != JsonValueKind.String
                || !Convert.TryFromBase64String(secretText.GetString()!, secret, out var length) || length != secret.Length)
            {
                error = $"{ScrubErrors.KeyFileInvalid}: the key file is not a format-1 hubctl key file with a 32-byte secret";
                return null;
            }

            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Info);
        }
        catch (JsonException)
        {
            error = $"{ScrubErrors.KeyFileInvalid}: the key file could not be read as a hubctl key file";
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}

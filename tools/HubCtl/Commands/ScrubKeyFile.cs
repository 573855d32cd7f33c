using System.Security.Cryptography;
using System.Text;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// Reads the key for <c>hubctl scrub --key-file</c>: 64 hex characters, base64 text, or raw bytes (at least 16
/// bytes after decoding). The scrubber does not use the file's key directly but a sub-key derived from it,
/// HMAC-SHA256(file key, "sharinghub/scrub-token-key/v1"), so a pseudonymisation key file can be reused without
/// its scrub tokens being comparable to pseudonyms.
/// </summary>
internal static class ScrubKeyFile
{
    public const int MinimumBytes = 16;

    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("sharinghub/scrub-token-key/v1");

    public static bool TryDerive(byte[] fileBytes, out byte[] tokenKey)
    {
        tokenKey = [];
        var raw = Decode(fileBytes);
        if (raw is null || raw.Length < MinimumBytes)
        {
            if (raw is not null)
            {
                CryptographicOperations.ZeroMemory(raw);
            }

            return false;
        }

        tokenKey = HMACSHA256.HashData(raw, Purpose);
        CryptographicOperations.ZeroMemory(raw);
        return true;
    }

    private static byte[]? Decode(byte[] fileBytes)
    {
        if (!fileBytes.All(b => b is (>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return (byte[])fileBytes.Clone();
        }

        var text = Encoding.ASCII.GetString(fileBytes).Trim();
        if (text.Length % 2 == 0 && text.Length > 0 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>
/// The scrubber's token key: 32 random bytes, kept in the data directory only as DataProtection ciphertext
/// (<c>scrubber-token.key</c>), so scrub tokens stay stable across restarts and the key is as protected as the key ring.
/// </summary>
internal static class ScrubberKey
{
    public const string FileName = "scrubber-token.key";
    private const string Purpose = "SharingHub.Scrubbing.TokenKey.v1";

    public static byte[] LoadOrCreate(string dataDirectory, IDataProtectionProvider provider)
    {
        var protector = provider.CreateProtector(Purpose);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return protector.Unprotect(File.ReadAllBytes(path));
        }

        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(dataDirectory);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, protector.Protect(key));
        File.Move(temporary, path, overwrite: false);
        return key;
    }
}

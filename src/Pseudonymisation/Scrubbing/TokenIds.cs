using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Token ids for one document: lower-case hex of HMAC-SHA256(key, label ‖ 0x1F ‖ normalised value or
/// "pseudonym:" ‖ pseudonym), cut to the configured length. When two different values of one type share that
/// prefix in a document, both get the shortest longer prefix that tells them apart.
/// </summary>
internal static class TokenIds
{
    /// <summary>Inputs up to this many UTF-8 bytes are hashed from the stack.</summary>
    private const int StackInputLength = 256;

    public static Dictionary<(ScrubEntityType Type, string Key), string> Assign(byte[] key, IEnumerable<(ScrubEntityType Type, string Key)> values, int hexLength)
    {
        var full = new Dictionary<(ScrubEntityType, string), string>();
        // The key's ipad/opad states are set up once per document (not once per value) and zeroed when done.
        HmacSha256Key? hmacKey = null;
        try
        {
            foreach (var value in values)
            {
                if (!full.ContainsKey(value))
                {
                    hmacKey ??= new HmacSha256Key(key);
                    full[value] = FullHex(hmacKey, value.Type, value.Key);
                }
            }
        }
        finally
        {
            hmacKey?.Dispose();
        }

        var assigned = new Dictionary<(ScrubEntityType, string), string>();
        foreach (var group in full.GroupBy(pair => (pair.Key.Item1, pair.Value[..hexLength])))
        {
            var members = group.ToList();
            var length = hexLength;
            while (members.Count > 1 && length < 64 && members.Select(m => m.Value[..length]).Distinct(StringComparer.Ordinal).Count() < members.Count)
            {
                length++;
            }

            foreach (var member in members)
            {
                assigned[member.Key] = member.Value[..length];
            }
        }

        return assigned;
    }

    public static string FullHex(HmacSha256Key key, ScrubEntityType type, string value)
    {
        var label = type.TokenLabel();
        var length = Encoding.UTF8.GetByteCount(label) + 1 + Encoding.UTF8.GetByteCount(value);
        var rented = length > StackInputLength ? ArrayPool<byte>.Shared.Rent(length) : null;
        var input = (rented is null ? stackalloc byte[StackInputLength] : rented)[..length];
        try
        {
            var written = Encoding.UTF8.GetBytes(label, input);
            input[written++] = 0x1F;
            Encoding.UTF8.GetBytes(value, input[written..]);
            Span<byte> mac = stackalloc byte[FastHmacSha256.HashSize];
            FastHmacSha256.Compute(key, input, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

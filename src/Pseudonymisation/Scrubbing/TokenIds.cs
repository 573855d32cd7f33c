using System.Security.Cryptography;
using System.Text;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Token ids for one document: lower-case hex of HMAC-SHA256(key, label ‖ 0x1F ‖ normalised value or
/// "pseudonym:" ‖ pseudonym), cut to the configured length. When two different values of one type share that
/// prefix in a document, both get the shortest longer prefix that tells them apart.
/// </summary>
internal static class TokenIds
{
    public static Dictionary<(ScrubEntityType Type, string Key), string> Assign(byte[] key, IEnumerable<(ScrubEntityType Type, string Key)> values, int hexLength)
    {
        var full = new Dictionary<(ScrubEntityType, string), string>();
        foreach (var value in values)
        {
            if (!full.ContainsKey(value))
            {
                full[value] = FullHex(key, value.Type, value.Key);
            }
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

    public static string FullHex(byte[] key, ScrubEntityType type, string value)
    {
        var label = type.TokenLabel();
        var input = new byte[Encoding.UTF8.GetByteCount(label) + 1 + Encoding.UTF8.GetByteCount(value)];
        var written = Encoding.UTF8.GetBytes(label, input);
        input[written++] = 0x1F;
        Encoding.UTF8.GetBytes(value, input.AsSpan(written));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, input, mac);
        CryptographicOperations.ZeroMemory(input);
        return Convert.ToHexStringLower(mac);
    }
}

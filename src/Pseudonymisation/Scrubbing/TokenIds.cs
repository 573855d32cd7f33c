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
    /// <summary>Inputs up to this many UTF-8 bytes in all are hashed from the stack.</summary>
    private const int StackInputLength = 1024;

    /// <summary>Up to this many values are checked pairwise for a shared prefix (the usual case: none).</summary>
    private const int PairwiseCheckLimit = 32;

    public static Dictionary<(ScrubEntityType Type, string Key), string> Assign(byte[] key, IEnumerable<(ScrubEntityType Type, string Key)> values, int hexLength)
    {
        var full = FullHex(key, values);
        var assigned = new Dictionary<(ScrubEntityType, string), string>(full.Count);
        if (full.Count <= PairwiseCheckLimit && !AnySharedPrefix(full, hexLength))
        {
            foreach (var (value, hex) in full)
            {
                assigned[value] = hex[..hexLength];
            }

            return assigned;
        }

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

    /// <summary>
    /// The full lower-case hex HMAC of every distinct value, in first-seen order. The key's ipad/opad states are set up
    /// once per document and all values are hashed in one multi-buffer batch; key states and inputs are zeroed after.
    /// </summary>
    private static Dictionary<(ScrubEntityType, string), string> FullHex(byte[] key, IEnumerable<(ScrubEntityType Type, string Key)> values)
    {
        var distinct = new Dictionary<(ScrubEntityType, string), string>();
        var length = 0;
        foreach (var value in values)
        {
            if (distinct.TryAdd(value, string.Empty))
            {
                length += Encoding.UTF8.GetByteCount(value.Type.TokenLabel()) + 1 + Encoding.UTF8.GetByteCount(value.Key);
            }
        }

        if (distinct.Count == 0)
        {
            return distinct;
        }

        var keys = new (ScrubEntityType Type, string Key)[distinct.Count];
        distinct.Keys.CopyTo(keys, 0);
        var rentedInput = length > StackInputLength ? ArrayPool<byte>.Shared.Rent(length) : null;
        var input = (rentedInput is null ? stackalloc byte[StackInputLength] : rentedInput)[..length];
        var offsets = new int[distinct.Count + 1];
        var macs = new byte[distinct.Count * FastHmacSha256.HashSize];
        try
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var at = offsets[i];
                at += Encoding.UTF8.GetBytes(keys[i].Type.TokenLabel(), input[at..]);
                input[at++] = 0x1F;
                at += Encoding.UTF8.GetBytes(keys[i].Key, input[at..]);
                offsets[i + 1] = at;
            }

            using (var hmacKey = new HmacSha256Key(key))
            {
                FastHmacSha256.ComputeBatch(hmacKey, input, offsets, macs);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                distinct[keys[i]] = Convert.ToHexStringLower(macs.AsSpan(i * FastHmacSha256.HashSize, FastHmacSha256.HashSize));
            }

            return distinct;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(macs);
            if (rentedInput is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedInput);
            }
        }
    }

    /// <summary>True when two values of one type have the same first <paramref name="hexLength"/> hex characters.</summary>
    private static bool AnySharedPrefix(Dictionary<(ScrubEntityType Type, string Key), string> full, int hexLength)
    {
        var entries = full.ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            for (var j = i + 1; j < entries.Length; j++)
            {
                if (entries[i].Key.Type == entries[j].Key.Type
                    && entries[i].Value.AsSpan(0, hexLength).SequenceEqual(entries[j].Value.AsSpan(0, hexLength)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Linkage.Encoding;

/// <summary>
/// HMAC-SHA256 (<see cref="FastHmacSha256"/>, precomputed key state) of short tokens under one key, returning
/// the first 16 bytes as two 64-bit values (for double hashing and keyed block keys). Frequent tokens repeat a
/// lot (bigrams, initials, years, months), so the first <c>maxCacheEntries</c> distinct tokens are cached; the
/// cache holds tokens derived from plaintext and is dropped with the hasher, which lives only while one record
/// set is prepared. Not thread-safe.
/// </summary>
internal sealed class KeyedTokenHasher : IDisposable
{
    private readonly HmacSha256Key _key;
    private readonly Dictionary<string, (ulong H1, ulong H2)> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ulong H1, ulong H2)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxCacheEntries;

    public KeyedTokenHasher(ReadOnlySpan<byte> key, int maxCacheEntries = 1 << 16)
    {
        _key = new HmacSha256Key(key);
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxCacheEntries = maxCacheEntries;
    }

    public (ulong H1, ulong H2) Hash(ReadOnlySpan<char> token)
    {
        if (_lookup.TryGetValue(token, out var cached))
        {
            return cached;
        }

        Span<byte> utf8 = stackalloc byte[256];
        Span<byte> mac = stackalloc byte[32];
        var length = System.Text.Encoding.UTF8.GetBytes(token[..Math.Min(token.Length, 80)], utf8);
        FastHmacSha256.Compute(_key, utf8[..length], mac);
        var result = (BinaryPrimitives.ReadUInt64LittleEndian(mac), BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]));
        CryptographicOperations.ZeroMemory(utf8[..length]);
        if (_cache.Count < _maxCacheEntries)
        {
            _lookup[token] = result;
        }

        return result;
    }

    public void Dispose()
    {
        _key.Dispose();
        _cache.Clear();
    }
}

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

    /// <summary>Lanes of one multi-buffer batch of cache misses.</summary>
    public const int BatchLanes = 16;

    private const int MaxTokenChars = 80;
    private const int MaxTokenBytes = MaxTokenChars * 3;
    private readonly byte[] _pendingData = new byte[BatchLanes * MaxTokenBytes];
    private readonly int[] _pendingOffsets = new int[BatchLanes + 1];
    private readonly int[] _pendingSlots = new int[BatchLanes];
    private readonly string?[] _pendingTokens = new string?[BatchLanes];
    private readonly byte[] _macs = new byte[BatchLanes * FastHmacSha256.HashSize];

    /// <summary>Misses queued by <see cref="Enqueue"/> and not yet flushed.</summary>
    public int PendingCount { get; private set; }

    /// <summary>The cached hash of <paramref name="token"/>, if any.</summary>
    public bool TryGetCached(ReadOnlySpan<char> token, out (ulong H1, ulong H2) value) => _lookup.TryGetValue(token, out value);

    /// <summary>Queues a cache miss of the record in <paramref name="slot"/>; returns true when the batch is full (call <see cref="Flush"/>).</summary>
    public bool Enqueue(ReadOnlySpan<char> token, int slot)
    {
        var start = _pendingOffsets[PendingCount];
        var length = System.Text.Encoding.UTF8.GetBytes(token[..Math.Min(token.Length, MaxTokenChars)], _pendingData.AsSpan(start, MaxTokenBytes));
        _pendingTokens[PendingCount] = _cache.Count + PendingCount < _maxCacheEntries ? new string(token) : null;
        _pendingSlots[PendingCount] = slot;
        _pendingOffsets[++PendingCount] = start + length;
        return PendingCount == BatchLanes;
    }

    /// <summary>
    /// Hashes every queued miss in one multi-buffer batch (<see cref="FastHmacSha256.ComputeBatch(HmacSha256Key, ReadOnlySpan{byte}, ReadOnlySpan{int}, Span{byte})"/>),
    /// caches them while there is room, and writes their slots and hashes; returns how many.
    /// </summary>
    public int Flush(Span<int> slots, Span<ulong> h1, Span<ulong> h2)
    {
        var count = PendingCount;
        if (count == 0)
        {
            return 0;
        }

        var bytes = _pendingOffsets[count];
        FastHmacSha256.ComputeBatch(_key, _pendingData.AsSpan(0, bytes), _pendingOffsets.AsSpan(0, count + 1), _macs.AsSpan(0, count * FastHmacSha256.HashSize));
        for (var i = 0; i < count; i++)
        {
            var mac = _macs.AsSpan(i * FastHmacSha256.HashSize);
            slots[i] = _pendingSlots[i];
            h1[i] = BinaryPrimitives.ReadUInt64LittleEndian(mac);
            h2[i] = BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]);
            if (_pendingTokens[i] is { } text)
            {
                _cache.TryAdd(text, (h1[i], h2[i]));
                _pendingTokens[i] = null;
            }
        }

        CryptographicOperations.ZeroMemory(_pendingData.AsSpan(0, bytes));
        CryptographicOperations.ZeroMemory(_macs.AsSpan(0, count * FastHmacSha256.HashSize));
        PendingCount = 0;
        return count;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_pendingData);
        Array.Clear(_pendingTokens);
        _key.Dispose();
        _cache.Clear();
    }
}

namespace SharingHub.Hub.Audit.Merkle;

/// <summary>An append-only array of 32-byte hashes in 1 MiB chunks (no per-hash object).</summary>
internal sealed class HashArray
{
    private const int ChunkHashes = 32 * 1024;
    private readonly List<byte[]> _chunks = [];

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<byte> hash)
    {
        var offset = (int)(Count % ChunkHashes);
        if (offset == 0)
        {
            _chunks.Add(new byte[ChunkHashes * Rfc6962.HashSize]);
        }

        hash.CopyTo(_chunks[^1].AsSpan(offset * Rfc6962.HashSize, Rfc6962.HashSize));
        Count++;
    }

    public ReadOnlySpan<byte> this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((ulong)index, (ulong)Count, nameof(index));
            return _chunks[(int)(index / ChunkHashes)].AsSpan((int)(index % ChunkHashes) * Rfc6962.HashSize, Rfc6962.HashSize);
        }
    }
}

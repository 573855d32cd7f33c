namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>A small seeded generator (SplitMix64) so every randomised test is reproducible.</summary>
internal sealed class SeededBytes(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A value in [0, bound).</summary>
    public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

    public void Fill(Span<byte> destination)
    {
        while (destination.Length >= sizeof(ulong))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination, NextUInt64());
            destination = destination[sizeof(ulong)..];
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)NextUInt64();
        }
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        Fill(bytes);
        return bytes;
    }
}

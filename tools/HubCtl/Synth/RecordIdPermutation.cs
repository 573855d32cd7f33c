namespace SharingHub.HubCtl.Synth;

/// <summary>
/// A seeded bijection on [0, size): record numbers in a partner file reveal nothing about generation order (a
/// 4-round Feistel network on the next even power of two, with cycle walking back into the range).
/// </summary>
internal sealed class RecordIdPermutation
{
    private readonly ulong _size;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong[] _keys = new ulong[4];

    public RecordIdPermutation(ulong size, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(size);
        _size = size;
        var bits = 2;
        while ((1UL << bits) < size)
        {
            bits += 2;
        }

        _halfBits = bits / 2;
        _halfMask = (1UL << _halfBits) - 1;
        var state = seed;
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = SplitMix(ref state);
        }
    }

    public ulong Map(ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _size);
        do
        {
            value = Encrypt(value);
        }
        while (value >= _size);

        return value;
    }

    private ulong Encrypt(ulong value)
    {
        var left = value >> _halfBits;
        var right = value & _halfMask;
        foreach (var key in _keys)
        {
            var mixed = key ^ right;
            var f = SplitMix(ref mixed) & _halfMask;
            (left, right) = (right, left ^ f);
        }

        return (left << _halfBits) | right;
    }

    /// <summary>SplitMix64 step: a fast, well-mixed 64-bit hash used as a seed expander (not for keys).</summary>
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A 32-bit seed derived from <paramref name="seed"/> and a stream number.</summary>
    public static int DeriveSeed(int seed, int stream)
    {
        var state = ((ulong)(uint)seed << 32) | (uint)stream;
        return (int)(SplitMix(ref state) & 0x7FFFFFFF);
    }
}

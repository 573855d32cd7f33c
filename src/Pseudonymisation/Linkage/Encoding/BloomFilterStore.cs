using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharingHub.Pseudonymisation.Linkage.Encoding;

/// <summary>
/// Contiguous storage for 1024-bit Bloom-filter encodings: 16 <see cref="ulong"/> words (128 bytes) per record,
/// 64-byte aligned, with the popcount |A| of every filter kept beside it so the Dice kernel never recounts it.
/// The memory lives on the pinned object heap, so the alignment holds for the lifetime of the store.
/// </summary>
public sealed class BloomFilterStore
{
    /// <summary>Bits per encoding.</summary>
    public const int Bits = 1024;

    /// <summary>64-bit words per encoding.</summary>
    public const int Words = Bits / 64;

    /// <summary>Bytes per encoding.</summary>
    public const int Bytes = Bits / 8;

    private const int AlignmentWords = 8;

    private readonly ulong[] _buffer;
    private readonly int _offset;
    private readonly ushort[] _popcounts;

    /// <summary>Creates a store of <paramref name="count"/> empty encodings.</summary>
    public BloomFilterStore(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _buffer = GC.AllocateArray<ulong>(checked((count * Words) + AlignmentWords), pinned: true);
        _offset = AlignedOffset(_buffer);
        _popcounts = new ushort[count];
    }

    /// <summary>Number of encodings.</summary>
    public int Count { get; }

    /// <summary>All words, record after record (16 words each).</summary>
    public ReadOnlySpan<ulong> AllWords => _buffer.AsSpan(_offset, Count * Words);

    /// <summary>Popcount of every encoding.</summary>
    public ReadOnlySpan<ushort> Popcounts => _popcounts;

    /// <summary>The encoding of record <paramref name="index"/>.</summary>
    public ReadOnlySpan<ulong> this[int index] => _buffer.AsSpan(_offset + (checked((int)(uint)index) * Words), Words);

    /// <summary>Writable words of record <paramref name="index"/>; call <see cref="UpdatePopcount"/> afterwards.</summary>
    public Span<ulong> GetWritable(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return _buffer.AsSpan(_offset + (index * Words), Words);
    }

    /// <summary>Recomputes the stored popcount of record <paramref name="index"/>.</summary>
    public void UpdatePopcount(int index) => _popcounts[index] = (ushort)Popcount(this[index]);

    /// <summary>The number of set bits of one encoding's words.</summary>
    public static int Popcount(ReadOnlySpan<ulong> words)
    {
        var total = 0;
        foreach (var word in words)
        {
            total += BitOperations.PopCount(word);
        }

        return total;
    }

    /// <summary>Copies the encodings named by <paramref name="indices"/> into <paramref name="destination"/> (16 words each).</summary>
    public void Gather(ReadOnlySpan<int> indices, Span<ulong> destination, Span<ushort> popcounts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, indices.Length * Words, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfLessThan(popcounts.Length, indices.Length, nameof(popcounts));
        ref var source = ref MemoryMarshal.GetArrayDataReference(_buffer);
        for (var i = 0; i < indices.Length; i++)
        {
            var index = indices[i];
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(indices));
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref source, _offset + (index * Words)), Words)
                .CopyTo(destination.Slice(i * Words, Words));
            popcounts[i] = _popcounts[index];
        }
    }

    /// <summary>The writable words of records <paramref name="index"/> .. <paramref name="index"/> + <paramref name="count"/> - 1, consecutive.</summary>
    internal Span<ulong> GetWritableRange(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index + count, Count, nameof(count));
        return _buffer.AsSpan(_offset + (index * Words), count * Words);
    }

    /// <summary>One store holding the encodings of <paramref name="parts"/> in order (popcounts copied, not recomputed).</summary>
    internal static BloomFilterStore Concat(IReadOnlyList<BloomFilterStore> parts)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total = checked(total + part.Count);
        }

        var store = new BloomFilterStore(total);
        var at = 0;
        foreach (var part in parts)
        {
            part.AllWords.CopyTo(store._buffer.AsSpan(store._offset + (at * Words), part.Count * Words));
            part._popcounts.AsSpan().CopyTo(store._popcounts.AsSpan(at));
            at += part.Count;
        }

        return store;
    }

    private static unsafe int AlignedOffset(ulong[] buffer)
    {
        var address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        var misalignment = (int)(address % 64);
        return misalignment == 0 ? 0 : (64 - misalignment) / sizeof(ulong);
    }
}

using System.Buffers;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> for secret bytes over a pinned array: the GC never copies what is written, growing
/// copies into a larger pinned array and zeroes the old one, and <see cref="Clear"/> zeroes every byte handed out since
/// the last clear. Not thread-safe; the vault keeps one per thread (<see cref="FieldPlaintextWriter"/>).
/// </summary>
internal sealed class PinnedBufferWriter : IBufferWriter<byte>
{
    private const int MinimumSpan = 256;

    private readonly int _initialCapacity;
    private readonly int _retainLimit;
    private byte[] _buffer;
    private int _written;
    private int _dirty;

    /// <param name="initialCapacity">Bytes allocated up front.</param>
    /// <param name="retainLimit">A buffer that grew beyond this is dropped (zeroed) on <see cref="Clear"/>, so one huge value does not stay pinned.</param>
    public PinnedBufferWriter(int initialCapacity, int retainLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, MinimumSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(retainLimit, initialCapacity);
        _initialCapacity = initialCapacity;
        _retainLimit = retainLimit;
        _buffer = GC.AllocateArray<byte>(initialCapacity, pinned: true);
    }

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public int Capacity => _buffer.Length;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _dirty - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var length = Reserve(sizeHint);
        return _buffer.AsMemory(_written, length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var length = Reserve(sizeHint);
        return _buffer.AsSpan(_written, length);
    }

    /// <summary>Zeroes every byte handed out since the last clear and starts again at 0.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _dirty));
        _written = 0;
        _dirty = 0;
        if (_buffer.Length > _retainLimit)
        {
            _buffer = GC.AllocateArray<byte>(_initialCapacity, pinned: true);
        }
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes and returns how many are handed out (tracked for <see cref="Clear"/>).</summary>
    private int Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var length = Math.Max(sizeHint, MinimumSpan);
        if (_buffer.Length - _written < length)
        {
            var grown = GC.AllocateArray<byte>(Math.Max(checked(_written + length), checked(_buffer.Length * 2)), pinned: true);
            _buffer.AsSpan(0, _written).CopyTo(grown);
            CryptographicOperations.ZeroMemory(_buffer);
            _buffer = grown;
        }

        _dirty = Math.Max(_dirty, _written + length);
        return length;
    }
}

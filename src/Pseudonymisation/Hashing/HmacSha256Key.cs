using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// An HMAC-SHA256 key in precomputed form: the SHA-256 states after compressing the ipad and opad blocks
/// (RFC 2104). The key bytes are not retained; <see cref="Dispose"/> zeroes the states. The states are as
/// secret as the key itself. Immutable after construction, so one instance may serve many threads; do not
/// dispose it while another thread still uses it.
/// </summary>
[DebuggerDisplay("HmacSha256Key")]
[SkipLocalsInit]
public sealed unsafe class HmacSha256Key : IDisposable
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private Sha256State _inner;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private Sha256State _outer;

    private bool _disposed;

    /// <summary>Precomputes the key. Keys longer than 64 bytes are hashed first (RFC 2104 §2); any length is allowed.</summary>
    public HmacSha256Key(ReadOnlySpan<byte> key)
    {
        byte* block = stackalloc byte[Sha256Constants.BlockSize];
        uint* w = stackalloc uint[Sha256Scalar.ScheduleWords];
        var blockSpan = new Span<byte>(block, Sha256Constants.BlockSize);
        try
        {
            blockSpan.Clear();
            if (key.Length > Sha256Constants.BlockSize)
            {
                SHA256.HashData(key, blockSpan);
            }
            else
            {
                key.CopyTo(blockSpan);
            }

            Xor(blockSpan, 0x36);
            _inner = Sha256State.Initial;
            Sha256Scalar.CompressBlock(ref _inner, block, w);

            Xor(blockSpan, 0x36 ^ 0x5c);
            _outer = Sha256State.Initial;
            Sha256Scalar.CompressBlock(ref _outer, block, w);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(blockSpan);
            CryptographicOperations.ZeroMemory(new Span<byte>(w, Sha256Scalar.ScheduleWords * sizeof(uint)));
        }
    }

    /// <summary>The state after the ipad block.</summary>
    internal ref readonly Sha256State Inner => ref _inner;

    /// <summary>The state after the opad block.</summary>
    internal ref readonly Sha256State Outer => ref _outer;

    /// <summary>True once <see cref="Dispose"/> ran.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>Zeroes the precomputed states; later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<uint>)_inner));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<uint>)_outer));
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> after <see cref="Dispose"/>.</summary>
    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    /// <summary>Copies the precomputed states for tests that prove <see cref="Dispose"/> zeroes them.</summary>
    internal void CopyStatesTo(Span<uint> destination)
    {
        ((ReadOnlySpan<uint>)_inner).CopyTo(destination);
        ((ReadOnlySpan<uint>)_outer).CopyTo(destination[8..]);
    }

    private static void Xor(Span<byte> block, byte value)
    {
        for (int i = 0; i < block.Length; i++)
        {
            block[i] ^= value;
        }
    }
}

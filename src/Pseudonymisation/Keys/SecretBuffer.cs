using System.Diagnostics;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// A pinned, fixed-size buffer for secret bytes: the GC never copies it, and <see cref="Dispose"/> zeroes it.
/// It has no ToString of its contents and no debugger display of them.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed class SecretBuffer : IDisposable
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _bytes;
    private bool _disposed;

    public SecretBuffer(ReadOnlySpan<byte> source)
    {
        _bytes = GC.AllocateUninitializedArray<byte>(source.Length, pinned: true);
        source.CopyTo(_bytes);
    }

    public int Length => _bytes.Length;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    public override string ToString() => $"SecretBuffer[{_bytes.Length} bytes]";

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_bytes);
            _disposed = true;
        }
    }
}

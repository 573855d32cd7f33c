using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// One subject's data key in plaintext: a pinned buffer (the GC never copies it) that <see cref="Dispose"/> zeroes, with
/// the <see cref="AesGcm"/> made from it once and reused for every payload sealed while it lives. Seals and opens run under
/// the key's lock, so they may come from parallel seals, and a Dispose (end of a scope, a shred) waits for a seal in
/// progress and can never zero the key under it: a seal after Dispose fails instead of encrypting under zeros.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed class UnwrappedDataKey : IDisposable
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _buffer;
    private readonly Lock _sync = new();
    private AesGcm? _aes;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="pinnedBuffer"/>: its first 32 bytes are the key, and all of it is zeroed on Dispose.</summary>
    public UnwrappedDataKey(Guid dataKeyId, byte[] pinnedBuffer)
    {
        ArgumentNullException.ThrowIfNull(pinnedBuffer);
        ArgumentOutOfRangeException.ThrowIfLessThan(pinnedBuffer.Length, DataKeyWrapping.KeyLength);
        DataKeyId = dataKeyId;
        _buffer = pinnedBuffer;
    }

    public Guid DataKeyId { get; }

    /// <summary>Seals <paramref name="identity"/>; false (and no payload) once the key was disposed.</summary>
    public bool TrySeal(string subjectId, IdentityRecord identity, [NotNullWhen(true)] out byte[]? payload)
    {
        lock (_sync)
        {
            if (_disposed)
            {
                payload = null;
                return false;
            }

            _aes ??= new AesGcm(_buffer.AsSpan(0, DataKeyWrapping.KeyLength), VaultPayload.TagLength);
            payload = VaultPayload.Seal(_aes, DataKeyId, subjectId, identity);
            return true;
        }
    }

    /// <summary>Opens the fields of <paramref name="layout"/> that <paramref name="fields"/> names (all when null).</summary>
    public IdentityRecord Open(string subjectId, ReadOnlySpan<byte> payload, VaultPayload.Layout layout, HashSet<string>? fields)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _aes ??= new AesGcm(_buffer.AsSpan(0, DataKeyWrapping.KeyLength), VaultPayload.TagLength);
            var opened = new List<KeyValuePair<string, IdentityField>>();
            for (var i = 0; i < layout.Fields.Count; i++)
            {
                var name = layout.Fields[i].Name;
                if (fields is null || fields.Contains(name))
                {
                    opened.Add(new(name, VaultPayload.OpenField(_aes, payload, layout, i, subjectId)));
                }
            }

            return new IdentityRecord(opened);
        }
    }

    public override string ToString() => $"UnwrappedDataKey {{ DataKeyId = {DataKeyId} }}";

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _aes?.Dispose();
            _aes = null;
            CryptographicOperations.ZeroMemory(_buffer);
        }
    }
}

using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// A few <see cref="AesGcm"/> instances for one master key, reused by wraps and unwraps on any thread without a lock (an
/// instance is used by one caller at a time: <see cref="Rent"/> takes it out of its slot, <see cref="Return"/> puts it back).
/// Saves making the key schedule for every data key a batch unwraps or creates. Dispose frees every instance, including
/// one returned after it; callers use the pool only inside <see cref="VaultMasterKeys.Enter"/>/<see cref="VaultMasterKeys.Exit"/>.
/// </summary>
internal sealed class AesGcmPool : IDisposable
{
    private readonly SecretBuffer _key;
    private readonly AesGcm?[] _slots = new AesGcm?[Math.Max(2, Environment.ProcessorCount)];
    private int _disposed;

    public AesGcmPool(SecretBuffer key) => _key = key;

    public AesGcm Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.Exchange(ref _slots[i], null) is { } aes)
            {
                return aes;
            }
        }

        return new AesGcm(_key.Span, VaultPayload.TagLength);
    }

    public void Return(AesGcm aes)
    {
        ArgumentNullException.ThrowIfNull(aes);
        if (Volatile.Read(ref _disposed) == 0)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], aes, null) is null)
                {
                    // Dispose may have swept this slot just before: then free it here (whoever takes it out disposes it).
                    if (Volatile.Read(ref _disposed) != 0)
                    {
                        Interlocked.Exchange(ref _slots[i], null)?.Dispose();
                    }

                    return;
                }
            }
        }

        aes.Dispose();
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        for (var i = 0; i < _slots.Length; i++)
        {
            Interlocked.Exchange(ref _slots[i], null)?.Dispose();
        }
    }
}

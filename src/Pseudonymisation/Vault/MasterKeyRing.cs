using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// An immutable snapshot of the vault's master keys: the active one wraps new data keys, every one unwraps. Readers share it
/// without locks; a rotation publishes a new ring holding the same keys plus the new one. The keys (and their pooled
/// <see cref="AesGcm"/> instances) are used only inside <see cref="VaultMasterKeys.Enter"/>/<see cref="VaultMasterKeys.Exit"/>,
/// so disposing the vault never zeroes a key in the middle of a wrap (which would wrap a data key under zeros).
/// </summary>
internal sealed class MasterKeyRing
{
    private readonly VaultMasterKeys _owner;

    public MasterKeyRing(VaultMasterKeys owner, IReadOnlyDictionary<Guid, MasterKey> keys, Guid activeId)
    {
        _owner = owner;
        Keys = keys;
        ActiveId = activeId;
    }

    public Guid ActiveId { get; }

    public IReadOnlyDictionary<Guid, MasterKey> Keys { get; }

    /// <summary>Wraps <paramref name="dataKey"/> under the active master key.</summary>
    public WrappedDataKey Wrap(string subjectId, Guid dataKeyId, ReadOnlySpan<byte> dataKey, DateTimeOffset createdAt)
    {
        var ciphers = Keys[ActiveId].Ciphers;
        _owner.Enter();
        try
        {
            var aes = ciphers.Rent();
            var wrapped = DataKeyWrapping.Wrap(aes, ActiveId, dataKeyId, subjectId, dataKey);
            ciphers.Return(aes);
            return new WrappedDataKey(subjectId, dataKeyId, ActiveId, createdAt, wrapped);
        }
        finally
        {
            _owner.Exit();
        }
    }

    /// <summary>Unwraps <paramref name="record"/> into <paramref name="dataKey"/>; SH1107 when its master key is unknown, SH1109 when it is damaged.</summary>
    public void Unwrap(string subjectId, WrappedDataKey record, Span<byte> dataKey)
    {
        var masterKeyId = DataKeyWrapping.ReadMasterKeyId(record.Wrapped.Span);
        if (masterKeyId != record.MasterKeyId)
        {
            throw new VaultException(VaultErrorCodes.WrappedDataKeyInvalid, "The wrapped data key names another master key than its record.");
        }

        if (!Keys.TryGetValue(masterKeyId, out var masterKey))
        {
            throw new VaultException(VaultErrorCodes.MasterKeyNotFound, "The master key that wrapped this data key is not in the key store.");
        }

        _owner.Enter();
        try
        {
            // An instance that failed is not returned to the pool (it is disposed with the exception in flight).
            var aes = masterKey.Ciphers.Rent();
            try
            {
                DataKeyWrapping.Unwrap(aes, record.Wrapped.Span, record.DataKeyId, subjectId, dataKey);
            }
            catch
            {
                aes.Dispose();
                throw;
            }

            masterKey.Ciphers.Return(aes);
        }
        finally
        {
            _owner.Exit();
        }
    }
}

/// <summary>One master key in memory: its bytes (pinned, zeroed on Dispose) and a pool of <see cref="AesGcm"/> made from them.</summary>
internal sealed class MasterKey : IDisposable
{
    public MasterKey(ReadOnlySpan<byte> key)
    {
        Key = new SecretBuffer(key);
        Ciphers = new AesGcmPool(Key);
    }

    public SecretBuffer Key { get; }

    public AesGcmPool Ciphers { get; }

    public void Dispose()
    {
        Ciphers.Dispose();
        Key.Dispose();
    }
}

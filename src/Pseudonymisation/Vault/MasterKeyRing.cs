using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// An immutable snapshot of the vault's master keys: the active one wraps new data keys, every one unwraps. Readers share it
/// without locks; a rotation publishes a new ring holding the same key buffers plus the new key. The key bytes are used only
/// inside <see cref="VaultMasterKeys.Enter"/>/<see cref="VaultMasterKeys.Exit"/>, so disposing the vault never zeroes a key
/// in the middle of a wrap (which would wrap a data key under zeros).
/// </summary>
internal sealed class MasterKeyRing
{
    private readonly VaultMasterKeys _owner;

    public MasterKeyRing(VaultMasterKeys owner, IReadOnlyDictionary<Guid, SecretBuffer> keys, Guid activeId)
    {
        _owner = owner;
        Keys = keys;
        ActiveId = activeId;
    }

    public Guid ActiveId { get; }

    public IReadOnlyDictionary<Guid, SecretBuffer> Keys { get; }

    /// <summary>Wraps <paramref name="dataKey"/> under the active master key (<paramref name="nonce"/>: 12 fresh random bytes).</summary>
    public WrappedDataKey Wrap(string subjectId, Guid dataKeyId, ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> nonce, DateTimeOffset createdAt)
    {
        _owner.Enter();
        try
        {
            return new WrappedDataKey(subjectId, dataKeyId, ActiveId, createdAt, DataKeyWrapping.Wrap(Keys[ActiveId].Span, ActiveId, dataKeyId, subjectId, dataKey, nonce));
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
            DataKeyWrapping.Unwrap(masterKey.Span, record.Wrapped.Span, record.DataKeyId, subjectId, dataKey);
        }
        finally
        {
            _owner.Exit();
        }
    }
}

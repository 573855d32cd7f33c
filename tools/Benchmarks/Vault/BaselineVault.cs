using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Benchmarks.Vault;

/// <summary>
/// A frozen copy of the sealing path of <see cref="IdentityVault"/> as it was at commit e8a453f (before the sealing fast
/// path), kept only as the baseline of <see cref="VaultSealBenchmarks"/> so old and new are measured in one run. Per seal:
/// the wrapped data key is unwrapped under the master key behind one process-wide <see cref="SemaphoreSlim"/> with a new
/// <see cref="AesGcm"/>; a new subject's key is created and wrapped (another AES-GCM under the gate) and then unwrapped;
/// every field is serialised with <see cref="JsonSerializer"/> into a new array, gets its own
/// <see cref="RandomNumberGenerator.Fill(Span{byte})"/> call and a new associated-data array. Do not use outside benchmarks.
/// </summary>
internal sealed class BaselineVault : IDisposable
{
    private const byte PlainFormat = 1;
    private const int PlainLength = 1 + 16 + 32;
    private const int KeyLength = 32;
    private const int WrappedLength = 21 + 12 + 32 + 16;
    private const int FixedHeaderLength = 4 + 1 + 16 + 1;

    private readonly IVaultKeyStore _store;
    private readonly TimeProvider _time;
    private readonly IDataProtector _protector;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, SecretBuffer> _keys = [];
    private bool _loaded;
    private Guid _activeId;

    public BaselineVault(IVaultKeyStore store, IDataProtectionProvider provider, TimeProvider time)
    {
        _store = store;
        _time = time;
        _protector = provider.CreateProtector("SharingHub.Vault.v1");
    }

    public async Task<byte[]> SealAsync(string subjectId, IdentityRecord identity, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        var record = await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false)
            ?? await CreateDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
        var dataKey = GC.AllocateUninitializedArray<byte>(KeyLength, pinned: true);
        try
        {
            await WithKeyAsync(record.MasterKeyId, masterKey => Unwrap(masterKey, record.Wrapped.Span, record.DataKeyId, subjectId, dataKey), cancellationToken).ConfigureAwait(false);
            return Seal(dataKey, record.DataKeyId, subjectId, identity);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _gate.Dispose();
    }

    private async Task<WrappedDataKey> CreateDataKeyAsync(string subjectId, CancellationToken cancellationToken)
    {
        var dataKeyId = Guid.NewGuid();
        var dataKey = GC.AllocateUninitializedArray<byte>(KeyLength, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(dataKey);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            WrappedDataKey record;
            try
            {
                await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
                record = new WrappedDataKey(subjectId, dataKeyId, _activeId, _time.GetUtcNow(), Wrap(_keys[_activeId].Span, _activeId, dataKeyId, subjectId, dataKey));
            }
            finally
            {
                _gate.Release();
            }

            if (await _store.PutDataKeyAsync(record, overwrite: false, cancellationToken).ConfigureAwait(false))
            {
                return record;
            }

            return (await _store.GetDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false))!;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private async Task WithKeyAsync(Guid id, Action<ReadOnlySpan<byte>> use, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            use(_keys[id].Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        foreach (var record in await _store.GetMasterKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            var plain = _protector.Unprotect(record.Protected.ToArray());
            _keys[record.MasterKeyId] = new SecretBuffer(plain.AsSpan(17));
            CryptographicOperations.ZeroMemory(plain);
            if (record.Status == KeyStatus.Active)
            {
                _activeId = record.MasterKeyId;
            }
        }

        if (_keys.Count == 0)
        {
            throw new InvalidOperationException("The baseline vault needs a store whose master key the current vault created.");
        }

        _loaded = true;
    }

    private static byte[] Wrap(ReadOnlySpan<byte> masterKey, Guid masterKeyId, Guid dataKeyId, string subjectId, ReadOnlySpan<byte> dataKey)
    {
        var wrapped = new byte[WrappedLength];
        "SHDK"u8.CopyTo(wrapped);
        wrapped[4] = 1;
        masterKeyId.TryWriteBytes(wrapped.AsSpan(5, 16));
        var nonce = wrapped.AsSpan(21, 12);
        RandomNumberGenerator.Fill(nonce);
        var aad = WrapAssociatedData(wrapped.AsSpan(0, 21), dataKeyId, subjectId);
        using var aes = new AesGcm(masterKey, 16);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(33, KeyLength), wrapped.AsSpan(65, 16), aad);
        return wrapped;
    }

    private static void Unwrap(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> wrapped, Guid dataKeyId, string subjectId, Span<byte> dataKey)
    {
        var aad = WrapAssociatedData(wrapped[..21], dataKeyId, subjectId);
        using var aes = new AesGcm(masterKey, 16);
        aes.Decrypt(wrapped.Slice(21, 12), wrapped.Slice(33, KeyLength), wrapped.Slice(65, 16), dataKey, aad);
    }

    private static byte[] WrapAssociatedData(ReadOnlySpan<byte> header, Guid dataKeyId, string subjectId)
    {
        var aad = new byte[header.Length + 16 + Encoding.UTF8.GetByteCount(subjectId)];
        header.CopyTo(aad);
        dataKeyId.TryWriteBytes(aad.AsSpan(header.Length, 16));
        Encoding.UTF8.GetBytes(subjectId, aad.AsSpan(header.Length + 16));
        return aad;
    }

    private static byte[] Seal(ReadOnlySpan<byte> dataKey, Guid dataKeyId, string subjectId, IdentityRecord identity)
    {
        var fields = identity.Fields;
        var plaintexts = new List<byte[]>(fields.Count);
        try
        {
            var headerLength = FixedHeaderLength + fields.Keys.Sum(n => 1 + n.Length);
            var total = headerLength;
            foreach (var field in fields.Values)
            {
                var plain = JsonSerializer.SerializeToUtf8Bytes(new FieldJson { Raw = field.Raw, Normalised = field.Normalised });
                plaintexts.Add(plain);
                total += 12 + 4 + plain.Length + 16;
            }

            var payload = new byte[total];
            "SHIV"u8.CopyTo(payload);
            payload[4] = 1;
            dataKeyId.TryWriteBytes(payload.AsSpan(5, 16));
            payload[21] = (byte)fields.Count;
            var offset = FixedHeaderLength;
            foreach (var name in fields.Keys)
            {
                payload[offset++] = (byte)name.Length;
                offset += Encoding.ASCII.GetBytes(name, payload.AsSpan(offset));
            }

            var header = payload.AsSpan(0, headerLength);
            using var aes = new AesGcm(dataKey, 16);
            for (var i = 0; i < plaintexts.Count; i++)
            {
                var plain = plaintexts[i];
                var nonce = payload.AsSpan(offset, 12);
                RandomNumberGenerator.Fill(nonce);
                BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(offset + 12), plain.Length);
                var cipher = payload.AsSpan(offset + 16, plain.Length);
                var tag = payload.AsSpan(offset + 16 + plain.Length, 16);
                aes.Encrypt(nonce, plain, cipher, tag, PayloadAssociatedData(header, i, subjectId));
                offset += 16 + plain.Length + 16;
            }

            return payload;
        }
        finally
        {
            foreach (var plain in plaintexts)
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
    }

    private static byte[] PayloadAssociatedData(ReadOnlySpan<byte> header, int index, string subjectId)
    {
        var aad = new byte[header.Length + 1 + Encoding.UTF8.GetByteCount(subjectId)];
        header.CopyTo(aad);
        aad[header.Length] = (byte)index;
        Encoding.UTF8.GetBytes(subjectId, aad.AsSpan(header.Length + 1));
        return aad;
    }

    private sealed class FieldJson
    {
        [System.Text.Json.Serialization.JsonPropertyName("raw")]
        public string? Raw { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("normalised")]
        public string? Normalised { get; set; }
    }
}

using System.Security.Cryptography;
using System.Text;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// AES-256-GCM key wrapping of a subject's data key under a master key. Layout (81 bytes):
/// "SHDK" | version 0x01 | master-key id (16) | nonce (12) | ciphertext (32) | tag (16).
/// Associated data: the 21 header bytes | data-key id (16) | UTF-8 subject id, so a wrapped key cannot be
/// moved to another subject or record.
/// </summary>
internal static class DataKeyWrapping
{
    public const int KeyLength = 32;
    public const int WrappedLength = HeaderLength + NonceLength + KeyLength + TagLength;

    private const byte Version = 1;
    private const int HeaderLength = 4 + 1 + 16;
    private const int NonceLength = VaultNonces.NonceLength;
    private const int TagLength = 16;
    private const int MaxAssociatedData = HeaderLength + 16 + SubjectId.MaxLength;
    private static ReadOnlySpan<byte> Magic => "SHDK"u8;

    /// <summary>Wraps <paramref name="dataKey"/> with <paramref name="masterKey"/> (an <see cref="AesGcm"/> of the master key) under a fresh nonce.</summary>
    public static byte[] Wrap(AesGcm masterKey, Guid masterKeyId, Guid dataKeyId, string subjectId, ReadOnlySpan<byte> dataKey)
    {
        if (dataKey.Length != KeyLength)
        {
            throw new ArgumentException("A data key is 32 bytes.", nameof(dataKey));
        }

        var wrapped = new byte[WrappedLength];
        Magic.CopyTo(wrapped);
        wrapped[4] = Version;
        masterKeyId.TryWriteBytes(wrapped.AsSpan(5, 16));
        var nonce = wrapped.AsSpan(HeaderLength, NonceLength);
        VaultNonces.Fill(nonce);
        Span<byte> buffer = stackalloc byte[MaxAssociatedData];
        var aad = AssociatedData(wrapped.AsSpan(0, HeaderLength), dataKeyId, subjectId, buffer);
        masterKey.Encrypt(nonce, dataKey, wrapped.AsSpan(HeaderLength + NonceLength, KeyLength), wrapped.AsSpan(HeaderLength + NonceLength + KeyLength, TagLength), aad);
        return wrapped;
    }

    /// <summary>The master-key id a wrapped key names; throws SH1103/SH1109 when the layout is wrong.</summary>
    public static Guid ReadMasterKeyId(ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length >= 5 && wrapped[..4].SequenceEqual(Magic) && wrapped[4] != Version)
        {
            throw new VaultException(VaultErrorCodes.UnsupportedVersion, "The wrapped data key has an unsupported format version.");
        }

        if (wrapped.Length != WrappedLength || !wrapped[..4].SequenceEqual(Magic))
        {
            throw new VaultException(VaultErrorCodes.WrappedDataKeyInvalid, "The wrapped data key is malformed.");
        }

        return new Guid(wrapped.Slice(5, 16));
    }

    /// <summary>Unwraps into <paramref name="dataKey"/> with <paramref name="masterKey"/> (an <see cref="AesGcm"/> of the master key); SH1109 when it fails.</summary>
    public static void Unwrap(AesGcm masterKey, ReadOnlySpan<byte> wrapped, Guid dataKeyId, string subjectId, Span<byte> dataKey)
    {
        ReadMasterKeyId(wrapped);
        Span<byte> buffer = stackalloc byte[MaxAssociatedData];
        var aad = AssociatedData(wrapped[..HeaderLength], dataKeyId, subjectId, buffer);
        try
        {
            masterKey.Decrypt(wrapped.Slice(HeaderLength, NonceLength), wrapped.Slice(HeaderLength + NonceLength, KeyLength), wrapped.Slice(HeaderLength + NonceLength + KeyLength, TagLength), dataKey, aad);
        }
        catch (CryptographicException ex)
        {
            throw new VaultException(VaultErrorCodes.WrappedDataKeyInvalid, "The wrapped data key failed authentication.", ex);
        }
    }

    /// <summary>header | data-key id | UTF-8 subject id, in <paramref name="buffer"/> when it fits (a valid subject id always does).</summary>
    private static ReadOnlySpan<byte> AssociatedData(ReadOnlySpan<byte> header, Guid dataKeyId, string subjectId, Span<byte> buffer)
    {
        var length = header.Length + 16 + Encoding.UTF8.GetByteCount(subjectId);
        var aad = length <= buffer.Length ? buffer[..length] : new byte[length];
        header.CopyTo(aad);
        dataKeyId.TryWriteBytes(aad.Slice(header.Length, 16));
        Encoding.UTF8.GetBytes(subjectId, aad[(header.Length + 16)..]);
        return aad;
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SharingHub.Hub.Documents;

/// <summary>
/// Encrypts a document original with AES-256-GCM under a fresh per-document key; the key is kept only wrapped by the
/// hub's DataProtection key ring. Layout: "SHD1" | nonce (12) | tag (16) | ciphertext; the document id is the
/// associated data, so a ciphertext cannot be swapped onto another document row.
/// </summary>
public sealed class DocumentCipher(IDataProtectionProvider provider)
{
    public const string Purpose = "SharingHub.Documents.Key.v1";
    private static ReadOnlySpan<byte> Magic => "SHD1"u8;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 4 + NonceLength + TagLength;

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>The sealed original and the wrapped key to store with the document row.</summary>
    public (byte[] Sealed, byte[] WrappedKey) Seal(Guid documentId, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> key = stackalloc byte[32];
        RandomNumberGenerator.Fill(key);
        try
        {
            var result = new byte[checked(HeaderLength + plaintext.Length)];
            Magic.CopyTo(result);
            var nonce = result.AsSpan(4, NonceLength);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagLength);
            aes.Encrypt(nonce, plaintext, result.AsSpan(HeaderLength), result.AsSpan(4 + NonceLength, TagLength), documentId.ToByteArray());
            return (result, _protector.Protect(key.ToArray()));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Decrypts a sealed original; <see cref="CryptographicException"/> when it was altered or belongs to another document.</summary>
    public byte[] Open(Guid documentId, ReadOnlySpan<byte> sealedDocument, byte[] wrappedKey)
    {
        if (sealedDocument.Length < HeaderLength || !sealedDocument[..4].SequenceEqual(Magic))
        {
            throw new CryptographicException("Not a sealed hub document.");
        }

        var key = _protector.Unprotect(wrappedKey);
        try
        {
            var plaintext = new byte[sealedDocument.Length - HeaderLength];
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(sealedDocument.Slice(4, NonceLength), sealedDocument[HeaderLength..], sealedDocument.Slice(4 + NonceLength, TagLength), plaintext, documentId.ToByteArray());
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

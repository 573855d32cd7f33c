using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The identity payload: every field encrypted on its own with AES-256-GCM under the subject's data key, so a
/// disclosure decrypts only the granted fields. Layout:
/// <code>
/// header  = "SHIV" | version 0x01 | data-key id (16) | field count n (1) | n × (name length (1) | ASCII name)
/// fields  = n × (nonce (12) | ciphertext length (4, big-endian) | ciphertext | tag (16))
/// </code>
/// Associated data of field i = the whole header | i (1) | UTF-8 subject id. So any altered header byte fails
/// every field, a ciphertext moved to another field or subject fails, and field names and order are bound.
/// A field's plaintext is the JSON <c>{"raw":…,"normalised":…}</c>.
/// </summary>
internal static class VaultPayload
{
    public const int MaxFields = 255;
    public const int MaxFieldCiphertext = 64 * 1024;

    private const byte Version = 1;
    private const int FixedHeaderLength = 4 + 1 + 16 + 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static ReadOnlySpan<byte> Magic => "SHIV"u8;

    public static byte[] Seal(ReadOnlySpan<byte> dataKey, Guid dataKeyId, string subjectId, IdentityRecord identity)
    {
        var fields = identity.Fields;
        if (fields.Count > MaxFields)
        {
            throw new VaultException(VaultErrorCodes.TooLarge, "An identity record holds at most 255 fields.");
        }

        var plaintexts = new List<byte[]>(fields.Count);
        try
        {
            var headerLength = FixedHeaderLength + fields.Keys.Sum(n => 1 + n.Length);
            var total = headerLength;
            foreach (var field in fields.Values)
            {
                var plain = JsonSerializer.SerializeToUtf8Bytes(new FieldJson { Raw = field.Raw, Normalised = field.Normalised });
                plaintexts.Add(plain);
                if (plain.Length > MaxFieldCiphertext)
                {
                    throw new VaultException(VaultErrorCodes.TooLarge, "A field value is larger than 64 KiB.");
                }

                total += NonceLength + 4 + plain.Length + TagLength;
            }

            var payload = new byte[total];
            Magic.CopyTo(payload);
            payload[4] = Version;
            dataKeyId.TryWriteBytes(payload.AsSpan(5, 16));
            payload[21] = (byte)fields.Count;
            var offset = FixedHeaderLength;
            foreach (var name in fields.Keys)
            {
                payload[offset++] = (byte)name.Length;
                offset += Encoding.ASCII.GetBytes(name, payload.AsSpan(offset));
            }

            var header = payload.AsSpan(0, headerLength);
            using var aes = new AesGcm(dataKey, TagLength);
            for (var i = 0; i < plaintexts.Count; i++)
            {
                var plain = plaintexts[i];
                var nonce = payload.AsSpan(offset, NonceLength);
                RandomNumberGenerator.Fill(nonce);
                BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(offset + NonceLength), plain.Length);
                var cipher = payload.AsSpan(offset + NonceLength + 4, plain.Length);
                var tag = payload.AsSpan(offset + NonceLength + 4 + plain.Length, TagLength);
                aes.Encrypt(nonce, plain, cipher, tag, AssociatedData(header, i, subjectId));
                offset += NonceLength + 4 + plain.Length + TagLength;
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

    /// <summary>Reads and checks the structure (not the authenticity) of a payload.</summary>
    public static Layout Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < FixedHeaderLength || !payload[..4].SequenceEqual(Magic))
        {
            if (payload.Length >= 5 && payload[..4].SequenceEqual(Magic) && payload[4] != Version)
            {
                throw new VaultException(VaultErrorCodes.UnsupportedVersion, "The payload has an unsupported format version.");
            }

            throw Malformed();
        }

        if (payload[4] != Version)
        {
            throw new VaultException(VaultErrorCodes.UnsupportedVersion, "The payload has an unsupported format version.");
        }

        var dataKeyId = new Guid(payload.Slice(5, 16));
        int count = payload[21];
        var names = new string[count];
        var offset = FixedHeaderLength;
        for (var i = 0; i < count; i++)
        {
            if (offset >= payload.Length)
            {
                throw Malformed();
            }

            int length = payload[offset++];
            if (length == 0 || length > IdentityFieldNames.MaxLength || offset + length > payload.Length)
            {
                throw Malformed();
            }

            names[i] = Encoding.ASCII.GetString(payload.Slice(offset, length));
            if (!IdentityFieldNames.IsValid(names[i]) || (i > 0 && string.CompareOrdinal(names[i - 1], names[i]) >= 0))
            {
                throw Malformed();
            }

            offset += length;
        }

        var headerLength = offset;
        var fields = new FieldSlot[count];
        for (var i = 0; i < count; i++)
        {
            if (payload.Length - offset < NonceLength + 4 + TagLength)
            {
                throw Malformed();
            }

            var cipherLength = BinaryPrimitives.ReadInt32BigEndian(payload.Slice(offset + NonceLength, 4));
            if (cipherLength < 0 || cipherLength > MaxFieldCiphertext || payload.Length - offset - NonceLength - 4 - TagLength < cipherLength)
            {
                throw Malformed();
            }

            fields[i] = new FieldSlot(names[i], offset, cipherLength);
            offset += NonceLength + 4 + cipherLength + TagLength;
        }

        if (offset != payload.Length)
        {
            throw Malformed();
        }

        return new Layout(dataKeyId, headerLength, fields);
    }

    public static IdentityField OpenField(AesGcm aes, ReadOnlySpan<byte> payload, Layout layout, int index, string subjectId)
    {
        var slot = layout.Fields[index];
        var nonce = payload.Slice(slot.Offset, NonceLength);
        var cipher = payload.Slice(slot.Offset + NonceLength + 4, slot.CipherLength);
        var tag = payload.Slice(slot.Offset + NonceLength + 4 + slot.CipherLength, TagLength);
        var plain = GC.AllocateUninitializedArray<byte>(slot.CipherLength, pinned: true);
        try
        {
            aes.Decrypt(nonce, cipher, tag, plain, AssociatedData(payload[..layout.HeaderLength], index, subjectId));
            var json = JsonSerializer.Deserialize<FieldJson>(plain);
            if (json?.Raw is null)
            {
                throw Malformed();
            }

            return new IdentityField(json.Raw, json.Normalised);
        }
        catch (CryptographicException ex)
        {
            throw new VaultException(VaultErrorCodes.AuthenticationFailed, "The payload failed authentication: it was altered or belongs to another subject.", ex);
        }
        catch (JsonException)
        {
            // No inner exception: a JSON error message could quote the plaintext.
            throw Malformed();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, int index, string subjectId)
    {
        var aad = new byte[header.Length + 1 + Encoding.UTF8.GetByteCount(subjectId)];
        header.CopyTo(aad);
        aad[header.Length] = (byte)index;
        Encoding.UTF8.GetBytes(subjectId, aad.AsSpan(header.Length + 1));
        return aad;
    }

    private static VaultException Malformed() =>
        new(VaultErrorCodes.MalformedPayload, "The payload is not a well-formed vault payload (wrong magic, truncated or trailing bytes).");

    internal sealed record Layout(Guid DataKeyId, int HeaderLength, IReadOnlyList<FieldSlot> Fields);

    internal readonly record struct FieldSlot(string Name, int Offset, int CipherLength);

    private sealed class FieldJson
    {
        [System.Text.Json.Serialization.JsonPropertyName("raw")]
        public string? Raw { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("normalised")]
        public string? Normalised { get; set; }
    }
}

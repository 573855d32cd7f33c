using System.Buffers;
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

    public const int TagLength = 16;

    private const byte Version = 1;
    private const int FixedHeaderLength = 4 + 1 + 16 + 1;
    private const int NonceLength = VaultNonces.NonceLength;
    private const int StackFields = 32;
    private const int StackAssociatedData = 512;
    private static ReadOnlySpan<byte> Magic => "SHIV"u8;

    /// <summary>
    /// Seals <paramref name="identity"/> with <paramref name="aes"/> (the subject's data key). The field plaintexts are written
    /// into one pinned per-thread buffer that is zeroed before this returns, each field's nonce comes from
    /// <see cref="VaultNonces"/> (fresh <see cref="RandomNumberGenerator"/> bytes, drawn in blocks), and the associated data
    /// is built once, only its index byte changing per field. Not thread-safe for one <paramref name="aes"/> (callers hold its lock).
    /// </summary>
    public static byte[] Seal(AesGcm aes, Guid dataKeyId, string subjectId, IdentityRecord identity)
    {
        var fields = identity.Fields;
        var count = fields.Count;
        if (count > MaxFields)
        {
            throw new VaultException(VaultErrorCodes.TooLarge, "An identity record holds at most 255 fields.");
        }

        var plaintexts = FieldPlaintextWriter.Rent();
        int[]? rentedEnds = null;
        byte[]? rentedAad = null;
        try
        {
            Span<int> ends = count <= StackFields ? stackalloc int[StackFields] : (rentedEnds = ArrayPool<int>.Shared.Rent(count));
            var headerLength = FixedHeaderLength;
            var i = 0;
            foreach (var (name, field) in fields)
            {
                headerLength += 1 + name.Length;
                ends[i] = plaintexts.Append(field);
                if (ends[i] - (i == 0 ? 0 : ends[i - 1]) > MaxFieldCiphertext)
                {
                    throw new VaultException(VaultErrorCodes.TooLarge, "A field value is larger than 64 KiB.");
                }

                i++;
            }

            var plain = plaintexts.Written;
            var payload = new byte[checked(headerLength + (count * (NonceLength + 4 + TagLength)) + plain.Length)];
            Magic.CopyTo(payload);
            payload[4] = Version;
            dataKeyId.TryWriteBytes(payload.AsSpan(5, 16));
            payload[21] = (byte)count;
            var offset = FixedHeaderLength;
            foreach (var name in fields.Keys)
            {
                payload[offset++] = (byte)name.Length;
                offset += Encoding.ASCII.GetBytes(name, payload.AsSpan(offset));
            }

            var aadLength = checked(headerLength + 1 + Encoding.UTF8.GetByteCount(subjectId));
            var aad = aadLength <= StackAssociatedData ? stackalloc byte[StackAssociatedData] : (rentedAad = ArrayPool<byte>.Shared.Rent(aadLength));
            aad = aad[..aadLength];
            payload.AsSpan(0, headerLength).CopyTo(aad);
            Encoding.UTF8.GetBytes(subjectId, aad[(headerLength + 1)..]);

            var start = 0;
            for (i = 0; i < count; i++)
            {
                var field = plain[start..ends[i]];
                var nonce = payload.AsSpan(offset, NonceLength);
                VaultNonces.Fill(nonce);
                BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(offset + NonceLength), field.Length);
                var cipher = payload.AsSpan(offset + NonceLength + 4, field.Length);
                var tag = payload.AsSpan(offset + NonceLength + 4 + field.Length, TagLength);
                aad[headerLength] = (byte)i;
                aes.Encrypt(nonce, field, cipher, tag, aad);
                offset += NonceLength + 4 + field.Length + TagLength;
                start = ends[i];
            }

            return payload;
        }
        finally
        {
            FieldPlaintextWriter.Return(plaintexts);
            if (rentedEnds is not null)
            {
                ArrayPool<int>.Shared.Return(rentedEnds);
            }

            if (rentedAad is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedAad);
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

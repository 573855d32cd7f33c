using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

/// <summary>
/// Decodes what the vault writes with an independent implementation of the documented v1 formats (docs/SECURITY.md,
/// "Identity vault"), so a payload sealed by the current code also opens with the code before it (and any other reader).
/// </summary>
public sealed class VaultFormatReferenceTests
{
    [Fact]
    public async Task SealAsync_Person_DecodesWithReferenceImplementation()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();

        var payload = await vault.SealAsync("subject-1", person);

        Assert.Equal(person.Fields, await ReferenceOpenAsync(store, "subject-1", payload));
    }

    [Fact]
    public async Task SealAsync_EscapedAndNonAsciiValues_DecodesWithReferenceImplementation()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var record = new IdentityRecord(new Dictionary<string, IdentityField>
        {
            ["a"] = new("<script>\"'&\\\n\t\u0001 \u00e9 \u2028 \U0001F600", null),
            ["b"] = new(string.Empty, string.Empty),
            ["c"] = new(new string('x', 5000), "y"),
        });

        var payload = await vault.SealAsync("subject.2_x-y", record);

        Assert.Equal(record.Fields, await ReferenceOpenAsync(store, "subject.2_x-y", payload));
    }

    [Fact]
    public async Task SealAsync_SameRecordTwice_FreshNoncePerField()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();

        var nonces = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            nonces.AddRange(Nonces(await vault.SealAsync("subject-1", person)));
        }

        Assert.Equal(4 * person.Fields.Count, nonces.Count);
        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<Dictionary<string, IdentityField>> ReferenceOpenAsync(InMemoryVaultKeyStore store, string subjectId, byte[] payload)
    {
        // Master key: DataProtection ("SharingHub.Vault.v1") over 0x01 | id (16) | key (32).
        var master = Assert.Single(await store.GetMasterKeysAsync());
        var plain = VaultTestData.Provider.CreateProtector("SharingHub.Vault.v1").Unprotect(master.Protected.ToArray());
        Assert.Equal(49, plain.Length);
        Assert.Equal(master.MasterKeyId, new Guid(plain.AsSpan(1, 16)));
        var masterKey = plain.AsSpan(17).ToArray();

        // Wrapped data key: "SHDK" | 1 | master id (16) | nonce (12) | ciphertext (32) | tag (16); AAD = header | data-key id | subject.
        var record = (await store.GetDataKeyAsync(subjectId))!;
        var wrapped = record.Wrapped.ToArray();
        Assert.Equal(81, wrapped.Length);
        Assert.Equal("SHDK"u8.ToArray(), wrapped[..4]);
        Assert.Equal(1, wrapped[4]);
        Assert.Equal(master.MasterKeyId, new Guid(wrapped.AsSpan(5, 16)));
        var dataKey = new byte[32];
        using (var aes = new AesGcm(masterKey, 16))
        {
            aes.Decrypt(wrapped.AsSpan(21, 12), wrapped.AsSpan(33, 32), wrapped.AsSpan(65, 16), dataKey,
                [.. wrapped[..21], .. record.DataKeyId.ToByteArray(), .. Encoding.UTF8.GetBytes(subjectId)]);
        }

        // Payload: "SHIV" | 1 | data-key id (16) | n | n × (length | name), then n × (nonce (12) | length (4, BE) | ciphertext | tag (16)).
        Assert.Equal("SHIV"u8.ToArray(), payload[..4]);
        Assert.Equal(1, payload[4]);
        Assert.Equal(record.DataKeyId, new Guid(payload.AsSpan(5, 16)));
        int count = payload[21];
        var names = new List<string>();
        var offset = 22;
        for (var i = 0; i < count; i++)
        {
            names.Add(Encoding.ASCII.GetString(payload, offset + 1, payload[offset]));
            offset += 1 + payload[offset];
        }

        var header = payload[..offset];
        var fields = new Dictionary<string, IdentityField>();
        using var fieldAes = new AesGcm(dataKey, 16);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(offset + 12, 4));
            var fieldPlain = new byte[length];
            fieldAes.Decrypt(payload.AsSpan(offset, 12), payload.AsSpan(offset + 16, length), payload.AsSpan(offset + 16 + length, 16), fieldPlain,
                [.. header, (byte)i, .. Encoding.UTF8.GetBytes(subjectId)]);
            using var json = JsonDocument.Parse(fieldPlain);
            Assert.Equal(["raw", "normalised"], json.RootElement.EnumerateObject().Select(p => p.Name));
            fields[names[i]] = new IdentityField(json.RootElement.GetProperty("raw").GetString()!, json.RootElement.GetProperty("normalised").GetString());
            offset += 16 + length + 16;
        }

        Assert.Equal(payload.Length, offset);
        return fields;
    }

    private static IEnumerable<string> Nonces(byte[] payload)
    {
        int count = payload[21];
        var offset = 22;
        for (var i = 0; i < count; i++)
        {
            offset += 1 + payload[offset];
        }

        for (var i = 0; i < count; i++)
        {
            yield return Convert.ToHexString(payload, offset, 12);
            offset += 16 + BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(offset + 12, 4)) + 16;
        }
    }
}

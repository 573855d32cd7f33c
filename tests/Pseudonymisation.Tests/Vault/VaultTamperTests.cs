using System.Buffers.Binary;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

/// <summary>Every way of altering a payload or a wrapped key must end in a <see cref="VaultException"/>, never wrong plaintext.</summary>
public sealed class VaultTamperTests
{
    [Fact]
    public async Task OpenAsync_EveryFlippedBit_ThrowsVaultExceptionWithoutPlaintext()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var person = new IdentityRecord(VaultTestData.Person().Fields.Where(f => f.Key is IdentityFieldNames.Bsn or IdentityFieldNames.Surname));
        var payload = await vault.SealAsync("subject-1", person);
        var codes = new HashSet<string>();

        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            var tampered = (byte[])payload.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", tampered));
            codes.Add(ex.Code);
            AssertNoPlaintext(ex, person);
        }

        Assert.Contains(VaultErrorCodes.AuthenticationFailed, codes);
        Assert.Contains(VaultErrorCodes.MalformedPayload, codes);
        Assert.Contains(VaultErrorCodes.DataKeyMismatch, codes);
        Assert.Contains(VaultErrorCodes.UnsupportedVersion, codes);
    }

    [Fact]
    public async Task OpenAsync_EveryTruncation_ThrowsMalformedPayload()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());

        for (var length = 0; length < payload.Length; length++)
        {
            var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload.AsMemory(0, length)));
            Assert.Equal(VaultErrorCodes.MalformedPayload, ex.Code);
        }
    }

    [Fact]
    public async Task OpenAsync_TrailingByte_ThrowsMalformedPayload()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload.Append((byte)0).ToArray()));

        Assert.Equal(VaultErrorCodes.MalformedPayload, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_PayloadOfAnotherSubject_ThrowsDataKeyMismatch()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payloadA = await vault.SealAsync("subject-a", VaultTestData.Person());
        await vault.SealAsync("subject-b", VaultTestData.Person());

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-b", payloadA));

        Assert.Equal(VaultErrorCodes.DataKeyMismatch, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_DataKeyAndPayloadBothMovedToAnotherSubject_ThrowsWrappedDataKeyInvalid()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var payloadA = await vault.SealAsync("subject-a", VaultTestData.Person());
        var keyA = (await store.GetDataKeyAsync("subject-a"))!;
        await store.PutDataKeyAsync(keyA with { SubjectId = "subject-b" }, overwrite: true);

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-b", payloadA));

        Assert.Equal(VaultErrorCodes.WrappedDataKeyInvalid, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_FieldCiphertextsSwapped_ThrowsAuthenticationFailed()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var record = new IdentityRecord([new("aa", new IdentityField("1111", null)), new("bb", new IdentityField("2222", null))]);
        var payload = await vault.SealAsync("subject-1", record);
        var layout = VaultPayload.Parse(payload);
        var first = layout.Fields[0];
        var second = layout.Fields[1];
        var entryLength = 12 + 4 + first.CipherLength + 16;
        Assert.Equal(first.CipherLength, second.CipherLength);
        var swapped = (byte[])payload.Clone();
        payload.AsSpan(first.Offset, entryLength).CopyTo(swapped.AsSpan(second.Offset));
        payload.AsSpan(second.Offset, entryLength).CopyTo(swapped.AsSpan(first.Offset));

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", swapped));

        Assert.Equal(VaultErrorCodes.AuthenticationFailed, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_OtherFormatVersion_ThrowsUnsupportedVersion()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        payload[4] = 2;

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));

        Assert.Equal(VaultErrorCodes.UnsupportedVersion, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_WrongMagic_ThrowsMalformedPayload()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        payload[0] = (byte)'X';

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));

        Assert.Equal(VaultErrorCodes.MalformedPayload, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_HugeDeclaredCiphertextLength_ThrowsMalformedPayload()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        var slot = VaultPayload.Parse(payload).Fields[0];
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(slot.Offset + 12), int.MaxValue);

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));

        Assert.Equal(VaultErrorCodes.MalformedPayload, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_EveryFlippedBitInWrappedDataKey_ThrowsVaultException()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        var key = (await store.GetDataKeyAsync("subject-1"))!;
        var wrapped = key.Wrapped.ToArray();

        for (var bit = 0; bit < wrapped.Length * 8; bit++)
        {
            var tampered = (byte[])wrapped.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            await store.PutDataKeyAsync(key with { Wrapped = tampered }, overwrite: true);

            var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));
            Assert.Contains(ex.Code, new[] { VaultErrorCodes.WrappedDataKeyInvalid, VaultErrorCodes.UnsupportedVersion });
        }
    }

    [Fact]
    public async Task OpenAsync_ProtectedMasterKeyTampered_ThrowsMasterKeyUnwrapFailed()
    {
        var store = new InMemoryVaultKeyStore();
        byte[] payload;
        using (var first = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time()))
        {
            payload = await first.SealAsync("subject-1", VaultTestData.Person());
        }

        var master = Assert.Single(await store.GetMasterKeysAsync());
        var bytes = master.Protected.ToArray();
        bytes[^3] ^= 0x10;
        await store.SaveMasterKeysAsync([master with { Protected = bytes }]);
        using var second = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());

        var ex = await Assert.ThrowsAsync<VaultException>(() => second.OpenAsync("subject-1", payload));

        Assert.Equal(VaultErrorCodes.MasterKeyUnwrapFailed, ex.Code);
    }

    [Fact]
    public async Task OpenAsync_MasterKeyRecordMissing_ThrowsMasterKeyNotFound()
    {
        var store = new InMemoryVaultKeyStore();
        byte[] payload;
        using (var first = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time()))
        {
            payload = await first.SealAsync("subject-1", VaultTestData.Person());
            await first.RotateMasterKeyAsync();
        }

        var masters = await store.GetMasterKeysAsync();
        await store.SaveMasterKeysAsync([masters[1]]);
        using var second = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());

        var ex = await Assert.ThrowsAsync<VaultException>(() => second.OpenAsync("subject-1", payload));

        Assert.Equal(VaultErrorCodes.MasterKeyNotFound, ex.Code);
    }

    private static void AssertNoPlaintext(Exception ex, IdentityRecord record)
    {
        var text = ex.ToString();
        foreach (var value in VaultTestData.PlaintextValues(record))
        {
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}

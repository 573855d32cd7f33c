using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class IdentityVaultTests
{
    [Fact]
    public async Task OpenAsync_SealedRecord_ReturnsEveryField()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();

        var payload = await vault.SealAsync("subject-1", person);
        var opened = await vault.OpenAsync("subject-1", payload);

        Assert.Equal(person.Fields, opened.Fields);
    }

    [Fact]
    public async Task SealAsync_Payload_HoldsNoPlaintext()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();

        var payload = await vault.SealAsync("subject-1", person);
        var text = System.Text.Encoding.UTF8.GetString(payload);

        Assert.All(VaultTestData.PlaintextValues(person), value => Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OpenFieldsAsync_SelectedFields_ReturnsOnlyThose()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();
        var payload = await vault.SealAsync("subject-1", person);

        var opened = await vault.OpenFieldsAsync("subject-1", payload, [IdentityFieldNames.Surname, IdentityFieldNames.DateOfBirth, "not_present"]);

        Assert.Equal([IdentityFieldNames.DateOfBirth, IdentityFieldNames.Surname], opened.Fields.Keys);
        Assert.Equal(person[IdentityFieldNames.Surname], opened[IdentityFieldNames.Surname]);
    }

    [Fact]
    public async Task GetFieldNames_Payload_NamesWithoutKey()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();

        var payload = await vault.SealAsync("subject-1", person);

        Assert.Equal(person.Fields.Keys, IdentityVault.GetFieldNames(payload));
    }

    [Fact]
    public async Task SealAsync_SameSubjectTwice_SameDataKeyDifferentCiphertexts()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());

        var first = await vault.SealAsync("subject-1", VaultTestData.Person());
        var key = await store.GetDataKeyAsync("subject-1");
        var second = await vault.SealAsync("subject-1", VaultTestData.Person());

        Assert.Equal(key, await store.GetDataKeyAsync("subject-1"));
        Assert.NotEqual(first, second);
        Assert.Equal((await vault.OpenAsync("subject-1", first)).Fields, (await vault.OpenAsync("subject-1", second)).Fields);
    }

    [Fact]
    public async Task SealAsync_ConcurrentFirstSeals_AllPayloadsOpen()
    {
        var directory = Directory.CreateTempSubdirectory("sh-vault-race-");
        try
        {
            using var vault = new IdentityVault(new FileSystemVaultKeyStore(directory.FullName), VaultTestData.Provider, VaultTestData.Time());

            var payloads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => vault.SealAsync("subject-1", VaultTestData.Person()))));

            foreach (var payload in payloads)
            {
                Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ShredAsync_ThenOpen_ThrowsDataKeyNotFound()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        var other = await vault.SealAsync("subject-2", VaultTestData.Person());

        Assert.True(await vault.ShredAsync("subject-1"));

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));
        Assert.Equal(VaultErrorCodes.DataKeyNotFound, ex.Code);
        Assert.Null(await store.GetDataKeyAsync("subject-1"));
        Assert.NotEmpty((await vault.OpenAsync("subject-2", other)).Fields);
    }

    [Fact]
    public async Task ShredAsync_ThenSealAgain_OldPayloadStillUnrecoverable()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        await vault.ShredAsync("subject-1");
        await vault.SealAsync("subject-1", VaultTestData.Person());

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));

        Assert.Equal(VaultErrorCodes.DataKeyMismatch, ex.Code);
    }

    [Fact]
    public async Task ShredAsync_UnknownSubject_False()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());

        Assert.False(await vault.ShredAsync("nobody"));
    }

    [Fact]
    public async Task RotateMasterKeyAsync_OldAndRewrappedDataKeys_StillOpen()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var a = await vault.SealAsync("subject-a", VaultTestData.Person());
        var b = await vault.SealAsync("subject-b", VaultTestData.Person());
        var oldMaster = (await store.GetDataKeyAsync("subject-a"))!.MasterKeyId;

        var newMaster = await vault.RotateMasterKeyAsync();
        Assert.True(await vault.RewrapDataKeyAsync("subject-a"));

        Assert.NotEqual(oldMaster, newMaster);
        Assert.Equal(newMaster, (await store.GetDataKeyAsync("subject-a"))!.MasterKeyId);
        Assert.Equal(oldMaster, (await store.GetDataKeyAsync("subject-b"))!.MasterKeyId);
        Assert.NotEmpty((await vault.OpenAsync("subject-a", a)).Fields);
        Assert.NotEmpty((await vault.OpenAsync("subject-b", b)).Fields);
        var masters = await store.GetMasterKeysAsync();
        Assert.Equal([KeyStatus.Retired, KeyStatus.Active], masters.Select(m => m.Status));
    }

    [Fact]
    public async Task OpenAsync_NewVaultOverSameFileStore_Opens()
    {
        var directory = Directory.CreateTempSubdirectory("sh-vault-");
        try
        {
            var provider = Keys.FileDataProtection.Create(Path.Combine(directory.FullName, "dp"));
            var store = new FileSystemVaultKeyStore(Path.Combine(directory.FullName, "vault"));
            byte[] payload;
            using (var first = new IdentityVault(store, provider, VaultTestData.Time()))
            {
                payload = await first.SealAsync("subject-1", VaultTestData.Person());
            }

            var reloadedProvider = Keys.FileDataProtection.Create(Path.Combine(directory.FullName, "dp"));
            using var second = new IdentityVault(new FileSystemVaultKeyStore(Path.Combine(directory.FullName, "vault")), reloadedProvider, VaultTestData.Time());

            Assert.Equal(VaultTestData.Person().Fields, (await second.OpenAsync("subject-1", payload)).Fields);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_MasterKeysOfAnotherInstallation_ThrowsMasterKeyUnwrapFailed()
    {
        var store = new InMemoryVaultKeyStore();
        byte[] payload;
        using (var first = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time()))
        {
            payload = await first.SealAsync("subject-1", VaultTestData.Person());
        }

        using var other = new IdentityVault(store, new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(), VaultTestData.Time());

        var ex = await Assert.ThrowsAsync<VaultException>(() => other.OpenAsync("subject-1", payload));
        Assert.Equal(VaultErrorCodes.MasterKeyUnwrapFailed, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("../other")]
    [InlineData("a b")]
    public async Task SealAsync_InvalidSubjectId_ThrowsInvalidSubjectId(string subjectId)
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.SealAsync(subjectId, VaultTestData.Person()));

        Assert.Equal(VaultErrorCodes.InvalidSubjectId, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Surname")]
    [InlineData("sur name")]
    [InlineData("a_very_long_field_name_of_33_char")]
    public void IdentityRecord_InvalidFieldName_ThrowsInvalidFieldName(string name)
    {
        var ex = Assert.Throws<VaultException>(() => new IdentityRecord([new(name, new IdentityField("x", null))]));

        Assert.Equal(VaultErrorCodes.InvalidFieldName, ex.Code);
    }

    [Fact]
    public async Task SealAsync_FieldOver64KiB_ThrowsTooLarge()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var record = new IdentityRecord([new("note", new IdentityField(new string('x', 70_000), null))]);

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.SealAsync("subject-1", record));

        Assert.Equal(VaultErrorCodes.TooLarge, ex.Code);
    }

    [Fact]
    public async Task SealAsync_EmptyRecord_RoundTrips()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());

        var payload = await vault.SealAsync("subject-1", new IdentityRecord([]));

        Assert.Empty((await vault.OpenAsync("subject-1", payload)).Fields);
    }
}

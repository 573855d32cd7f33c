using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class FileSystemVaultKeyStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sh-vaultstore-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task ShredAsync_FileStore_DeletesTheDataKeyFile()
    {
        var store = new FileSystemVaultKeyStore(_directory.FullName);
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        var file = Path.Combine(_directory.FullName, "data-keys", "subject-1.json");
        Assert.True(File.Exists(file));

        Assert.True(await vault.ShredAsync("subject-1"));

        Assert.False(File.Exists(file));
        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", payload));
        Assert.Equal(VaultErrorCodes.DataKeyNotFound, ex.Code);
    }

    [Fact]
    public async Task PutDataKeyAsync_Always_OwnerOnlyFilesAndNoTemporaries()
    {
        var store = new FileSystemVaultKeyStore(_directory.FullName);
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        await vault.SealAsync("subject-1", VaultTestData.Person());

        var files = Directory.GetFiles(_directory.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal([Path.Combine(_directory.FullName, "data-keys", "subject-1.json"), Path.Combine(_directory.FullName, "master-keys.json")], files);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task PutDataKeyAsync_ExistingWithoutOverwrite_FalseAndUnchanged()
    {
        var store = new FileSystemVaultKeyStore(_directory.FullName);
        var first = new WrappedDataKey("subject-1", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, new byte[] { 1, 2 });
        var second = first with { DataKeyId = Guid.NewGuid() };

        Assert.True(await store.PutDataKeyAsync(first, overwrite: false));
        Assert.False(await store.PutDataKeyAsync(second, overwrite: false));

        Assert.Equal(first.DataKeyId, (await store.GetDataKeyAsync("subject-1"))!.DataKeyId);
        Assert.Single(Directory.GetFiles(Path.Combine(_directory.FullName, "data-keys")));
    }

    [Fact]
    public async Task GetDataKeyAsync_FileOfAnotherSubject_ThrowsStoreCorrupt()
    {
        var store = new FileSystemVaultKeyStore(_directory.FullName);
        await store.PutDataKeyAsync(new WrappedDataKey("subject-1", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, new byte[] { 1 }), overwrite: false);
        File.Copy(Path.Combine(_directory.FullName, "data-keys", "subject-1.json"), Path.Combine(_directory.FullName, "data-keys", "subject-2.json"));

        var ex = await Assert.ThrowsAsync<VaultException>(() => store.GetDataKeyAsync("subject-2"));

        Assert.Equal(VaultErrorCodes.StoreCorrupt, ex.Code);
    }
}

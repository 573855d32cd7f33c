using SharingHub.Pseudonymisation.Tests.Keys;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

/// <summary>
/// Payloads and wrapped keys written by the vault before the sealing fast path (fixture <c>Fixtures/PayloadV1</c>, see its
/// README) must open with the current code: the formats are pinned, not just round-tripped.
/// </summary>
public sealed class VaultPayloadCompatibilityTests : IDisposable
{
    private readonly DirectoryInfo _directory = CopyFixture();

    [Fact]
    public async Task OpenAsync_PersonSealedByVersion1Code_ReturnsEveryField()
    {
        using var vault = OpenVault();

        var opened = await vault.OpenAsync("subject-1", Payload("subject-1.person.bin"));

        Assert.Equal(Person().Fields, opened.Fields);
    }

    [Fact]
    public async Task OpenAsync_ContentSealedUnderActiveMasterKeyByVersion1Code_ReturnsField()
    {
        using var vault = OpenVault();

        var opened = await vault.OpenAsync("subject-2", Payload("subject-2.content.bin"));

        Assert.Equal(Content().Fields, opened.Fields);
    }

    [Fact]
    public async Task OpenAsync_EmptyRecordSealedByVersion1Code_ReturnsNoFields()
    {
        using var vault = OpenVault();

        var opened = await vault.OpenAsync("subject-1", Payload("subject-1.empty.bin"));

        Assert.Empty(opened.Fields);
    }

    [Fact]
    public async Task OpenFieldsAsync_PersonSealedByVersion1Code_ReturnsOnlyRequestedField()
    {
        using var vault = OpenVault();

        var opened = await vault.OpenFieldsAsync("subject-1", Payload("subject-1.person.bin"), [IdentityFieldNames.Email]);

        Assert.Equal([new KeyValuePair<string, IdentityField>(IdentityFieldNames.Email, new("J.W.vanderBergh@Example.NL", null))], opened.Fields);
    }

    [Fact]
    public async Task SealAsync_SubjectWithVersion1Key_SealsUnderTheStoredDataKey()
    {
        using var vault = OpenVault();
        var old = Payload("subject-1.person.bin");

        var payload = await vault.SealAsync("subject-1", Person());

        Assert.Equal(old.AsSpan(5, 16).ToArray(), payload.AsSpan(5, 16).ToArray());
        Assert.Equal(Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
    }

    [Fact]
    public async Task RewrapDataKeyAsync_KeyWrappedByRetiredMasterKey_OldPayloadStillOpens()
    {
        var store = new FileSystemVaultKeyStore(Path.Combine(_directory.FullName, "store"));
        using var vault = OpenVault(store);
        var before = (await store.GetDataKeyAsync("subject-1"))!.MasterKeyId;

        Assert.True(await vault.RewrapDataKeyAsync("subject-1"));

        Assert.NotEqual(before, (await store.GetDataKeyAsync("subject-1"))!.MasterKeyId);
        Assert.Equal(Person().Fields, (await vault.OpenAsync("subject-1", Payload("subject-1.person.bin"))).Fields);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>The person sealed in the fixture (spelled out here so that changing shared test data cannot break this test).</summary>
    private static IdentityRecord Person() => new(new Dictionary<string, IdentityField>
    {
        ["bsn"] = new("111222333", "111222333"),
        ["given_names"] = new("Jan-Willem", "jan willem"),
        ["surname_prefix"] = new("van der", "van der"),
        ["surname"] = new("Bergh-Müller", "bergh muller"),
        ["date_of_birth"] = new("1984-02-29", "1984-02-29"),
        ["postcode"] = new("1234 ab", "1234AB"),
        ["house_number"] = new("12", "12"),
        ["email"] = new("J.W.vanderBergh@Example.NL", null),
    });

    private static IdentityRecord Content() => new(new Dictionary<string, IdentityField>
    {
        ["aanmeldreden"] = new("Zorgen om <kind> & \"gezin\" \u2014 \u00e9\u00e9n \U0001F600", null),
    });

    private static DirectoryInfo CopyFixture()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Vault", "Fixtures", "PayloadV1");
        var target = Directory.CreateTempSubdirectory("sh-vault-v1-");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target.FullName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private IdentityVault OpenVault(IVaultKeyStore? store = null) => new(
        store ?? new FileSystemVaultKeyStore(Path.Combine(_directory.FullName, "store")),
        FileDataProtection.Create(Path.Combine(_directory.FullName, "dataprotection")),
        VaultTestData.Time());

    private byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(_directory.FullName, name));
}

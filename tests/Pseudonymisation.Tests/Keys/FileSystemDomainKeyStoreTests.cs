using System.Text;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Tests.Keys;

public sealed class FileSystemDomainKeyStoreTests
{
    [Fact]
    public async Task SaveAsync_AfterRotation_KeyFileNeverContainsRawKeyBytes()
    {
        using var fixture = new KeyTestFixture();
        using var service = fixture.NewService();
        var ring = await service.GetRingAsync("riec");
        await service.RotateAsync("riec");

        var fileBytes = await File.ReadAllBytesAsync(fixture.Store.PathFor("riec"));
        var fileText = Encoding.UTF8.GetString(fileBytes);

        foreach (var version in new[] { 1, 2 })
        {
            var material = ring.GetMaterial(version);
            foreach (var secret in new[] { material.PseudonymKey.ToArray(), material.ReferenceSecret.ToArray() })
            {
                Assert.Equal(-1, fileBytes.AsSpan().IndexOf(secret));
                Assert.DoesNotContain(Convert.ToBase64String(secret), fileText, StringComparison.Ordinal);
                Assert.DoesNotContain(Convert.ToHexString(secret), fileText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Convert.ToBase64String(secret.AsSpan(0, 12)), fileText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task SaveAsync_Always_OwnerOnlyFileAndNoTemporaryFilesLeft()
    {
        using var fixture = new KeyTestFixture();
        using var service = fixture.NewService();
        await service.GetRingAsync("riec");
        await service.RotateAsync("riec");

        var files = Directory.GetFiles(fixture.StorePath);

        Assert.Equal([fixture.Store.PathFor("riec")], files);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files[0]));
        }
    }

    [Fact]
    public async Task LoadAsync_RoundTrip_SameRecords()
    {
        using var fixture = new KeyTestFixture();
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        WrappedKeyRecord[] records =
        [
            new("riec", 1, Guid.NewGuid(), KeyStatus.Retired, created, new byte[] { 1, 2, 3 }),
            new("riec", 2, Guid.NewGuid(), KeyStatus.Active, created.AddDays(1), new byte[] { 4, 5 }),
        ];

        await fixture.Store.SaveAsync("riec", records);
        var loaded = await fixture.Store.LoadAsync("riec");

        Assert.Equal(records.Length, loaded.Count);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(records[i] with { WrappedKey = default }, loaded[i] with { WrappedKey = default });
            Assert.Equal(records[i].WrappedKey.ToArray(), loaded[i].WrappedKey.ToArray());
        }
    }

    [Fact]
    public async Task LoadAsync_UnknownDomain_Empty()
    {
        using var fixture = new KeyTestFixture();

        Assert.Empty(await fixture.Store.LoadAsync("nothing-here"));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"format\":2,\"domain\":\"riec\",\"keys\":[]}")]
    [InlineData("{\"format\":1,\"domain\":\"zvh\",\"keys\":[]}")]
    public async Task LoadAsync_CorruptDocument_ThrowsStoreCorrupt(string content)
    {
        using var fixture = new KeyTestFixture();
        Directory.CreateDirectory(fixture.StorePath);
        await File.WriteAllTextAsync(fixture.Store.PathFor("riec"), content);

        var ex = await Assert.ThrowsAsync<KeyException>(() => fixture.Store.LoadAsync("riec"));

        Assert.Equal(KeyErrorCodes.StoreCorrupt, ex.Code);
    }

    [Fact]
    public async Task SaveAsync_RecordOfAnotherDomain_ThrowsRecordMismatch()
    {
        using var fixture = new KeyTestFixture();
        WrappedKeyRecord record = new("zvh", 1, Guid.NewGuid(), KeyStatus.Active, DateTimeOffset.UnixEpoch, new byte[] { 1 });

        var ex = await Assert.ThrowsAsync<KeyException>(() => fixture.Store.SaveAsync("riec", [record]));

        Assert.Equal(KeyErrorCodes.RecordMismatch, ex.Code);
    }
}

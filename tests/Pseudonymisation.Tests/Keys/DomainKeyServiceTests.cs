using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Tests.Keys;

public sealed class DomainKeyServiceTests
{
    [Fact]
    public async Task GetRingAsync_NewDomain_CreatesActiveVersion1AndPersistsIt()
    {
        using var fixture = new KeyTestFixture();
        using var service = fixture.NewService();

        var ring = await service.GetRingAsync("riec");

        Assert.Equal(1, ring.ActiveVersion);
        var info = Assert.Single(ring.Versions);
        Assert.Equal(KeyStatus.Active, info.Status);
        Assert.Equal(fixture.Time.GetUtcNow(), info.CreatedAt);
        var stored = Assert.Single(await fixture.Store.LoadAsync("riec"));
        Assert.Equal(info.KeyId, stored.KeyId);
        Assert.Equal(KeyStatus.Active, stored.Status);
    }

    [Fact]
    public async Task RotateAsync_ExistingRing_NewVersionActiveOldRetiredAndResolvable()
    {
        using var fixture = new KeyTestFixture();
        using var service = fixture.NewService();
        var ring = await service.GetRingAsync("riec");
        var v1Key = ring.GetMaterial(1).PseudonymKey.ToArray();
        fixture.Time.Advance(TimeSpan.FromDays(30));

        var rotated = await service.RotateAsync("riec");

        Assert.Equal(2, rotated.Version);
        Assert.Equal(2, ring.ActiveVersion);
        Assert.Equal(fixture.Time.GetUtcNow(), rotated.CreatedAt);
        Assert.Equal([KeyStatus.Retired, KeyStatus.Active], ring.Versions.Select(v => v.Status));
        Assert.True(ring.HasVersion(1));
        Assert.Equal(v1Key, ring.GetMaterial(1).PseudonymKey.ToArray());
        Assert.NotEqual(v1Key, ring.GetMaterial(2).PseudonymKey.ToArray());
    }

    [Fact]
    public async Task GetRingAsync_NewServiceOverSameStore_LoadsSameKeysForEveryVersion()
    {
        using var fixture = new KeyTestFixture();
        byte[] v1, v2, r2;
        using (var first = fixture.NewService())
        {
            var ring = await first.GetRingAsync("zvh");
            await first.RotateAsync("zvh");
            v1 = ring.GetMaterial(1).PseudonymKey.ToArray();
            v2 = ring.GetMaterial(2).PseudonymKey.ToArray();
            r2 = ring.GetMaterial(2).ReferenceSecret.ToArray();
        }

        using var second = new DomainKeyService(fixture.Store, FileDataProtection.Create(Path.Combine(fixture.Directory.FullName, "dp")), fixture.Time);
        var loaded = await second.GetRingAsync("zvh");

        Assert.Equal(2, loaded.ActiveVersion);
        Assert.Equal(v1, loaded.GetMaterial(1).PseudonymKey.ToArray());
        Assert.Equal(v2, loaded.GetMaterial(2).PseudonymKey.ToArray());
        Assert.Equal(r2, loaded.GetMaterial(2).ReferenceSecret.ToArray());
    }

    [Fact]
    public async Task GetRingAsync_TwoDomains_IndependentRandomKeys()
    {
        using var fixture = new KeyTestFixture();
        using var service = fixture.NewService();

        var riec = await service.GetRingAsync("riec");
        var pmg = await service.GetRingAsync("pmg");

        Assert.NotEqual(riec.GetMaterial(1).PseudonymKey.ToArray(), pmg.GetMaterial(1).PseudonymKey.ToArray());
        Assert.NotEqual(riec.GetMaterial(1).PseudonymKey.ToArray(), riec.GetMaterial(1).ReferenceSecret.ToArray());
    }

    [Fact]
    public async Task RotateAsync_StoreFails_RingUnchanged()
    {
        using var fixture = new KeyTestFixture();
        var store = new FailingStore();
        using var service = new DomainKeyService(store, fixture.Provider, fixture.Time);
        var ring = await service.GetRingAsync("riec");
        store.FailSaves = true;

        await Assert.ThrowsAsync<IOException>(() => service.RotateAsync("riec"));

        Assert.Equal(1, ring.ActiveVersion);
        Assert.False(ring.HasVersion(2));
    }

    [Fact]
    public async Task GetRingAsync_DataProtectionKeysOfAnotherInstallation_ThrowsUnwrapFailed()
    {
        using var fixture = new KeyTestFixture();
        using (var first = fixture.NewService())
        {
            await first.GetRingAsync("riec");
        }

        using var other = new DomainKeyService(fixture.Store, new EphemeralDataProtectionProvider(), fixture.Time);

        var ex = await Assert.ThrowsAsync<KeyException>(() => other.GetRingAsync("riec"));
        Assert.Equal(KeyErrorCodes.UnwrapFailed, ex.Code);
    }

    [Fact]
    public async Task GetRingAsync_InvalidDomain_ThrowsInvalidDomain()
    {
        using var fixture = new KeyTestFixture();
        using var service = fixture.NewService();

        var ex = await Assert.ThrowsAsync<KeyException>(() => service.GetRingAsync("../etc"));

        Assert.Equal(KeyErrorCodes.InvalidDomain, ex.Code);
    }

    private sealed class FailingStore : IDomainKeyStore
    {
        private readonly InMemoryDomainKeyStore _inner = new();

        public bool FailSaves { get; set; }

        public Task<IReadOnlyList<WrappedKeyRecord>> LoadAsync(string domain, CancellationToken cancellationToken = default) =>
            _inner.LoadAsync(domain, cancellationToken);

        public Task SaveAsync(string domain, IReadOnlyList<WrappedKeyRecord> records, CancellationToken cancellationToken = default) =>
            FailSaves ? throw new IOException("disk full") : _inner.SaveAsync(domain, records, cancellationToken);
    }
}

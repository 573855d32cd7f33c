using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Tests.Keys;

public sealed class DomainKeyWrapperTests
{
    private static readonly IDataProtectionProvider Provider = new EphemeralDataProtectionProvider();

    [Fact]
    public async Task Load_WrappedUnderAnotherDomainPurpose_ThrowsUnwrapFailed()
    {
        var store = new InMemoryDomainKeyStore();
        using (var service = new DomainKeyService(store, Provider, TimeProvider.System))
        {
            await service.GetRingAsync("riec");
        }

        var riecRecord = Assert.Single(await store.LoadAsync("riec"));
        var wrapper = new DomainKeyWrapper(Provider, "zvh");

        var ex = Assert.Throws<KeyException>(() => wrapper.Unwrap(riecRecord with { Domain = "zvh" }));

        Assert.Equal(KeyErrorCodes.UnwrapFailed, ex.Code);
    }

    [Fact]
    public async Task Load_WrappedBytesSwappedBetweenVersions_ThrowsRecordMismatch()
    {
        var store = new InMemoryDomainKeyStore();
        using (var service = new DomainKeyService(store, Provider, TimeProvider.System))
        {
            await service.GetRingAsync("riec");
            await service.RotateAsync("riec");
        }

        var records = await store.LoadAsync("riec");
        await store.SaveAsync("riec", [records[0] with { WrappedKey = records[1].WrappedKey }, records[1]]);
        using var fresh = new DomainKeyService(store, Provider, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<KeyException>(() => fresh.GetRingAsync("riec"));

        Assert.Equal(KeyErrorCodes.RecordMismatch, ex.Code);
    }

    [Fact]
    public async Task Load_FlippedBitInWrappedKey_ThrowsUnwrapFailed()
    {
        var store = new InMemoryDomainKeyStore();
        using (var service = new DomainKeyService(store, Provider, TimeProvider.System))
        {
            await service.GetRingAsync("riec");
        }

        var record = Assert.Single(await store.LoadAsync("riec"));
        var bytes = record.WrappedKey.ToArray();
        bytes[^5] ^= 0x01;
        await store.SaveAsync("riec", [record with { WrappedKey = bytes }]);
        using var fresh = new DomainKeyService(store, Provider, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<KeyException>(() => fresh.GetRingAsync("riec"));

        Assert.Equal(KeyErrorCodes.UnwrapFailed, ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Load_NotExactlyOneActiveVersion_ThrowsStoreInconsistent(int activeCount)
    {
        var store = new InMemoryDomainKeyStore();
        using (var service = new DomainKeyService(store, Provider, TimeProvider.System))
        {
            await service.GetRingAsync("riec");
            await service.RotateAsync("riec");
        }

        var records = await store.LoadAsync("riec");
        var status = activeCount == 0 ? KeyStatus.Retired : KeyStatus.Active;
        await store.SaveAsync("riec", [records[0] with { Status = status }, records[1] with { Status = status }]);
        using var fresh = new DomainKeyService(store, Provider, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<KeyException>(() => fresh.GetRingAsync("riec"));

        Assert.Equal(KeyErrorCodes.StoreInconsistent, ex.Code);
    }
}

using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class UnwrappedDataKeyTests
{
    [Fact]
    public void Dispose_AfterSeal_ZeroesTheWholeBuffer()
    {
        var buffer = GC.AllocateArray<byte>(44, pinned: true);
        RandomNumberGenerator.Fill(buffer);
        var key = new UnwrappedDataKey(Guid.NewGuid(), buffer);
        Assert.True(key.TrySeal("subject-1", VaultTestData.Person(), out _));

        key.Dispose();

        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TrySeal_AfterDispose_FalseWithoutPayload()
    {
        var key = new UnwrappedDataKey(Guid.NewGuid(), RandomNumberGenerator.GetBytes(32));
        key.Dispose();

        Assert.False(key.TrySeal("subject-1", VaultTestData.Person(), out var payload));
        Assert.Null(payload);
    }

    [Fact]
    public void TrySeal_ParallelOnOneKey_EveryPayloadOpens()
    {
        var dataKeyId = Guid.NewGuid();
        using var key = new UnwrappedDataKey(dataKeyId, RandomNumberGenerator.GetBytes(32));
        var person = VaultTestData.Person();

        var payloads = new byte[64][];
        Parallel.For(0, payloads.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            Assert.True(key.TrySeal("subject-1", person, out var payload));
            payloads[i] = payload;
        });

        Assert.All(payloads, p => Assert.Equal(person.Fields, key.Open("subject-1", p, VaultPayload.Parse(p), fields: null).Fields));
    }

    [Fact]
    public void ToString_Key_ShowsOnlyTheId()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var dataKeyId = Guid.NewGuid();
        using var key = new UnwrappedDataKey(dataKeyId, (byte[])bytes.Clone());

        var shown = key.ToString();

        Assert.Contains(dataKeyId.ToString(), shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(bytes), shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(bytes), shown, StringComparison.Ordinal);
    }
}

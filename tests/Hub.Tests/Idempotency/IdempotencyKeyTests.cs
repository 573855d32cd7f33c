using SharingHub.Hub.Idempotency;

namespace SharingHub.Hub.Tests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("0193a4f0-7c1e-7b7e-9d55-4f1f6c0e9a01")]
    [InlineData("batch#42!")]
    public void TryParse_VisibleAscii_Accepted(string value)
    {
        Assert.True(IdempotencyKey.TryParse(value, out var key));
        Assert.Equal(value, key.Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("naïve")]
    public void TryParse_Malformed_False(string? value) => Assert.False(IdempotencyKey.TryParse(value, out _));

    [Fact]
    public void TryParse_TooLong_False() => Assert.False(IdempotencyKey.TryParse(new string('k', IdempotencyRecord.KeyMaxLength + 1), out _));

    [Fact]
    public void RequestHash_DifferentBodyOrRoute_Differs()
    {
        var a = IdempotencyStore.RequestHash("POST", "/api/v1/convenants/riec/signals", "{\"a\":1}"u8);
        var same = IdempotencyStore.RequestHash("POST", "/api/v1/convenants/riec/signals", "{\"a\":1}"u8);
        var otherBody = IdempotencyStore.RequestHash("POST", "/api/v1/convenants/riec/signals", "{\"a\":2}"u8);
        var otherRoute = IdempotencyStore.RequestHash("POST", "/api/v1/convenants/zvh/signals", "{\"a\":1}"u8);
        Assert.Equal(a, same);
        Assert.NotEqual(a, otherBody);
        Assert.NotEqual(a, otherRoute);
        Assert.Equal(IdempotencyRecord.RequestHashLength, a.Length);
    }
}

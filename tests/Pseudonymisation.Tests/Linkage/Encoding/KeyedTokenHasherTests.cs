using System.Buffers.Binary;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Encoding;

public sealed class KeyedTokenHasherTests
{
    [Theory]
    [InlineData("_b")]
    [InlineData("y1984")]
    [InlineData("h1234AB|12a")]
    [InlineData("ë")]
    public void Hash_Token_IsTheFirst16BytesOfHmacSha256(string token)
    {
        var key = SHA256.HashData("token key"u8);
        var mac = HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(token));
        using var hasher = new KeyedTokenHasher(key, maxCacheEntries: 1);
        for (var i = 0; i < 2; i++)
        {
            var (h1, h2) = hasher.Hash(token);
            Assert.Equal(BinaryPrimitives.ReadUInt64LittleEndian(mac), h1);
            Assert.Equal(BinaryPrimitives.ReadUInt64LittleEndian(mac.AsSpan(8)), h2);
        }
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>FsCheck: for any key and any list of messages, every implementation equals the BCL.</summary>
public sealed class HmacPropertyTests
{
    [Property(MaxTest = 200)]
    public Property ComputeBatch_AnyKeyAndMessages_EqualsBcl(byte[] key, byte[][] messages)
    {
        key ??= [];
        var list = (messages ?? []).Select(m => m ?? []).ToArray();
        var expected = HmacTestData.Reference(key, list);
        return FastHmacSha256.Available
            .Select(implementation => HmacTestData.Batch(key, list, implementation).AsSpan().SequenceEqual(expected)
                .Label(implementation.ToString()))
            .Aggregate((left, right) => left.And(right));
    }

    [Property(MaxTest = 200)]
    public bool Compute_AnyKeyAndMessage_EqualsBcl(byte[] key, byte[] message)
    {
        key ??= [];
        message ??= [];
        using var hmacKey = new HmacSha256Key(key);
        var actual = new byte[FastHmacSha256.HashSize];
        FastHmacSha256.Compute(hmacKey, message, actual);
        return actual.AsSpan().SequenceEqual(System.Security.Cryptography.HMACSHA256.HashData(key, message));
    }
}

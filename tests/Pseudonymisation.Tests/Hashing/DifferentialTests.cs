using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>Randomised comparison with <see cref="HMACSHA256"/> over every message length, key length and batch shape.</summary>
public sealed class DifferentialTests
{
    private const int MaxMessageLength = 1000;
    private const int MaxKeyLength = 200;

    /// <summary>Number of random short messages in the large run; set SHARINGHUB_HMAC_FUZZ to run more.</summary>
    private static int ShortMessageCount =>
        int.TryParse(Environment.GetEnvironmentVariable("SHARINGHUB_HMAC_FUZZ"), out int count) && count > 0 ? count : 2_000_000;

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_EveryMessageLengthInOneShuffledBatch_MatchesBcl(HmacImplementation implementation)
    {
        var random = new SeededBytes(0x5eed_0001);
        var key = random.Bytes(48);
        var lengths = Enumerable.Range(0, MaxMessageLength + 1).ToArray();
        Shuffle(lengths, random);
        var messages = lengths.Select(random.Bytes).ToArray();

        var expected = HmacTestData.Reference(key, messages);
        var actual = HmacTestData.Batch(key, messages, implementation);

        int mismatch = HmacTestData.FirstMismatch(expected, actual);
        Assert.True(mismatch < 0, $"message of length {(mismatch < 0 ? 0 : messages[mismatch].Length)} differs");
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_EveryKeyLength_MatchesBcl(HmacImplementation implementation)
    {
        var random = new SeededBytes(0x5eed_0009);

        // Key length k hashes the message lengths congruent to k (mod 201), so together the batches cover every
        // length 0..1000 again, mixed with 27 random short messages so the batch fills two 16-lane groups.
        for (int keyLength = 0; keyLength <= MaxKeyLength; keyLength++)
        {
            var key = random.Bytes(keyLength);
            var messages = Enumerable.Range(0, MaxMessageLength + 1)
                .Where(length => length % (MaxKeyLength + 1) == keyLength)
                .Concat(Enumerable.Range(0, 27).Select(_ => random.Next(121)))
                .Select(random.Bytes)
                .ToArray();

            var expected = HmacTestData.Reference(key, messages);
            var actual = HmacTestData.Batch(key, messages, implementation);

            int mismatch = HmacTestData.FirstMismatch(expected, actual);
            Assert.True(mismatch < 0, $"key length {keyLength}: message of length {(mismatch < 0 ? 0 : messages[mismatch].Length)} differs");
        }
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_UniformLengthGroups_MatchesBcl(HmacImplementation implementation)
    {
        var random = new SeededBytes(0x5eed_0002);
        var key = random.Bytes(32);

        // Seventeen messages of one length: a full group of equal lengths plus a tail, for every length.
        for (int length = 0; length <= MaxMessageLength; length++)
        {
            var messages = Enumerable.Range(0, 17).Select(_ => random.Bytes(length)).ToArray();
            var expected = HmacTestData.Reference(key, messages);
            var actual = HmacTestData.Batch(key, messages, implementation);
            Assert.True(HmacTestData.FirstMismatch(expected, actual) < 0, $"length {length} differs");
        }
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_EqualShortLengths_MatchesBcl(HmacImplementation implementation)
    {
        // Groups of one length up to 55 bytes share a mask; 32 bytes reuses the outer block's constant padding.
        var random = new SeededBytes(0x5eed_000a);
        for (int length = 0; length <= 56; length++)
        {
            var key = random.Bytes(length);
            var messages = Enumerable.Range(0, 48).Select(_ => random.Bytes(length)).ToArray();
            Assert.Equal(HmacTestData.Reference(key, messages), HmacTestData.Batch(key, messages, implementation));
        }
    }

    [Fact]
    public void Compute_EveryMessageLength_MatchesBcl()
    {
        var random = new SeededBytes(0x5eed_0003);
        var actual = new byte[FastHmacSha256.HashSize];
        for (int length = 0; length <= MaxMessageLength; length++)
        {
            var key = random.Bytes(length % (MaxKeyLength + 1));
            var message = random.Bytes(length);
            using var hmacKey = new HmacSha256Key(key);

            FastHmacSha256.Compute(hmacKey, message, actual);

            Assert.Equal(HMACSHA256.HashData(key, message), actual);
        }
    }

    /// <summary>
    /// Two million random messages of 0..64 bytes (SHARINGHUB_HMAC_FUZZ sets another count) against the BCL: the
    /// vector paths see every batch, the slow scalar path every eighth.
    /// </summary>
    [Fact]
    public void ComputeBatch_MillionsOfRandomShortMessages_EveryImplementationMatchesBcl()
    {
        const int batchSize = 4096;
        var random = new SeededBytes(0x5eed_0004);
        var implementations = FastHmacSha256.Available;
        var offsets = new int[batchSize + 1];
        var data = new byte[batchSize * 64];
        var expected = new byte[batchSize * FastHmacSha256.HashSize];
        var actual = new byte[batchSize * FastHmacSha256.HashSize];
        using var bcl = new HMACSHA256();

        for (int done = 0; done < ShortMessageCount; done += batchSize)
        {
            var keyBytes = random.Bytes(random.Next(100));
            bcl.Key = keyBytes;
            using var key = new HmacSha256Key(keyBytes);
            for (int i = 0; i < batchSize; i++)
            {
                offsets[i + 1] = offsets[i] + random.Next(65);
            }

            random.Fill(data.AsSpan(0, offsets[batchSize]));
            for (int i = 0; i < batchSize; i++)
            {
                bcl.TryComputeHash(data.AsSpan(offsets[i]..offsets[i + 1]), expected.AsSpan(i * FastHmacSha256.HashSize), out _);
            }

            foreach (var implementation in implementations)
            {
                if (implementation == HmacImplementation.Scalar && done % (8 * batchSize) != 0)
                {
                    continue;
                }

                actual.AsSpan().Clear();
                FastHmacSha256.ComputeBatch(key, data.AsSpan(0, offsets[batchSize]), offsets, actual, implementation);
                int mismatch = HmacTestData.FirstMismatch(expected, actual);
                Assert.True(mismatch < 0, $"{implementation}: message {done + mismatch} differs");
            }
        }
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_EveryCountUpTo40_MatchesBcl(HmacImplementation implementation)
    {
        var random = new SeededBytes(0x5eed_0005);
        for (int count = 0; count <= 40; count++)
        {
            var key = random.Bytes(20);
            var messages = Enumerable.Range(0, count).Select(_ => random.Bytes(random.Next(140))).ToArray();
            Assert.Equal(HmacTestData.Reference(key, messages), HmacTestData.Batch(key, messages, implementation));
        }
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_MixedLengthsAroundBlockBoundaries_MatchesBcl(HmacImplementation implementation)
    {
        var random = new SeededBytes(0x5eed_0006);
        var key = random.Bytes(64);
        int[] lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 183, 184, 1000, 3, 55, 2048, 0, 64, 56, 5000];
        var messages = lengths.Select(random.Bytes).ToArray();

        Assert.Equal(HmacTestData.Reference(key, messages), HmacTestData.Batch(key, messages, implementation));
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_MessagesEndAtEndOfData_MatchesBcl(HmacImplementation implementation)
    {
        // Short messages whose 64-byte window runs past the data: the masked or copied loads must stay inside.
        var random = new SeededBytes(0x5eed_0007);
        var key = random.Bytes(32);
        for (int length = 0; length < 64; length++)
        {
            var messages = Enumerable.Range(0, 16).Select(_ => random.Bytes(length)).ToArray();
            var (data, offsets) = HmacTestData.Concatenate(messages);
            var actual = new byte[messages.Length * FastHmacSha256.HashSize];
            using var hmacKey = new HmacSha256Key(key);

            FastHmacSha256.ComputeBatch(hmacKey, data, offsets, actual, implementation);

            Assert.Equal(HmacTestData.Reference(key, messages), actual);
        }
    }

    [Theory]
    [MemberData(nameof(HmacTestData.Implementations), MemberType = typeof(HmacTestData))]
    public void ComputeBatch_OffsetsNotStartingAtZero_HashesTheNamedRanges(HmacImplementation implementation)
    {
        var random = new SeededBytes(0x5eed_0008);
        var key = random.Bytes(16);
        var data = random.Bytes(300);
        int[] offsets = [5, 5, 40, 40, 100, 299, 300];
        var actual = new byte[(offsets.Length - 1) * FastHmacSha256.HashSize];
        using var hmacKey = new HmacSha256Key(key);

        FastHmacSha256.ComputeBatch(hmacKey, data, offsets, actual, implementation);

        var messages = Enumerable.Range(0, offsets.Length - 1).Select(i => data[offsets[i]..offsets[i + 1]]).ToArray();
        Assert.Equal(HmacTestData.Reference(key, messages), actual);
    }

    private static void Shuffle(int[] values, SeededBytes random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}

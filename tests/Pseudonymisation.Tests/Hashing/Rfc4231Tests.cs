using System.Text;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>The seven HMAC-SHA256 test cases of RFC 4231 §4, for every implementation and several batch shapes.</summary>
public sealed class Rfc4231Tests
{
    public static TheoryData<int, HmacImplementation> Cases()
    {
        var data = new TheoryData<int, HmacImplementation>();
        foreach (var implementation in FastHmacSha256.Available)
        {
            for (int testCase = 1; testCase <= 7; testCase++)
            {
                data.Add(testCase, implementation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComputeBatch_Rfc4231Case_MatchesPublishedHmac(int testCase, HmacImplementation implementation)
    {
        var (key, message, expected) = Case(testCase);

        // 1 runs the scalar tail; 2 and 9 a partial 8- or 16-lane group; 16 and 17 full groups plus a tail.
        foreach (int count in new[] { 1, 2, 9, 16, 17 })
        {
            var messages = Enumerable.Repeat(message, count).ToArray();
            var actual = HmacTestData.Batch(key, messages, implementation);
            for (int i = 0; i < count; i++)
            {
                Assert.Equal(expected, Convert.ToHexStringLower(actual, i * FastHmacSha256.HashSize, expected.Length / 2));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Compute_Rfc4231Case_MatchesPublishedHmac(int testCase)
    {
        var (key, message, expected) = Case(testCase);
        using var hmacKey = new HmacSha256Key(key);
        var actual = new byte[FastHmacSha256.HashSize];

        FastHmacSha256.Compute(hmacKey, message, actual);

        Assert.Equal(expected, Convert.ToHexStringLower(actual, 0, expected.Length / 2));
    }

    /// <summary>RFC 4231 §4.2-4.8. Case 5 publishes only the first 128 bits of the output.</summary>
    private static (byte[] Key, byte[] Message, string Expected) Case(int testCase) => testCase switch
    {
        1 => (Filled(0x0b, 20), Ascii("Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        2 => (Ascii("Jefe"), Ascii("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        3 => (Filled(0xaa, 20), Filled(0xdd, 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        4 => (Convert.FromHexString("0102030405060708090a0b0c0d0e0f10111213141516171819"), Filled(0xcd, 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        5 => (Filled(0x0c, 20), Ascii("Test With Truncation"),
            "a3b6167473100ee06e0c796c2955552b"),
        6 => (Filled(0xaa, 131), Ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        7 => (Filled(0xaa, 131),
            Ascii("This is a test using a larger than block-size key and a larger than block-size data. "
                + "The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        _ => throw new ArgumentOutOfRangeException(nameof(testCase)),
    };

    private static byte[] Filled(byte value, int length) => Enumerable.Repeat(value, length).ToArray();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

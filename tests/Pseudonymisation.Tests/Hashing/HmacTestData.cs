using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Tests.Hashing;

/// <summary>Batch builders and the BCL reference the differential tests compare against.</summary>
internal static class HmacTestData
{
    /// <summary>Every implementation this processor runs, as xunit theory data.</summary>
    public static TheoryData<HmacImplementation> Implementations()
    {
        var data = new TheoryData<HmacImplementation>();
        foreach (var implementation in FastHmacSha256.Available)
        {
            data.Add(implementation);
        }

        return data;
    }

    /// <summary>Concatenates messages and returns the data and the count + 1 offsets.</summary>
    public static (byte[] Data, int[] Offsets) Concatenate(IReadOnlyList<byte[]> messages)
    {
        var offsets = new int[messages.Count + 1];
        for (int i = 0; i < messages.Count; i++)
        {
            offsets[i + 1] = offsets[i] + messages[i].Length;
        }

        var data = new byte[offsets[^1]];
        for (int i = 0; i < messages.Count; i++)
        {
            messages[i].CopyTo(data, offsets[i]);
        }

        return (data, offsets);
    }

    /// <summary>HMAC-SHA256 of every message by the BCL, concatenated.</summary>
    public static byte[] Reference(byte[] key, IReadOnlyList<byte[]> messages)
    {
        var expected = new byte[messages.Count * FastHmacSha256.HashSize];
        for (int i = 0; i < messages.Count; i++)
        {
            HMACSHA256.HashData(key, messages[i], expected.AsSpan(i * FastHmacSha256.HashSize, FastHmacSha256.HashSize));
        }

        return expected;
    }

    /// <summary>Runs one batch with the given implementation and returns the concatenated results.</summary>
    public static byte[] Batch(byte[] key, IReadOnlyList<byte[]> messages, HmacImplementation implementation)
    {
        var (data, offsets) = Concatenate(messages);
        var actual = new byte[messages.Count * FastHmacSha256.HashSize];
        using var hmacKey = new HmacSha256Key(key);
        FastHmacSha256.ComputeBatch(hmacKey, data, offsets, actual, implementation);
        return actual;
    }

    /// <summary>Index of the first message whose result differs, or -1.</summary>
    public static int FirstMismatch(byte[] expected, byte[] actual)
    {
        for (int i = 0; i < expected.Length; i += FastHmacSha256.HashSize)
        {
            if (!expected.AsSpan(i, FastHmacSha256.HashSize).SequenceEqual(actual.AsSpan(i, FastHmacSha256.HashSize)))
            {
                return i / FastHmacSha256.HashSize;
            }
        }

        return -1;
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SharingHub.Hub.Audit.Storage;

namespace SharingHub.Hub.Tests.Audit;

/// <summary>The subject lookup key is stored with every entry: it must never change for a subject.</summary>
public sealed class PendingEntryTests
{
    [Theory]
    [InlineData("p1.1.CwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFo", 609_454_107_077_582_384L)]
    [InlineData("", -6_283_811_916_154_606_178L)]
    public void KeyOf_Subject_IsPinnedFirstEightBytesOfPrefixedSha256(string subjectId, long pinned)
    {
        var expected = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("audit-subject\n" + subjectId)));

        var key = PendingEntry.KeyOf(subjectId);

        Assert.Equal(expected, key);
        Assert.Equal(pinned, key);
    }

    [Fact]
    public void KeyOf_LongSubject_MatchesShortPathDefinition()
    {
        var subjectId = new string('a', 1000);

        Assert.Equal(BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("audit-subject\n" + subjectId))), PendingEntry.KeyOf(subjectId));
    }
}

using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

public sealed class TokenIdsTests
{
    public static TheoryData<string> Values => new()
    {
        string.Empty,
        "111222333",
        "pseudonym:p1.7.c3ViamVjdA",
        "name:özdemir",
        new string('x', 250), // label + separator + value just over the stack buffer
        new string('é', 300), // 600 UTF-8 bytes: hashed from a pooled array
        "lone \uD800 surrogate",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Assign_AnyValueLength_FullHmacOfLabelAndValueLikeTheBcl(string value)
    {
        var mac = HMACSHA256.HashData(ScrubberFactory.TestKey, (byte[])[.. Encoding.UTF8.GetBytes("PERSOON"), 0x1F, .. Encoding.UTF8.GetBytes(value)]);

        var ids = TokenIds.Assign(ScrubberFactory.TestKey, [(ScrubEntityType.Person, value)], 64);

        Assert.Equal(Convert.ToHexStringLower(mac), ids[(ScrubEntityType.Person, value)]);
    }

    [Fact]
    public void Assign_TwoValuesSharingThePrefix_BothGetTheShortestPrefixThatTellsThemApart()
    {
        // Find two values whose one-character ids collide; both must get longer, equally long, different ids.
        var first = (ScrubEntityType.Bsn, "0");
        var firstHex = TokenIds.Assign(ScrubberFactory.TestKey, [first], 64)[first];
        var second = Enumerable.Range(1, 200).Select(i => (ScrubEntityType.Bsn, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .First(v => TokenIds.Assign(ScrubberFactory.TestKey, [v], 64)[v][0] == firstHex[0]);
        var secondHex = TokenIds.Assign(ScrubberFactory.TestKey, [second], 64)[second];
        var apart = Enumerable.Range(0, 64).First(i => firstHex[i] != secondHex[i]) + 1;

        var ids = TokenIds.Assign(ScrubberFactory.TestKey, [first, second, first], 1);

        Assert.Equal(2, ids.Count);
        Assert.Equal(firstHex[..apart], ids[first]);
        Assert.Equal(secondHex[..apart], ids[second]);
    }

    [Fact]
    public void Assign_ManyValuesOfMixedLengthsInOneBatch_EachIsTheHmacLikeTheBcl()
    {
        // 40 values (more than one 16-lane batch), one to five SHA-256 blocks each, 3 KB in all (a pooled buffer).
        var values = Enumerable.Range(0, 40)
            .Select(i => (Type: i % 3 == 0 ? ScrubEntityType.Phone : ScrubEntityType.Person, Key: new string((char)('a' + (i % 26)), i * 7) + "é" + i))
            .ToList();

        var ids = TokenIds.Assign(ScrubberFactory.TestKey, values, 64);

        Assert.Equal(values.Count, ids.Count);
        foreach (var (type, key) in values)
        {
            var mac = HMACSHA256.HashData(ScrubberFactory.TestKey, (byte[])[.. Encoding.UTF8.GetBytes(type.TokenLabel()), 0x1F, .. Encoding.UTF8.GetBytes(key)]);
            Assert.Equal(Convert.ToHexStringLower(mac), ids[(type, key)]);
        }
    }

    [Fact]
    public void Assign_OneHexCharacterForManyValues_IdsStayDistinctPerTypeAndArePrefixesOfTheHmac()
    {
        // 40 values cannot have 40 different one-character ids: the colliding ones get longer prefixes.
        var values = Enumerable.Range(0, 40).Select(i => (ScrubEntityType.Bsn, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var ids = TokenIds.Assign(ScrubberFactory.TestKey, values, 1);
        var full = TokenIds.Assign(ScrubberFactory.TestKey, values, 64);

        Assert.Equal(values.Count, ids.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.StartsWith(ids[v], full[v], StringComparison.Ordinal));
        Assert.Contains(ids.Values, id => id.Length > 1);
    }
}

using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Exact;

public sealed class ExactLinkerTests
{
    /// <summary>The same semantics written as a naive nested loop: per pass, link a pair when its key value is unique among the unlinked records of both sides.</summary>
    private static List<IndexLink> NaiveJoin(PseudonymisedRecordSet left, PseudonymisedRecordSet right)
    {
        var ll = new bool[left.Count];
        var rl = new bool[right.Count];
        var links = new List<IndexLink>();
        foreach (var kind in Enum.GetValues<ExactKeyKind>())
        {
            var pass = new List<IndexLink>();
            for (var i = 0; i < left.Count; i++)
            {
                var key = left.ExactKey(kind, i);
                if (ll[i] || key.IsEmpty)
                {
                    continue;
                }

                var leftSame = 0;
                for (var k = 0; k < left.Count; k++)
                {
                    leftSame += !ll[k] && left.ExactKey(kind, k) == key ? 1 : 0;
                }

                var matches = new List<int>();
                for (var j = 0; j < right.Count; j++)
                {
                    if (!rl[j] && right.ExactKey(kind, j) == key)
                    {
                        matches.Add(j);
                    }
                }

                if (leftSame == 1 && matches.Count == 1)
                {
                    pass.Add(new IndexLink(i, matches[0], 1f, LinkMethod.Exact, (int)kind));
                }
            }

            foreach (var link in pass)
            {
                ll[link.Left] = true;
                rl[link.Right] = true;
            }

            links.AddRange(pass);
        }

        return links;
    }

    private static List<TestPerson> Collide(ref ulong s, int n, string prefix)
    {
        var people = new List<TestPerson>();
        for (var i = 0; i < n; i++)
        {
            // Few distinct values so that keys collide and ambiguity is exercised.
            var p = LinkageTestData.RandomPerson(ref s, prefix + i);
            people.Add(p with
            {
                Bsn = LinkageTestData.Next(ref s, 3) == 0 ? null : "10000000" + LinkageTestData.Next(ref s, 6),
                Given = [p.Given[0][..1] + "x"],
                Surname = "s" + LinkageTestData.Next(ref s, 3),
                Prefix = null,
                Dob = new DateOnly(2000, 1, 1 + LinkageTestData.Next(ref s, 4)),
                Postcode = "1000AA",
                House = LinkageTestData.Next(ref s, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return people;
    }

    [Property(MaxTest = 40)]
    public void Link_RandomData_EqualsNaiveNestedLoopJoin(ulong seed, byte leftCount, byte rightCount)
    {
        var s = seed | 1;
        var left = LinkageTestData.Build(Collide(ref s, leftCount % 25, "l"));
        var right = LinkageTestData.Build(Collide(ref s, rightCount % 25, "r"));
        var links = new List<IndexLink>();
        ExactLinker.Link(left, right, new bool[left.Count], new bool[right.Count], links);
        var expected = NaiveJoin(left, right);
        Assert.Equal(
            expected.OrderBy(l => l.Left).ThenBy(l => l.Right),
            links.OrderBy(l => l.Left).ThenBy(l => l.Right));
    }

    [Fact]
    public void Link_BsnAndNameDob_RecordsDecidingKey()
    {
        var a = new TestPerson("a1", "123456782", ["jan"], null, "berg", new DateOnly(1980, 1, 2), "1234AB", "1");
        var b = new TestPerson("b1", null, ["piet"], null, "bos", new DateOnly(1970, 5, 6), "5678CD", "2");
        var left = LinkageTestData.Build([a, b]);
        var right = LinkageTestData.Build([b with { Id = "r-b" }, a with { Id = "r-a" }]);
        var links = new List<IndexLink>();
        var stats = ExactLinker.Link(left, right, new bool[2], new bool[2], links);
        Assert.Equal([new IndexLink(0, 1, 1f, LinkMethod.Exact, (int)ExactKeyKind.Bsn), new IndexLink(1, 0, 1f, LinkMethod.Exact, (int)ExactKeyKind.NameDob)], links);
        Assert.Equal([1, 1, 0, 0], stats.LinkedPerKey);
    }

    [Fact]
    public void Link_AmbiguousKeyValue_IsSkippedAndCounted()
    {
        var twin = new TestPerson("l1", null, ["jan"], null, "berg", new DateOnly(1980, 1, 2), null, null);
        var left = LinkageTestData.Build([twin, twin with { Id = "l2" }]);
        var right = LinkageTestData.Build([twin with { Id = "r1" }]);
        var links = new List<IndexLink>();
        var stats = ExactLinker.Link(left, right, new bool[2], new bool[1], links);
        Assert.Empty(links);
        Assert.True(stats.AmbiguousValuesPerKey[(int)ExactKeyKind.NameDob] > 0);
    }

    [Fact]
    public void Pseudonym32_EqualityAndRedaction()
    {
        var bytes = System.Security.Cryptography.SHA256.HashData("x"u8);
        var a = new Pseudonym32(bytes);
        var b = new Pseudonym32(bytes);
        var copy = new byte[32];
        a.CopyTo(copy);
        Assert.Equal(bytes, copy);
        Assert.True(a == b);
        Assert.False(a.IsEmpty);
        Assert.True(default(Pseudonym32).IsEmpty);
        Assert.DoesNotContain(Convert.ToHexString(bytes)[..8], a.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

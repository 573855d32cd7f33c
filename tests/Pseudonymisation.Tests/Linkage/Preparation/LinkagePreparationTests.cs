using Microsoft.Extensions.Time.Testing;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Exact;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Preparation;

public sealed class LinkagePreparationTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static DomainKeyRing Ring(byte fill = 7) =>
        DomainKeyRing.FromSecret("test", 1, Guid.Empty, Enumerable.Repeat(fill, 32).ToArray(), new FakeTimeProvider());

    private static LinkageSubject Subject(string id, string? bsn, string given, string prefix, string surname, string dob, string postcode, string house) =>
        new(id, new PersonIdentifiers(
            bsn is null ? null : Bsn.Parse(bsn).Value,
            PersonName.Parse(given, prefix, surname).Value,
            DateOfBirth.Parse(dob, Today).Value,
            DutchAddress.Parse(postcode, house, null).Value));

    [Fact]
    public void Prepare_SameSubjectsUnderOneKey_GiveEqualMatchKeysAndEncodings()
    {
        using var ring = Ring();
        var a = Subject("a", "111222333", "Jan Willem", "van der", "Berg", "1984-07-12", "1234 ab", "12");
        var left = LinkagePreparation.Prepare(ring, [a]);
        var right = LinkagePreparation.Prepare(ring, [a with { RecordId = "b" }]);
        foreach (var kind in Enum.GetValues<ExactKeyKind>())
        {
            Assert.False(left.ExactKey(kind, 0).IsEmpty);
            Assert.Equal(left.ExactKey(kind, 0), right.ExactKey(kind, 0));
        }

        Assert.Equal(left.Filters[0].ToArray(), right.Filters[0].ToArray());
        Assert.Equal(["a"], left.Ids);
    }

    [Fact]
    public void Concat_PartsPreparedSeparately_EqualsSetPreparedWhole()
    {
        using var ring = Ring();
        var subjects = Enumerable.Range(0, 45)
            .Select(i => Subject(
                "s" + i,
                i % 3 == 0 ? null : "111222333",
                i % 2 == 0 ? "Jan Willem" : "Sophie",
                i % 4 == 0 ? "van der" : string.Empty,
                "Berg" + (char)('a' + (i % 26)),
                $"19{50 + (i % 40)}-0{1 + (i % 9)}-1{i % 10}",
                $"{1000 + (i * 37)} ab",
                (1 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var whole = LinkagePreparation.Prepare(ring, subjects);
        var joined = PseudonymisedRecordSet.Concat(
            [LinkagePreparation.Prepare(ring, subjects[..20]), LinkagePreparation.Prepare(ring, subjects[20..21]), LinkagePreparation.Prepare(ring, subjects[21..])]);
        Assert.Equal(whole.Ids, joined.Ids);
        Assert.Equal(whole.Filters.AllWords.ToArray(), joined.Filters.AllWords.ToArray());
        Assert.Equal(whole.Filters.Popcounts.ToArray(), joined.Filters.Popcounts.ToArray());
        for (var i = 0; i < whole.Count; i++)
        {
            Assert.True(whole.HasEncoding(i));
            foreach (var kind in Enum.GetValues<ExactKeyKind>())
            {
                Assert.Equal(whole.ExactKey(kind, i), joined.ExactKey(kind, i));
            }

            foreach (var pass in Enum.GetValues<SharingHub.Pseudonymisation.Linkage.Blocking.BlockingPass>())
            {
                Assert.Equal(whole.BlockKey(pass, i), joined.BlockKey(pass, i));
            }
        }
    }

    [Fact]
    public void Prepare_BsnKey_EqualsHubPseudonymHash()
    {
        using var ring = Ring();
        var a = Subject("a", "111222333", "Jan", string.Empty, "Berg", "1984-07-12", "1234AB", "12");
        var set = LinkagePreparation.Prepare(ring, [a]);
        var pseudonym = new Pseudonymiser(ring).Compute(MatchKeys.Bsn(a.Person.Bsn!));
        var hash = new byte[32];
        pseudonym.CopyHashTo(hash);
        Assert.Equal(new Pseudonym32(hash), set.ExactKey(ExactKeyKind.Bsn, 0));
    }

    [Fact]
    public void Prepare_DifferentKeys_ShareNothing()
    {
        using var ring1 = Ring(1);
        using var ring2 = Ring(2);
        var a = Subject("a", "111222333", "Jan", string.Empty, "Berg", "1984-07-12", "1234AB", "12");
        var s1 = LinkagePreparation.Prepare(ring1, [a]);
        var s2 = LinkagePreparation.Prepare(ring2, [a]);
        Assert.NotEqual(s1.ExactKey(ExactKeyKind.Bsn, 0), s2.ExactKey(ExactKeyKind.Bsn, 0));
        Assert.True(SharingHub.Pseudonymisation.Linkage.Similarity.DiceKernel.Dice(s1.Filters[0], s2.Filters[0]) < 0.5f);
    }

    [Fact]
    public void Prepare_Empty_GivesEmptySet()
    {
        using var ring = Ring();
        Assert.Equal(0, LinkagePreparation.Prepare(ring, []).Count);
    }

    [Fact]
    public void Prepare_ManySubjects_ParallelChunksKeepOrder()
    {
        using var ring = Ring();
        var subjects = Enumerable.Range(0, 9000)
            .Select(i => Subject("r" + i, null, "Jan", string.Empty, "Berg" + (char)('a' + (i % 26)), "1984-07-12", "1234AB", (1 + (i % 500)).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var set = LinkagePreparation.Prepare(ring, subjects);
        Assert.Equal(subjects.Select(s => s.RecordId), set.Ids);
        var single = LinkagePreparation.Prepare(ring, [subjects[8500]]);
        Assert.Equal(single.Filters[0].ToArray(), set.Filters[8500].ToArray());
        Assert.Equal(single.ExactKey(ExactKeyKind.NameDob, 0), set.ExactKey(ExactKeyKind.NameDob, 8500));
    }

    [Fact]
    public void LinkageSubject_ToString_ShowsIdOnly()
    {
        var a = Subject("row-7", "111222333", "Jan", string.Empty, "Berg", "1984-07-12", "1234AB", "12");
        var text = a.ToString() + LinkagePreparation.QuasiIdentifiersOf(a.Person);
        Assert.Contains("row-7", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "111222333", "Berg", "1984", "1234" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}

using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Encoding;

public sealed class ClkEncoderTests
{
    private static readonly TestPerson Jan = new("a", "111222333", ["jan", "willem"], "van der", "berg", new DateOnly(1984, 7, 12), "1234AB", "12");
    private static readonly TestPerson Other = new("b", "444555666", ["sophie"], null, "jansen", new DateOnly(1990, 3, 28), "5678CD", "3");

    public static TheoryData<string, TestPerson> Variations => new()
    {
        { "tussenvoegsel dropped", Jan with { Prefix = null } },
        { "tussenvoegsel abbreviated", Jan with { Prefix = "v.d." } },
        { "day and month swapped", Jan with { Dob = new DateOnly(1984, 12, 7) } },
        { "one digit wrong in year", Jan with { Dob = new DateOnly(1985, 7, 12) } },
        { "one digit wrong in day", Jan with { Dob = new DateOnly(1984, 7, 13) } },
        { "initials instead of given names", Jan with { Given = ["j", "w"] } },
        { "swapped letters", Jan with { Surname = "begr" } },
        { "doubled letter", Jan with { Surname = "bergg" } },
        { "moved house", Jan with { Postcode = "9876ZY", House = "5" } },
        { "ij written as y", Jan with { Surname = "bijl" } },
    };

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public void EncodeMany_AnyRecords_EqualsEncodeOneByOne(ulong seed, byte count, bool xorFold)
    {
        // Two encoders under one key: one encodes record by record, one in batches (16-lane miss batches,
        // cache hits, duplicates and an empty record all included); the encodings must be identical.
        var options = ClkOptions.Default with { Hardening = xorFold ? ClkHardening.XorFold : ClkHardening.None };
        var s = seed | 1;
        var n = 1 + (count % 40);
        var records = new List<QuasiIdentifiers>(n);
        for (var i = 0; i < n; i++)
        {
            var person = LinkageTestData.RandomPerson(ref s, "r" + i);
            records.Add(i % 7 == 3 ? new QuasiIdentifiers() : (i % 5 == 4 ? records[i - 1] : person.Quasi));
        }

        using var single = new ClkEncoder(LinkageTestData.DomainKey, options);
        using var batched = new ClkEncoder(LinkageTestData.DomainKey, options);
        var expected = new ulong[n * BloomFilterStore.Words];
        for (var i = 0; i < n; i++)
        {
            single.Encode(records[i], expected.AsSpan(i * BloomFilterStore.Words, BloomFilterStore.Words));
        }

        var actual = new ulong[n * BloomFilterStore.Words];
        batched.EncodeMany(records.GetRange(0, n / 2), actual.AsSpan(0, n / 2 * BloomFilterStore.Words));
        batched.EncodeMany(records.GetRange(n / 2, n - (n / 2)), actual.AsSpan(n / 2 * BloomFilterStore.Words));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Variations))]
    public void Encode_RealisticVariation_StaysAboveThresholdAndAboveStranger(string variation, TestPerson variant)
    {
        var same = LinkageTestData.Dice(Jan, variant);
        var stranger = LinkageTestData.Dice(Jan, Other);
        if (variation == "ij written as y")
        {
            same = LinkageTestData.Dice(Jan with { Surname = "byl" }, variant);
        }

        Assert.True(same >= 0.8f, $"{variation}: {same}");
        Assert.True(stranger < 0.5f, $"stranger: {stranger}");
    }

    [Fact]
    public void Encode_IdenticalRecord_GivesIdenticalEncoding()
    {
        Assert.Equal(1f, LinkageTestData.Dice(Jan, Jan with { Id = "other" }));
    }

    [Fact]
    public void Encode_DifferentDomainKeys_GiveUnrelatedEncodings()
    {
        using var a = new ClkEncoder(LinkageTestData.DomainKey);
        using var b = new ClkEncoder(System.Security.Cryptography.SHA256.HashData("another domain"u8));
        var fa = new ulong[BloomFilterStore.Words];
        var fb = new ulong[BloomFilterStore.Words];
        a.Encode(Jan.Quasi, fa);
        b.Encode(Jan.Quasi, fb);
        Assert.True(SharingHub.Pseudonymisation.Linkage.Similarity.DiceKernel.Dice(fa, fb) < 0.5f);
    }

    [Theory]
    [InlineData(ClkHardening.None)]
    [InlineData(ClkHardening.XorFold)]
    public void Encode_FillRate_IsModerate(ClkHardening hardening)
    {
        using var encoder = new ClkEncoder(LinkageTestData.DomainKey, new ClkOptions { Hardening = hardening });
        var f = new ulong[BloomFilterStore.Words];
        encoder.Encode(Jan.Quasi, f);
        var bits = f.Sum(w => System.Numerics.BitOperations.PopCount(w));
        Assert.InRange(bits, 100, 500);
    }

    [Fact]
    public void Encode_ShortDomainKey_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClkEncoder(new byte[16]));
    }

    [Fact]
    public void QuasiIdentifiers_ToString_IsRedacted()
    {
        var text = Jan.Quasi.ToString();
        Assert.DoesNotContain("berg", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1984", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkageText_Letters_FoldsIjToY()
    {
        Span<char> buffer = stackalloc char[16];
        var n = LinkageText.Letters("Van Dijk-Bij", buffer);
        Assert.Equal("vandykby", new string(buffer[..n]));
    }
}

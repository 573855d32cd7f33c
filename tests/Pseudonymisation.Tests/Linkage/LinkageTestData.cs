using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Exact;

namespace SharingHub.Pseudonymisation.Tests.Linkage;

/// <summary>A plaintext test person; only the test builds record sets from it.</summary>
public sealed record TestPerson(
    string Id,
    string? Bsn,
    string[] Given,
    string? Prefix,
    string? Surname,
    DateOnly? Dob,
    string? Postcode,
    string? House)
{
    public QuasiIdentifiers Quasi => new()
    {
        GivenNames = Given,
        SurnamePrefix = Prefix,
        Surname = Surname,
        DateOfBirth = Dob,
        Postcode = Postcode,
        HouseNumber = House,
    };
}

/// <summary>Deterministic test data: a xorshift generator (System.Random is banned) and record-set building.</summary>
internal static class LinkageTestData
{
    public static readonly byte[] DomainKey = SHA256.HashData("linkage-test-domain-key"u8);

    private static readonly string[] GivenNames = ["jan", "willem", "pieter", "anna", "maria", "sophie", "daan", "sem", "lotte", "emma", "thijs", "ruben", "fleur", "noah", "julia", "lucas", "eva", "bram", "sanne", "tim"];
    private static readonly string[] Surnames = ["berg", "jansen", "bijl", "smit", "dijk", "vries", "bakker", "visser", "meijer", "boer", "mulder", "groot", "bos", "vos", "peters", "hendriks", "dekker", "brouwer", "wit", "dijkstra"];
    private static readonly string?[] Prefixes = [null, null, null, "van der", "de", "van", "van den"];

    public static ulong Next(ref ulong state)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    public static int Next(ref ulong state, int max) => (int)(Next(ref state) % (ulong)max);

    public static TestPerson RandomPerson(ref ulong s, string id) => new(
        id,
        (100000000 + Next(ref s, 800000000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Next(ref s, 3) == 0 ? [GivenNames[Next(ref s, GivenNames.Length)], GivenNames[Next(ref s, GivenNames.Length)]] : [GivenNames[Next(ref s, GivenNames.Length)]],
        Prefixes[Next(ref s, Prefixes.Length)],
        Surnames[Next(ref s, Surnames.Length)] + (Next(ref s, 4) == 0 ? "a" : string.Empty),
        new DateOnly(1940 + Next(ref s, 70), 1 + Next(ref s, 12), 1 + Next(ref s, 28)),
        $"{1000 + Next(ref s, 9000)}{(char)('A' + Next(ref s, 26))}{(char)('A' + Next(ref s, 26))}",
        (1 + Next(ref s, 200)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One realistic variation of a person: a typo in the surname, a swapped date, moved house, no BSN, initials.</summary>
    public static TestPerson Vary(ref ulong s, TestPerson p, string id)
    {
        var v = p with { Id = id };
        switch (Next(ref s, 7))
        {
            case 0 when v.Surname!.Length > 3:
                var chars = v.Surname.ToCharArray();
                var i = 1 + Next(ref s, chars.Length - 2);
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                v = v with { Surname = new string(chars), Bsn = null };
                break;
            case 1 when v.Dob!.Value.Day <= 12:
                v = v with { Dob = new DateOnly(v.Dob.Value.Year, v.Dob.Value.Day, v.Dob.Value.Month), Bsn = null };
                break;
            case 2:
                v = v with { Postcode = "9999ZZ", House = "1", Bsn = null };
                break;
            case 3:
                v = v with { Given = [.. v.Given.Select(g => g[..1])], Bsn = null };
                break;
            case 4:
                v = v with { Prefix = null, Bsn = null };
                break;
            case 5:
                v = v with { Dob = v.Dob!.Value.AddYears(1), Bsn = null };
                break;
            default:
                v = v with { Bsn = null };
                break;
        }

        return v;
    }

    public static Pseudonym32 Key(string tag, string? value)
    {
        if (value is null)
        {
            return default;
        }

        return new Pseudonym32(HMACSHA256.HashData(DomainKey, System.Text.Encoding.UTF8.GetBytes(tag + "|" + value)));
    }

    public static PseudonymisedRecordSet Build(IReadOnlyList<TestPerson> people, ClkOptions? options = null)
    {
        var builder = new PseudonymisedRecordSetBuilder(people.Count);
        using var encoder = new RecordEncoder(DomainKey, options);
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var name = string.Join(' ', p.Given) + "|" + p.Prefix + "|" + p.Surname;
            var dob = p.Dob?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Pseudonym32[] keys =
            [
                Key("bsn", p.Bsn),
                dob is null || p.Surname is null ? default : Key("name+dob", name + "|" + dob),
                dob is null || p.Surname is null || p.Given.Length == 0 ? default : Key("sid", p.Surname + "|" + p.Given[0][..1] + "|" + dob),
                dob is null || p.Postcode is null ? default : Key("pcd", p.Postcode + "|" + p.House + "|" + dob),
            ];
            builder.Set(i, encoder, p.Id, keys, p.Quasi);
        }

        return builder.Build();
    }

    public static float Dice(TestPerson a, TestPerson b, ClkOptions? options = null)
    {
        using var encoder = new ClkEncoder(DomainKey, options);
        var fa = new ulong[BloomFilterStore.Words];
        var fb = new ulong[BloomFilterStore.Words];
        encoder.Encode(a.Quasi, fa);
        encoder.Encode(b.Quasi, fb);
        return SharingHub.Pseudonymisation.Linkage.Similarity.DiceKernel.Dice(fa, fb);
    }
}

using System.Globalization;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Benchmarks.Linkage;

/// <summary>
/// Two partner files of n persons each for the scale benchmarks: 80 % of the persons are in both, one in
/// three of the shared right records carries a variation (typo, swapped day/month, moved house, initials,
/// dropped tussenvoegsel, no BSN), 30 % of right records have no BSN. Seeded xorshift; parsed through the real
/// Identifiers parsers and prepared through <see cref="LinkagePreparation"/> with a random key.
/// </summary>
internal static class LinkageScaleData
{
    private static readonly string[] Given = ["Jan", "Willem", "Pieter", "Anna", "Maria", "Sophie", "Daan", "Sem", "Lotte", "Emma", "Thijs", "Ruben", "Fleur", "Noah", "Julia", "Lucas", "Eva", "Bram", "Sanne", "Tim", "Johannes", "Cornelis", "Hendrik", "Geertruida", "Wilhelmina", "Kees", "Henk", "Ingrid", "Mohamed", "Fatima", "Yusuf", "Aylin", "Priya", "Sven", "Lars", "Mila", "Zoë", "Levi", "Finn", "Liam"];
    private static readonly string[] Surnames = ["Berg", "Jansen", "Bijl", "Smit", "Dijk", "Vries", "Bakker", "Visser", "Meijer", "Boer", "Mulder", "Groot", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Wit", "Dijkstra", "Smits", "Graaf", "Linden", "Kok", "Jacobs", "Haan", "Vermeulen", "Heuvel", "Veen", "Broek", "Bruijn", "Schouten", "Willems", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins", "Leeuwen", "Yilmaz", "El Amrani", "Kaya", "Nguyen", "Pinas", "Claassen", "Thijssen", "Huisman", "Kuipers", "Wouters", "Postma"];
    private static readonly string[] Prefixes = ["", "", "", "", "van", "de", "van der", "van den", "van de", "ter"];

    public static (PseudonymisedRecordSet Left, PseudonymisedRecordSet Right) Create(int n, ulong seed)
    {
        var today = new DateOnly(2026, 11, 24);
        var s = seed | 1;
        var left = new List<LinkageSubject>(n);
        var right = new List<LinkageSubject>(n);
        for (var i = 0; i < n; i++)
        {
            var p = Person(ref s, i);
            left.Add(Parse("p1-" + i, p, today));
            var q = i % 5 == 4 ? Person(ref s, n + i) : Next(ref s, 3) == 0 ? Vary(ref s, p) : p;
            if (Next(ref s, 10) < 3)
            {
                q = q with { Bsn = string.Empty };
            }

            right.Add(Parse("p2-" + i, q, today));
        }

        using var ring = DomainKeyRing.FromSecret("bench", 1, Guid.NewGuid(), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), TimeProvider.System);
        return (LinkagePreparation.Prepare(ring, left), LinkagePreparation.Prepare(ring, right));
    }

    private sealed record Row(string Bsn, string Given, string Prefix, string Surname, DateOnly Dob, string Postcode, string House);

    private static Row Person(ref ulong s, int i) => new(
        Bsn(100_000_000 + (i * 7L)),
        Given[Next(ref s, Given.Length)] + (Next(ref s, 3) == 0 ? " " + Given[Next(ref s, Given.Length)] : string.Empty),
        Prefixes[Next(ref s, Prefixes.Length)],
        Surnames[Next(ref s, Surnames.Length)] + (Next(ref s, 3) == 0 ? "-" + Surnames[Next(ref s, Surnames.Length)] : string.Empty),
        new DateOnly(1930 + Next(ref s, 90), 1, 1).AddDays(Next(ref s, 365)),
        $"{1000 + Next(ref s, 9000)}{(char)('A' + Next(ref s, 26))}{(char)('A' + Next(ref s, 26))}",
        (1 + Next(ref s, 300)).ToString(CultureInfo.InvariantCulture));

    private static Row Vary(ref ulong s, Row p)
    {
        switch (Next(ref s, 6))
        {
            case 0 when p.Surname.Length > 3:
                var c = p.Surname.ToCharArray();
                var k = 1 + Next(ref s, c.Length - 2);
                (c[k], c[k + 1]) = (c[k + 1], c[k]);
                return p with { Surname = new string(c), Bsn = string.Empty };
            case 1 when p.Dob.Day <= 12:
                return p with { Dob = new DateOnly(p.Dob.Year, p.Dob.Day, p.Dob.Month) };
            case 2:
                return p with { Postcode = $"{1000 + Next(ref s, 9000)}ZZ", House = "1" };
            case 3:
                return p with { Given = string.Join(' ', p.Given.Split(' ').Select(g => g[..1] + ".")) };
            case 4:
                return p with { Prefix = string.Empty };
            default:
                return p with { Dob = p.Dob.AddDays(1) };
        }
    }

    private static LinkageSubject Parse(string id, Row r, DateOnly today) => new(id, new PersonIdentifiers(
        r.Bsn.Length > 0 && SharingHub.Pseudonymisation.Identifiers.Bsn.Parse(r.Bsn).TryGetValue(out var b) ? b : null,
        PersonName.Parse(r.Given, r.Prefix, r.Surname).TryGetValue(out var n) ? n : null,
        DateOfBirth.Parse(r.Dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today).TryGetValue(out var d) ? d : null,
        DutchAddress.Parse(r.Postcode, r.House, null).TryGetValue(out var a) ? a : null));

    private static string Bsn(long start)
    {
        for (var k = start; ; k++)
        {
            var digits = (k % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (digits[i] - '0');
            }

            if (sum % 11 < 10)
            {
                return digits + (sum % 11).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static int Next(ref ulong s, int max)
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return (int)(s % (ulong)max);
    }
}

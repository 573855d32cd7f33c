using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>Given names by birth cohort and surnames with realistic frequencies and tussenvoegsels.</summary>
internal static class NameFactory
{
    /// <summary>Share of people carrying one of the top-100 surnames (Meertens: about 12%).</summary>
    private const double TopSurnameShare = 0.12;

    /// <summary>Share of tail surnames with a tussenvoegsel; with the top 100 this gives about 30% overall.</summary>
    private const double TailPrefixShare = 0.31;

    private static readonly WeightedTable<(string Prefix, string Surname)> Top =
        new(DutchNames.TopSurnames.Select(s => ((s.Prefix, s.Surname), (double)s.Thousands)));

    private static readonly WeightedTable<string> Prefixes = new(DutchNames.TailPrefixes.Select(p => (p.Prefix, p.Weight)));

    private static readonly string[] ToponymSuffixes = ["s", "man", "er", "ink", "ing", "a", "mans", "ers"];

    private static readonly WeightedTable<int> GivenNameCount = new([(1, 30), (2, 45), (3, 20), (4, 5)]);

    public static (string Prefix, string Surname) Surname(Faker faker, bool migrant)
    {
        var random = faker.Random;
        if (migrant)
        {
            return (string.Empty, MigrantSurname(random));
        }

        if (random.Chance(TopSurnameShare))
        {
            return Top.Pick(random);
        }

        if (!random.Chance(TailPrefixShare))
        {
            // Unprefixed tail: composed stems (Hoog + veld), names derived from places (Boekel + man), bare toponyms.
            return random.Double() switch
            {
                < 0.45 => (string.Empty, random.ArrayElement(DutchNames.Stems) + random.ArrayElement(DutchNames.StemSuffixes)),
                < 0.75 => (string.Empty, BogusDutch.Toponym(faker.Random) + random.ArrayElement(ToponymSuffixes)),
                _ => (string.Empty, BogusDutch.Toponym(faker.Random)),
            };
        }

        var prefix = Prefixes.Pick(random);
        var stem = prefix switch
        {
            "van" => BogusDutch.Toponym(faker.Random),
            "de" or "den" or "'t" or "la" or "d'" => random.ArrayElement(DutchNames.DeStems),
            _ => random.ArrayElement(DutchNames.PlaceStems),
        };
        return (prefix, stem);
    }

    private static string MigrantSurname(Bogus.Randomizer random) => random.Double() switch
    {
        < 0.40 => random.ArrayElement(DutchNames.TurkishRoots) + random.ArrayElement(DutchNames.TurkishSuffixes),
        < 0.75 => random.ArrayElement(DutchNames.MoroccanParticles) + random.ArrayElement(DutchNames.MoroccanRoots),
        < 0.85 => random.ArrayElement(DutchNames.HindostaniRoots) + random.ArrayElement(DutchNames.HindostaniSuffixes),
        _ => random.ArrayElement(DutchNames.OtherMigrantSurnames),
    };

    /// <summary>Official given names and the call name for someone born in <paramref name="year"/>.</summary>
    public static (string[] GivenNames, string CallName) GivenNames(Faker faker, bool male, int year, bool migrant)
    {
        var random = faker.Random;
        var count = GivenNameCount.Pick(random);
        if (migrant)
        {
            count = Math.Min(count, 2);
        }

        var names = new List<string>(count);
        string callName;
        if (migrant)
        {
            names.Add(random.ArrayElement(male ? DutchNames.MigrantMale : DutchNames.MigrantFemale));
            callName = names[0];
        }
        else if (year < 1960)
        {
            var (name, callNames) = random.ArrayElement(male ? DutchNames.OldMale : DutchNames.OldFemale);
            names.Add(name);
            callName = callNames.Length > 0 && random.Chance(0.6) ? random.ArrayElement(callNames) : name;
        }
        else if (year < 1990)
        {
            names.Add(random.ArrayElement(male ? DutchNames.MiddleMale : DutchNames.MiddleFemale));
            callName = names[0];
        }
        else
        {
            names.Add(random.Chance(0.35)
                ? random.ArrayElement(male ? DutchNames.PopularModernMale : DutchNames.PopularModernFemale)
                : BogusDutch.FirstName(faker.Random, male));
            callName = names[0];
        }

        var guard = 0;
        while (names.Count < count && guard++ < 20)
        {
            // Second and later names: mostly grandparents' names, sometimes "Maria" (also for Catholic boys).
            var extra = random.Double() switch
            {
                < 0.08 => "Maria",
                < 0.75 => random.ArrayElement(male ? DutchNames.OldMale : DutchNames.OldFemale).Name,
                _ => year < 1990
                    ? random.ArrayElement(male ? DutchNames.MiddleMale : DutchNames.MiddleFemale)
                    : BogusDutch.FirstName(faker.Random, male),
            };
            if (!names.Contains(extra))
            {
                names.Add(extra);
            }
        }

        return (names.ToArray(), callName);
    }
}

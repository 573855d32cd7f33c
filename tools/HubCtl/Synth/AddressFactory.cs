using System.Globalization;
using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Dutch addresses: a real city (with its postcode range and area code) or a village named from Bogus's Dutch
/// toponyms, a street in one of the usual Dutch naming patterns, a house number skewed to low numbers with an
/// occasional suffix, and a postcode of 4 digits (first not 0) and 2 letters (no F, I, O, Q, U, Y; never SA, SD, SS).
/// </summary>
internal sealed class AddressFactory
{
    private const double VillageShare = 0.35;

    private readonly WeightedTable<DutchCity> _cities;
    private readonly WeightedTable<DutchCity> _villages;
    private readonly WeightedTable<string> _suffixes = new(DutchPlaces.HouseNumberSuffixes.Select(s => (s.Suffix, s.Weight)));

    /// <param name="faker">Dutch faker whose seeded randomizer builds the village table.</param>
    public AddressFactory(Faker faker)
    {
        _cities = new WeightedTable<DutchCity>(DutchPlaces.Cities.Select(c => (c, (double)c.Thousands)));
        _villages = new WeightedTable<DutchCity>(BuildVillages(faker).Select(v => (v, (double)v.Thousands)));
    }

    public DutchCity PickCity(Randomizer random) => random.Chance(VillageShare) ? _villages.Pick(random) : _cities.Pick(random);

    /// <summary>A new address; in <paramref name="city"/> when given.</summary>
    public SynthAddress Create(Faker faker, DutchCity? city = null)
    {
        var random = faker.Random;
        city ??= PickCity(random);
        var number = random.Double() switch
        {
            < 0.5 => random.Number(1, 30),
            < 0.85 => random.Number(1, 120),
            _ => random.Number(1, 400),
        };
        var suffix = random.Chance(0.10) ? _suffixes.Pick(random) : string.Empty;
        return new SynthAddress(Street(faker), number.ToString(CultureInfo.InvariantCulture), suffix, Postcode(random, city), city.Name, city.AreaCode);
    }

    /// <summary>Another dwelling in the same building: same street, number and postcode, a different suffix.</summary>
    public SynthAddress Neighbour(Randomizer random, SynthAddress building)
    {
        string suffix;
        do
        {
            suffix = _suffixes.Pick(random);
        }
        while (suffix == building.HouseNumberSuffix);

        return building with { HouseNumberSuffix = suffix };
    }

    public DutchCity? FindCity(string name) =>
        _cities.Items.FirstOrDefault(c => c.Name == name) ?? _villages.Items.FirstOrDefault(c => c.Name == name);

    public static string Street(Faker faker)
    {
        var random = faker.Random;
        var roll = random.Double();
        if (roll < 0.22)
        {
            return random.ArrayElement(DutchPlaces.CommonStreets);
        }

        if (roll < 0.55)
        {
            var toponym = BogusDutch.Toponym(faker.Random);
            return toponym + BogusDutch.StreetSuffix(faker.Random);
        }

        if (roll < 0.72)
        {
            var (prefix, surname, _) = random.ArrayElement(DutchNames.TopSurnames);
            var name = prefix.Length == 0 ? surname : $"{prefix} {surname}";
            return $"{random.ArrayElement(DutchPlaces.StreetTitles)} {name}{BogusDutch.StreetSuffix(faker.Random)}";
        }

        if (roll < 0.85)
        {
            return random.ArrayElement(DutchPlaces.NatureWords) + random.ArrayElement(["laan", "straat", "weg", "hof", "plein", "pad"]);
        }

        return BogusDutch.FirstName(faker.Random, random.Chance(0.5)) + BogusDutch.StreetSuffix(faker.Random);
    }

    public static string Postcode(Randomizer random, DutchCity city)
    {
        var digits = random.Number(city.PostcodeFrom, city.PostcodeTo);
        while (true)
        {
            var a = DutchPlaces.PostcodeLetters[random.Index(DutchPlaces.PostcodeLetters.Length)];
            var b = DutchPlaces.PostcodeLetters[random.Index(DutchPlaces.PostcodeLetters.Length)];
            var letters = string.Concat(a, b);
            if (!DutchPlaces.ForbiddenPostcodeLetterPairs.Contains(letters))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{digits}{letters}");
            }
        }
    }

    private static List<DutchCity> BuildVillages(Faker faker)
    {
        var random = faker.Random;
        var taken = new bool[10000];
        foreach (var city in DutchPlaces.Cities)
        {
            for (var p = city.PostcodeFrom; p <= city.PostcodeTo; p++)
            {
                taken[p] = true;
            }
        }

        var names = new HashSet<string>(DutchPlaces.Cities.Select(c => c.Name), StringComparer.Ordinal);
        var villages = new List<DutchCity>();
        while (villages.Count < 600)
        {
            var name = BogusDutch.Toponym(faker.Random) + (random.Chance(0.5) ? random.ArrayElement(BogusDutch.CitySuffixes) : string.Empty);
            name = name.Trim();
            if (!names.Add(name))
            {
                continue;
            }

            var start = random.Number(1000, 9990);
            var width = random.Number(1, 4);
            if (Enumerable.Range(start, width).Any(p => p > 9999 || taken[p]))
            {
                continue;
            }

            for (var p = start; p < start + width; p++)
            {
                taken[p] = true;
            }

            var areaCode = "0" + random.Number(111, 599).ToString(CultureInfo.InvariantCulture);
            var size = random.Double() < 0.8 ? random.Number(2, 15) : random.Number(15, 45);
            villages.Add(new DutchCity(name, size, start, start + width - 1, areaCode));
        }

        return villages;
    }
}

using System.Globalization;
using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Generates the true population household by household, so that the hard cases of real data occur: parents and
/// children sharing surname and address, twins, neighbours in one building, very common surnames, shared family
/// phone numbers and e-mail addresses, and (rarely) a different person with the same name and date of birth.
/// Streams: only a small window of earlier persons is kept.
/// </summary>
internal sealed class PopulationGenerator
{
    /// <summary>Ages are computed at this date, so output does not depend on the clock.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 1, 1);

    /// <summary>Probability that a household is a namesake: same name and date of birth as an earlier person, living elsewhere.</summary>
    public const double NamesakeRate = 0.002;

    /// <summary>Probability that a family with children has twins.</summary>
    public const double TwinRate = 0.035;

    /// <summary>Probability that a new household lives in an earlier household's building (another suffix).</summary>
    public const double SameBuildingRate = 0.08;

    /// <summary>Share of households with a migration background (names from other languages, unknown birth days).</summary>
    public const double MigrantRate = 0.12;

    private const int WindowSize = 4096;

    private static readonly WeightedTable<HouseholdKind> Kinds =
        new([(HouseholdKind.Single, 38), (HouseholdKind.Couple, 29), (HouseholdKind.CoupleWithChildren, 25), (HouseholdKind.SingleParent, 8)]);

    private static readonly WeightedTable<(int From, int To)> SingleAges = new([((18, 29), 22), ((30, 49), 20), ((50, 69), 28), ((70, 79), 18), ((80, 95), 12)]);
    private static readonly WeightedTable<(int From, int To)> CoupleAges = new([((20, 34), 20), ((35, 64), 44), ((65, 79), 28), ((80, 93), 8)]);
    private static readonly WeightedTable<int> ChildCount = new([(1, 40), (2, 40), (3, 15), (4, 5)]);

    private readonly Faker _faker;
    private readonly Randomizer _random;
    private readonly ContactFactory _contacts;
    private readonly HashSet<int> _bsns = [];
    private readonly SynthPerson?[] _recent = new SynthPerson?[WindowSize];
    private readonly SynthAddress?[] _buildings = new SynthAddress?[WindowSize];
    private int _personCount;
    private int _householdCount;

    public PopulationGenerator(int seed, ContactFactory contacts)
    {
        _faker = new Faker("nl") { Random = new Randomizer(seed) };
        _random = _faker.Random;
        _contacts = contacts;
        Addresses = new AddressFactory(_faker);
    }

    public AddressFactory Addresses { get; }

    /// <summary>Households until exactly <paramref name="persons"/> people exist (the last household may be cut short).</summary>
    public IEnumerable<SynthHousehold> Generate(int persons)
    {
        while (_personCount < persons)
        {
            var room = persons - _personCount;
            var household = _random.Chance(NamesakeRate) && _personCount > 0 ? Namesake() : NewHousehold(room);
            _householdCount++;
            yield return household;
        }
    }

    private SynthHousehold NewHousehold(int room)
    {
        var address = NewAddress();
        var household = new SynthHousehold(address);
        var migrant = _random.Chance(MigrantRate);
        var kind = Kinds.Pick(_random);
        switch (kind)
        {
            case HouseholdKind.Single:
            {
                var (from, to) = SingleAges.Pick(_random);
                var male = _random.Chance(0.5);
                var (prefix, surname) = NameFactory.Surname(_faker, migrant);
                Add(household, NewPerson(household, male, _random.Number(from, to), prefix, surname, migrant));
                break;
            }

            default:
                AddFamily(household, kind, room, migrant);
                break;
        }

        AssignContacts(household);
        return household;
    }

    private void AddFamily(SynthHousehold household, HouseholdKind kind, int room, bool migrant)
    {
        var withChildren = kind is HouseholdKind.CoupleWithChildren or HouseholdKind.SingleParent;
        var (fromAge, toAge) = withChildren ? (24, 58) : CoupleAges.Pick(_random);
        var firstAge = _random.Number(fromAge, toAge);
        var (familyPrefix, familySurname) = NameFactory.Surname(_faker, migrant);

        SynthPerson first;
        SynthPerson? second = null;
        if (kind == HouseholdKind.SingleParent)
        {
            var male = _random.Chance(0.15);
            first = NewPerson(household, male, firstAge, familyPrefix, familySurname, migrant);
            Add(household, first);
        }
        else
        {
            var sameSex = _random.Chance(0.02);
            // In an opposite-sex couple the man comes first, so that the woman's name use can refer to his name.
            var firstMale = _random.Chance(0.5) || !sameSex;
            var secondMale = sameSex ? firstMale : !firstMale;
            first = NewPerson(household, firstMale, firstAge, familyPrefix, familySurname, migrant);
            Add(household, first);
            if (household.Members.Count < room)
            {
                var partnerAge = Math.Clamp(firstAge + (int)Math.Round(Gaussian() * 3 + (firstMale ? -2 : 2)), 18, 97);
                var (ownPrefix, ownSurname) = NameFactory.Surname(_faker, migrant && _random.Chance(0.8));
                var married = !sameSex && partnerAge >= 23 && _random.Chance(0.6);
                second = NewPerson(household, secondMale, partnerAge, ownPrefix, ownSurname, migrant, married ? first : null);
                Add(household, second);
            }
        }

        if (!withChildren)
        {
            return;
        }

        // Children: mostly the father's surname (name choice since 1998 allows the mother's); single parents
        // often pass on their own name.
        var father = first.Gender == "M" ? first : second?.Gender == "M" ? second : null;
        var mother = first.Gender == "V" ? first : second?.Gender == "V" ? second : null;
        (string, string) childName;
        if (kind == HouseholdKind.SingleParent)
        {
            childName = _random.Chance(0.7) ? (first.BirthPrefix, first.BirthSurname) : NameFactory.Surname(_faker, migrant);
        }
        else if (father is not null && mother is not null)
        {
            childName = _random.Chance(0.08) ? (mother.BirthPrefix, mother.BirthSurname) : (father.BirthPrefix, father.BirthSurname);
        }
        else
        {
            childName = (first.BirthPrefix, first.BirthSurname);
        }

        var youngestParent = Math.Min(firstAge, second?.AgeAt(ReferenceDate) ?? firstAge);
        var oldest = Math.Min(youngestParent - 19, 24);
        if (oldest < 0)
        {
            return;
        }

        var children = ChildCount.Pick(_random);
        var age = _random.Number(Math.Max(0, oldest - 8), oldest);
        var twins = _random.Chance(TwinRate);
        for (var i = 0; i < children && household.Members.Count < room && age >= 0; i++)
        {
            var child = NewPerson(household, _random.Chance(0.51), age, childName.Item1, childName.Item2, migrant);
            Add(household, child);
            if (twins && household.Members.Count < room)
            {
                twins = false;
                Add(household, Twin(household, child, migrant));
            }

            age -= _random.Number(1, 5);
        }
    }

    private SynthPerson Twin(SynthHousehold household, SynthPerson sibling, bool migrant)
    {
        var male = _random.Chance(0.5);
        (string[] GivenNames, string CallName) names;
        do
        {
            names = NameFactory.GivenNames(_faker, male, sibling.DateOfBirth.Year, migrant);
        }
        while (names.GivenNames[0] == sibling.GivenNames[0]);

        return new SynthPerson
        {
            Index = _personCount,
            EntityId = EntityId(_personCount),
            Bsn = NewBsn(),
            GivenNames = names.GivenNames,
            CallName = names.CallName,
            SurnamePrefix = sibling.SurnamePrefix,
            Surname = sibling.Surname,
            BirthPrefix = sibling.BirthPrefix,
            BirthSurname = sibling.BirthSurname,
            DateOfBirth = sibling.DateOfBirth,
            Gender = male ? "M" : "V",
            Household = household,
        };
    }

    /// <summary>Someone else with the same name and date of birth as an earlier person, living elsewhere.</summary>
    private SynthHousehold Namesake()
    {
        SynthPerson? model = null;
        while (model is null)
        {
            model = _recent[_random.Index(Math.Min(_personCount, WindowSize))];
        }

        var household = new SynthHousehold(Addresses.Create(_faker));
        Add(household, new SynthPerson
        {
            Index = _personCount,
            EntityId = EntityId(_personCount),
            Bsn = NewBsn(),
            GivenNames = _random.Chance(0.5) ? model.GivenNames : [model.GivenNames[0]],
            CallName = model.CallName,
            SurnamePrefix = model.BirthPrefix,
            Surname = model.BirthSurname,
            BirthPrefix = model.BirthPrefix,
            BirthSurname = model.BirthSurname,
            DateOfBirth = model.DateOfBirth,
            Gender = model.Gender,
            Household = household,
        });
        AssignContacts(household);
        return household;
    }

    private SynthPerson NewPerson(SynthHousehold household, bool male, int age, string prefix, string surname, bool migrant, SynthPerson? spouse = null)
    {
        var year = ReferenceDate.Year - 1 - age;
        var dateOfBirth = new DateOnly(year, 1, 1).AddDays(_random.Index(DateTime.IsLeapYear(year) ? 366 : 365));
        if (migrant && age >= 30 && _random.Chance(0.2))
        {
            // Born abroad with an unknown birth day: registered as 1 January (BRP "00-00-yyyy").
            dateOfBirth = new DateOnly(year, 1, 1);
        }

        var (givenNames, callName) = NameFactory.GivenNames(_faker, male, year, migrant);
        var (usedPrefix, usedSurname) = (prefix, surname);
        if (spouse is not null)
        {
            // Naamgebruik after marriage: own name (75%), partner's name - own name (15%), partner's name (10%).
            var roll = _random.Double();
            if (roll < 0.15)
            {
                var own = prefix.Length == 0 ? surname : $"{prefix} {surname}";
                (usedPrefix, usedSurname) = (spouse.BirthPrefix, $"{spouse.BirthSurname}-{own}");
            }
            else if (roll < 0.25)
            {
                (usedPrefix, usedSurname) = (spouse.BirthPrefix, spouse.BirthSurname);
            }
        }

        return new SynthPerson
        {
            Index = _personCount,
            EntityId = EntityId(_personCount),
            Bsn = NewBsn(),
            GivenNames = givenNames,
            CallName = callName,
            SurnamePrefix = usedPrefix,
            Surname = usedSurname,
            BirthPrefix = prefix,
            BirthSurname = surname,
            DateOfBirth = dateOfBirth,
            Gender = male ? "M" : "V",
            Household = household,
        };
    }

    private void Add(SynthHousehold household, SynthPerson person)
    {
        household.Members.Add(person);
        _recent[_personCount % WindowSize] = person;
        _personCount++;
    }

    /// <summary>Phones and e-mail: own ones from about 12-14 years; young children carry a parent's (shared) contact.</summary>
    private void AssignContacts(SynthHousehold household)
    {
        var adults = household.Members.Where(m => m.AgeAt(ReferenceDate) >= 18).ToList();
        var familyEmail = adults.Count >= 2 && _random.Chance(0.08)
            ? _contacts.FamilyEmail(_random, adults[0].BirthPrefix, adults[0].BirthSurname)
            : null;
        foreach (var person in household.Members)
        {
            var age = person.AgeAt(ReferenceDate);
            if (age >= 12)
            {
                person.Phone = ContactFactory.Phone(_random, household.Address.AreaCode);
            }

            if (age >= 14 && _random.Chance(0.85))
            {
                person.Email = familyEmail is not null && age >= 18
                    ? familyEmail
                    : _contacts.Email(_random, person.CallName, person.SurnamePrefix, person.Surname, person.DateOfBirth);
            }
        }

        var contact = adults.FirstOrDefault(a => a.Phone.Length > 0);
        foreach (var child in household.Members.Where(m => m.AgeAt(ReferenceDate) < 12))
        {
            if (contact is not null && _random.Chance(0.7))
            {
                child.Phone = contact.Phone;
            }

            if (contact is not null && contact.Email.Length > 0 && _random.Chance(0.5))
            {
                child.Email = contact.Email;
            }
        }
    }

    private SynthAddress NewAddress()
    {
        SynthAddress address;
        var slot = _householdCount % WindowSize;
        if (_householdCount > 0 && _random.Chance(SameBuildingRate))
        {
            var building = _buildings[_random.Index(Math.Min(_householdCount, WindowSize))];
            address = building is null ? Addresses.Create(_faker) : Addresses.Neighbour(_random, building);
        }
        else
        {
            address = Addresses.Create(_faker);
        }

        _buildings[slot] = address;
        return address;
    }

    private string NewBsn()
    {
        while (true)
        {
            var bsn = BsnGenerator.Next(_random);
            if (_bsns.Add(int.Parse(bsn, NumberStyles.None, CultureInfo.InvariantCulture)))
            {
                return bsn;
            }
        }
    }

    private double Gaussian()
    {
        // Box-Muller on the seeded randomizer.
        var u1 = 1.0 - _random.Double();
        var u2 = _random.Double();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static string EntityId(int index) => "e" + index.ToString("D7", CultureInfo.InvariantCulture);

    private enum HouseholdKind
    {
        Single,
        Couple,
        CoupleWithChildren,
        SingleParent,
    }
}

using Bogus;
using SharingHub.HubCtl.Csv;
using SharingHub.HubCtl.Synth;

namespace SharingHub.HubCtl.Tests.Synth;

public sealed class RecordVariatorTests
{
    private static readonly List<SynthRecord> Samples = SynthTestData.Generate(3000, 1, 0.0, 0.0, 77);

    [Fact]
    public void Vary_EveryGroupOfManyRecords_AlwaysChangesThatGroupOnly()
    {
        var (variator, faker) = Create();
        var applied = new HashSet<Variation>();
        foreach (var sample in Samples)
        {
            foreach (var group in FieldGroups.All.Where(g => FieldGroups.Value(sample.Exact, g).Length > 0))
            {
                var varied = variator.Vary(sample.Exact, group, sample.Person, faker, out var kind);

                Assert.NotEqual(FieldGroups.Value(sample.Exact, group), FieldGroups.Value(varied, group));
                foreach (var other in FieldGroups.All.Where(g => g != group))
                {
                    Assert.Equal(FieldGroups.Value(sample.Exact, other), FieldGroups.Value(varied, other));
                }

                if (kind is { } k)
                {
                    applied.Add(k);
                }
            }
        }

        // Every documented variation actually occurs.
        Assert.Equal(Enum.GetValues<Variation>().Order(), applied.Order());
    }

    [Fact]
    public void Vary_PrefixVariations_ProduceRealisticForms()
    {
        var (variator, faker) = Create();
        var sample = Samples.First(s => s.Exact.SurnamePrefix == "van der" || s.Exact.SurnamePrefix == "van den" || s.Exact.SurnamePrefix == "van de");
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            var varied = variator.Vary(sample.Exact, FieldGroup.Surname, sample.Person, faker, out var kind);
            if (kind is Variation.SurnamePrefixAbbreviated or Variation.SurnamePrefixChanged or Variation.SurnamePrefixDropped)
            {
                prefixes.Add(varied.SurnamePrefix);
            }
        }

        Assert.Contains(string.Empty, prefixes);
        Assert.Contains("v.d.", prefixes);
        Assert.Contains("vd", prefixes);
        Assert.Contains(prefixes, p => p.StartsWith("van d", StringComparison.Ordinal) && p != sample.Exact.SurnamePrefix);
    }

    [Fact]
    public void Vary_DateOfBirth_StaysAValidDateNotInTheFuture()
    {
        var (variator, faker) = Create();
        foreach (var sample in Samples.Where(s => s.Exact.DateOfBirth.Length > 0))
        {
            var varied = variator.Vary(sample.Exact, FieldGroup.DateOfBirth, sample.Person, faker, out _);
            if (varied.DateOfBirth.Length > 0)
            {
                var date = DateOnly.ParseExact(varied.DateOfBirth, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(date <= PopulationGenerator.ReferenceDate);
            }
        }
    }

    [Fact]
    public void Vary_InitialsOfTwoGivenNames_LookLikeDutchInitials()
    {
        var (variator, faker) = Create();
        var sample = Samples.First(s => s.Person.GivenNames.Length == 2 && !s.Person.GivenNames[0].StartsWith("IJ", StringComparison.Ordinal));
        var forms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 500; i++)
        {
            var varied = variator.Vary(sample.Exact, FieldGroup.GivenNames, sample.Person, faker, out var kind);
            if (kind == Variation.GivenNamesInitials)
            {
                forms.Add(varied.GivenNames);
            }
        }

        var a = sample.Person.GivenNames[0][0];
        var b = sample.Person.GivenNames[1][0];
        Assert.Contains($"{a}.{b}.", forms);
        Assert.Contains($"{a}{b}", forms);
    }

    [Fact]
    public void Vary_PartnerHabits_SchoolsWriteCallNamesMoreThanTheMunicipality()
    {
        var (variator, faker) = Create();
        var withCallName = Samples.Where(s => s.Person.CallName != s.Person.GivenNames[0]).ToList();
        int CallNames(PartnerProfile profile) => withCallName.Count(s =>
        {
            variator.Vary(s.Exact, FieldGroup.GivenNames, s.Person, faker, out var kind, profile.Habits);
            return kind == Variation.GivenNamesCallName;
        });

        var school = CallNames(PartnerProfile.ForPartner(5));
        var municipality = CallNames(PartnerProfile.ForPartner(1));

        Assert.Equal("school", PartnerProfile.ForPartner(5).Kind);
        Assert.True(withCallName.Count > 100);
        Assert.True(school > 3 * municipality, $"school {school}, municipality {municipality}");
    }

    [Fact]
    public void Apply_RateZero_ReturnsExactRecord()
    {
        var (_, faker) = Create();
        var variator = new RecordVariator(0, new AddressFactory(faker), new ContactFactory());

        Assert.All(Samples.Take(200), s => Assert.Equal(s.Exact, variator.Apply(s.Exact, s.Person, faker)));
    }

    [Fact]
    public void SynthPerson_ToString_ShowsOnlyEntityId()
    {
        var person = Samples[0].Person;

        var text = person.ToString();

        Assert.Contains(person.EntityId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Bsn, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Surname, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.GivenNames[0], text, StringComparison.Ordinal);
    }

    private static (RecordVariator Variator, Faker Faker) Create()
    {
        var faker = new Faker("nl") { Random = new Randomizer(5) };
        return (new RecordVariator(1.0, new AddressFactory(faker), new ContactFactory()), faker);
    }
}

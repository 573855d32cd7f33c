using System.Text.RegularExpressions;
using SharingHub.HubCtl.Csv;
using SharingHub.HubCtl.Synth;

namespace SharingHub.HubCtl.Tests.Synth;

public sealed partial class SyntheticDataGeneratorTests
{
    [Fact]
    public void Write_SameSeed_IdenticalFiles()
    {
        var first = WriteAll(new SynthOptions(2000, 3, 0.4, 0.15, 42, "x"));
        var second = WriteAll(new SynthOptions(2000, 3, 0.4, 0.15, 42, "x"));

        Assert.Equal(first.Keys, second.Keys);
        foreach (var name in first.Keys)
        {
            Assert.Equal(first[name], second[name]);
        }
    }

    [Fact]
    public void Write_DifferentSeed_DifferentFiles()
    {
        var first = WriteAll(new SynthOptions(2000, 2, 0.4, 0.15, 42, "x"));
        var second = WriteAll(new SynthOptions(2000, 2, 0.4, 0.15, 43, "x"));

        Assert.NotEqual(first["partner_1.csv"], second["partner_1.csv"]);
        Assert.NotEqual(first["truth.csv"], second["truth.csv"]);
    }

    [Fact]
    public void Write_Files_ParseAndTruthCoversEveryRecordOnce()
    {
        var files = WriteAll(new SynthOptions(3000, 3, 0.5, 0.1, 5, "x"));

        var truth = TruthCsv.Read(new StringReader(files["truth.csv"]));
        Assert.True(truth.IsSuccess, truth.Error?.ToString());
        var ids = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var partner = PersonRecordCsv.Read(new StringReader(files[$"partner_{p}.csv"]));
            Assert.True(partner.IsSuccess, partner.Error?.ToString());
            Assert.All(partner.Records, r => Assert.StartsWith($"p{p}-", r.RecordId, StringComparison.Ordinal));
            ids.AddRange(partner.Records.Select(r => r.RecordId));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), truth.Records.Select(t => t.RecordId).Order(StringComparer.Ordinal));
        Assert.Equal(3000, truth.Records.Select(t => t.EntityId).Distinct().Count());
    }

    [Theory]
    [InlineData(2, 0.3)]
    [InlineData(4, 0.6)]
    [InlineData(3, 0.0)]
    [InlineData(2, 1.0)]
    public void Records_Overlap_FractionInSeveralFilesMatchesRequest(int partners, double overlap)
    {
        const int persons = 5000;
        var records = SynthTestData.Generate(persons, partners, overlap, 0.1, 3);

        var perEntity = records.GroupBy(r => r.Person.EntityId).ToList();
        var inSeveral = perEntity.Count(g => g.Select(r => r.Partner).Distinct().Count() >= 2) / (double)persons;

        Assert.Equal(persons, perEntity.Count);
        Assert.InRange(inSeveral, overlap - 0.03, overlap + 0.03);
        Assert.All(perEntity, g => Assert.Equal(g.Count(), g.Select(r => r.Partner).Distinct().Count()));
    }

    [Fact]
    public void Records_TypoRateZero_SameEntityIdenticalOnFieldsBothHold()
    {
        var records = SynthTestData.Generate(4000, 4, 0.8, 0.0, 9);

        var compared = 0;
        foreach (var entity in records.GroupBy(r => r.Person.EntityId))
        {
            var list = entity.Select(r => r.Varied).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    foreach (var (a, b) in Fields(list[i]).Zip(Fields(list[j])))
                    {
                        if (a.Length > 0 && b.Length > 0)
                        {
                            compared++;
                            Assert.Equal(a, b);
                        }
                    }
                }
            }
        }

        Assert.True(compared > 10_000);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void Records_TypoRate_MeasuredVariationFrequencyMatches(double rate)
    {
        var records = SynthTestData.Generate(4000, 2, 0.5, rate, 17);

        var eligible = 0;
        var varied = 0;
        var perGroup = new Dictionary<FieldGroup, (int Eligible, int Varied)>();
        foreach (var record in records)
        {
            foreach (var group in FieldGroups.All)
            {
                var exact = FieldGroups.Value(record.Exact, group);
                if (exact.Length == 0)
                {
                    continue;
                }

                var changed = FieldGroups.Value(record.Varied, group) != exact;
                eligible++;
                varied += changed ? 1 : 0;
                var (e, v) = perGroup.GetValueOrDefault(group);
                perGroup[group] = (e + 1, v + (changed ? 1 : 0));
            }
        }

        Assert.True(eligible > 20_000);
        Assert.InRange(varied / (double)eligible, rate * 0.9, rate * 1.1);
        foreach (var (group, (e, v)) in perGroup.Where(g => g.Value.Eligible >= 2000))
        {
            Assert.True(Math.Abs((v / (double)e) - rate) < 0.035, $"{group}: {v}/{e}");
        }
    }

    [Fact]
    public void Records_TypoRateZero_EveryBsnPassesElfproefAndIsUniquePerEntity()
    {
        var records = SynthTestData.Generate(5000, 2, 0.5, 0.0, 21);

        var bsns = records.Where(r => r.Varied.Bsn.Length > 0).ToList();
        Assert.True(bsns.Count > 5000);
        Assert.All(bsns, r => Assert.True(SynthTestData.PassesElfproef(r.Varied.Bsn)));
        var byBsn = bsns.GroupBy(r => r.Varied.Bsn).ToList();
        Assert.All(byBsn, g => Assert.Single(g.Select(r => r.Person.EntityId).Distinct()));
    }

    [Fact]
    public void Records_HighTypoRate_UntouchedBsnsValidAndSomeBsnsBroken()
    {
        var records = SynthTestData.Generate(5000, 2, 0.5, 0.3, 22);

        var withBsn = records.Where(r => r.Varied.Bsn.Length > 0).ToList();
        Assert.All(withBsn.Where(r => r.Varied.Bsn == r.Person.Bsn), r => Assert.True(SynthTestData.PassesElfproef(r.Varied.Bsn)));
        Assert.Contains(withBsn, r => !SynthTestData.PassesElfproef(r.Varied.Bsn));
    }

    [Fact]
    public void Records_PartnerKinds_HousingAndSchoolsNeverHoldBsn()
    {
        var records = SynthTestData.Generate(6000, 5, 0.5, 0.0, 23);

        Assert.All(records.Where(r => r.Partner is 3 or 5), r => Assert.Empty(r.Varied.Bsn));
        Assert.Contains(records, r => r.Partner == 1 && r.Varied.Bsn.Length > 0);
        var school = records.Where(r => r.Partner == 5).ToList();
        Assert.True(school.Count(r => r.Person.AgeAt(PopulationGenerator.ReferenceDate) is >= 4 and <= 18) > school.Count * 0.5, "schools know mostly children");
    }

    [Fact]
    public void Records_Population_HasTheHardCasesOfRealData()
    {
        var persons = SynthTestData.Generate(20_000, 1, 0.0, 0.0, 31).Select(r => r.Person).ToList();

        // Families: several people sharing surname and address.
        var families = persons.GroupBy(p => (p.Surname, p.Address.Postcode, p.Address.HouseNumber, p.Address.HouseNumberSuffix)).Count(g => g.Count() >= 3);
        Assert.True(families > 500, $"families: {families}");

        // Twins: same surname, date of birth and address, different given names.
        var twins = persons.GroupBy(p => (p.Surname, p.DateOfBirth, p.Address)).Count(g => g.Count() >= 2 && g.Select(p => p.GivenNamesText).Distinct().Count() >= 2);
        Assert.True(twins > 20, $"twins: {twins}");

        // Different people with the same name and date of birth, living elsewhere.
        var namesakes = persons.GroupBy(p => (p.GivenNames[0], p.Surname, p.DateOfBirth)).Count(g => g.Select(p => p.Address).Distinct().Count() >= 2);
        Assert.True(namesakes > 10, $"namesakes: {namesakes}");

        // Common surnames many times; about 30% with a tussenvoegsel; multiple given names common.
        Assert.True(persons.Count(p => p.SurnamePrefix == "de" && p.Surname == "Jong") > 40);
        Assert.InRange(persons.Count(p => p.SurnamePrefix.Length > 0) / (double)persons.Count, 0.22, 0.36);
        Assert.InRange(persons.Count(p => p.GivenNames.Length >= 2) / (double)persons.Count, 0.5, 0.8);
        Assert.Contains(persons, p => p.Surname.Contains('-', StringComparison.Ordinal));

        // Youths well represented; nobody older than 96.
        var ages = persons.Select(p => p.AgeAt(PopulationGenerator.ReferenceDate)).ToList();
        Assert.InRange(ages.Count(a => a < 18) / (double)ages.Count, 0.15, 0.32);
        Assert.All(ages, a => Assert.InRange(a, 0, 97));
    }

    [Fact]
    public void Records_Addresses_PostcodesAndPhonesLookDutch()
    {
        var records = SynthTestData.Generate(5000, 1, 0.0, 0.0, 41);

        Assert.All(records.Where(r => r.Varied.Postcode.Length > 0), r => Assert.Matches(PostcodePattern(), r.Varied.Postcode));
        Assert.All(records.Where(r => r.Varied.Phone.Length > 0), r => Assert.Matches(PhonePattern(), r.Varied.Phone));
        Assert.All(records.Where(r => r.Varied.Email.Length > 0), r => Assert.Matches(EmailPattern(), r.Varied.Email));
        Assert.All(records.Where(r => r.Varied.DateOfBirth.Length > 0), r => Assert.Matches(DatePattern(), r.Varied.DateOfBirth));
        Assert.Contains(records, r => r.Varied.HouseNumberSuffix.Length > 0);
        Assert.Contains(records, r => r.Varied.Phone.StartsWith("06", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Varied.Phone.StartsWith("+31", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> WriteAll(SynthOptions options)
    {
        var writers = new Dictionary<string, StringWriter>();
        new SyntheticDataGenerator(options).Write(name => writers[name] = new StringWriter());
        return writers.ToDictionary(w => w.Key, w => w.Value.ToString());
    }

    private static string[] Fields(PersonRecord r) =>
        [r.Bsn, r.GivenNames, r.SurnamePrefix, r.Surname, r.DateOfBirth, r.Gender, r.Street, r.HouseNumber, r.HouseNumberSuffix, r.Postcode, r.City, r.Phone, r.Email];

    [GeneratedRegex("^[1-9][0-9]{3}(?!SA|SD|SS)[ABCDEGHJKLMNPRSTVWXZ]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^(06[- ]?[1-9][0-9]{7}|06 [0-9]{4} [0-9]{4}|\+31 ?6 ?[0-9]{8}|0[1-9][0-9]{1,2}[- ]?[0-9]{3} ?[0-9]{3,4}|\+31[1-9][0-9]{8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9._]+@[a-z0-9.]+\\.[a-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]$")]
    private static partial Regex DatePattern();
}

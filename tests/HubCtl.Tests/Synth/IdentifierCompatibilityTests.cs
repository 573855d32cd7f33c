using SharingHub.HubCtl.Synth;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.HubCtl.Tests.Synth;

/// <summary>Exact synthetic data (typo rate 0) is valid for the identifier parsers that link and pseudonymise use.</summary>
public sealed class IdentifierCompatibilityTests
{
    private static readonly List<SynthRecord> Records = SynthTestData.Generate(4000, 3, 0.5, 0.0, 55);

    [Fact]
    public void ExactRecords_EveryBsnPassesTheIdentifiersLibrary()
    {
        var bsns = Records.Select(r => r.Varied.Bsn).Where(b => b.Length > 0).ToList();

        Assert.NotEmpty(bsns);
        Assert.All(bsns, b => Assert.True(Bsn.IsValidElfproef(b) && Bsn.Parse(b).IsValid));
    }

    [Fact]
    public void ExactRecords_NamesDatesAddressesPhonesAndEmailsParse()
    {
        var failures = new Dictionary<string, int>();
        void Check(string kind, bool valid)
        {
            if (!valid)
            {
                failures[kind] = failures.GetValueOrDefault(kind) + 1;
            }
        }

        foreach (var r in Records.Select(r => r.Varied))
        {
            Check("name", PersonName.Parse(r.GivenNames, r.SurnamePrefix, r.Surname).IsValid);
            if (r.DateOfBirth.Length > 0)
            {
                Check("date_of_birth", DateOfBirth.Parse(r.DateOfBirth, PopulationGenerator.ReferenceDate).IsValid);
            }

            if (r.Postcode.Length > 0)
            {
                Check("address", DutchAddress.Parse(r.Postcode, r.HouseNumber, r.HouseNumberSuffix, r.Street, r.City).IsValid);
            }

            if (r.Phone.Length > 0)
            {
                Check("phone", PhoneNumber.Parse(r.Phone).IsValid);
            }

            if (r.Email.Length > 0)
            {
                Check("email", EmailAddress.Parse(r.Email).IsValid);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void BogusDutchLists_AreCleanAndLarge()
    {
        Assert.True(BogusDutch.Toponyms.Length > 2000);
        Assert.True(BogusDutch.MaleFirstNames.Length > 400 && BogusDutch.FemaleFirstNames.Length > 400);
        Assert.All(BogusDutch.Toponyms.Concat(BogusDutch.MaleFirstNames).Concat(BogusDutch.FemaleFirstNames), n => Assert.True(PersonName.Parse(n, null, "Jansen").IsValid));
        Assert.DoesNotContain("Ohé;", BogusDutch.Toponyms);
    }
}

using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class MatchKeysTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void All_Definitions_UniqueTagsNamesAndNoSubjectReferenceTag()
    {
        var all = MatchKeys.All;

        Assert.Equal(Enum.GetValues<PseudonymKind>().Length, all.Count);
        Assert.Equal(all.Count, all.Select(d => d.Tag).Distinct().Count());
        Assert.Equal(all.Count, all.Select(d => d.Name).Distinct().Count());
        Assert.DoesNotContain(SubjectReference.Tag, all.Select(d => d.Tag));
    }

    [Fact]
    public void For_EachSubjectType_DocumentedLinkReasons()
    {
        Assert.Equal(["bsn", "name+dob", "surname+initial+dob", "postcode+house+dob"], MatchKeys.For(SubjectType.Person).Select(d => d.Name));
        Assert.Equal(["address"], MatchKeys.For(SubjectType.Address).Select(d => d.Name));
        Assert.Equal(["kvk"], MatchKeys.For(SubjectType.Company).Select(d => d.Name));
        Assert.Equal(["kenteken"], MatchKeys.For(SubjectType.Vehicle).Select(d => d.Name));
        Assert.Equal(["group"], MatchKeys.For(SubjectType.Group).Select(d => d.Name));
    }

    [Fact]
    public void InputsFor_FullPerson_EveryPersonKeyAndField()
    {
        var person = FullPerson();

        var kinds = MatchKeys.InputsFor(person).Select(i => i.Kind);

        Assert.Equal(
            [PseudonymKind.Bsn, PseudonymKind.NameDob, PseudonymKind.SurnameInitialDob, PseudonymKind.PostcodeHouseDob, PseudonymKind.Iban, PseudonymKind.Phone, PseudonymKind.Email],
            kinds);
    }

    [Fact]
    public void InputsFor_PersonWithoutDateOfBirth_OnlyBsn()
    {
        var person = FullPerson() with { DateOfBirth = null, Iban = null, Phone = null, Email = null };

        Assert.Equal([PseudonymKind.Bsn], MatchKeys.InputsFor(person).Select(i => i.Kind));
    }

    [Fact]
    public void InputsFor_NameWrittenTwoWays_SameInputs()
    {
        var dob = DateOfBirth.Parse("1984-02-29", Today).Value;
        var a = new PersonIdentifiers(Name: PersonName.Parse("Jan-Willem", "van der", "Berg").Value, DateOfBirth: dob);
        var b = new PersonIdentifiers(Name: PersonName.Parse("jan willem", "", "Van der Berg").Value, DateOfBirth: dob);

        Assert.Equal(MatchKeys.InputsFor(a), MatchKeys.InputsFor(b));
    }

    [Fact]
    public void InputsFor_SameDigitsAsBsnAndKvk_DifferentInputs()
    {
        var bsn = MatchKeys.Bsn(Bsn.Parse("111222333").Value);
        var kvk = MatchKeys.Kvk(KvkNumber.Parse("11122233").Value);
        var address = MatchKeys.Address(DutchAddress.Parse("1234 ab", "12", "a").Value);

        Assert.NotEqual(bsn.Kind, kvk.Kind);
        Assert.Equal(PseudonymKind.Address, address.Kind);
        Assert.StartsWith("p1\u001F", bsn.Content, StringComparison.Ordinal);
        Assert.Equal("a1\u001F1234AB\u001F12\u001FA", address.Content);
    }

    [Fact]
    public void ToString_InputsAndIdentifiers_ShowNoValues()
    {
        var person = FullPerson();
        var shown = person + string.Join(",", MatchKeys.InputsFor(person));

        Assert.DoesNotContain("111222333", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("berg", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1984", shown, StringComparison.Ordinal);
    }

    internal static PersonIdentifiers FullPerson() => new(
        Bsn.Parse("111222333").Value,
        PersonName.Parse("Jan-Willem", "van der", "Berg").Value,
        DateOfBirth.Parse("1984-02-29", Today).Value,
        DutchAddress.Parse("1234 ab", "12", "a").Value,
        Iban.Parse("NL91ABNA0417164300").Value,
        PhoneNumber.Parse("06 12345678").Value,
        EmailAddress.Parse("j.w.vanderberg@example.nl").Value);
}

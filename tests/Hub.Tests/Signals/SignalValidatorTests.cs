using SharingHub.Hub.Signals;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Signals;

public sealed class SignalValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static SignalRequest Person(SignalIdentifiers identifiers, SignalIdentifiers? reporter = null) => new()
    {
        SubjectType = "person",
        Identifiers = identifiers,
        Purpose = "aanpak-georganiseerde-criminaliteit",
        Categories = ["signaal"],
        Reporter = reporter,
    };

    [Fact]
    public void Validate_PersonWithBsnAndName_SealsRawAndNormalisedFields()
    {
        var (signal, _) = SignalValidator.Validate(Person(new SignalIdentifiers { Bsn = "111 222 333", GivenNames = "Jan", Surname = "Jansen" }), Today);

        Assert.NotNull(signal);
        Assert.Equal("111 222 333", signal.Identity[IdentityFieldNames.Bsn]!.Raw);
        Assert.Equal("111222333", signal.Identity[IdentityFieldNames.Bsn]!.Normalised);
        Assert.Equal("signal", signal.Phase);
    }

    [Fact]
    public void Validate_NameWithoutDateOfBirth_NoMatchKeySH3043()
    {
        var (signal, error) = SignalValidator.Validate(Person(new SignalIdentifiers { GivenNames = "Jan", Surname = "Jansen" }), Today);

        Assert.Null(signal);
        Assert.Equal(new FieldError("identifiers", SignalErrorCodes.NoMatchKey), error);
    }

    [Theory]
    [InlineData("company", "identifiers.kvk", SignalErrorCodes.MissingField)]
    [InlineData("vehicle", "identifiers.kenteken", SignalErrorCodes.MissingField)]
    [InlineData("address", "identifiers.address", SignalErrorCodes.MissingField)]
    [InlineData("group", "subjectType", SignalErrorCodes.InvalidField)]
    public void Validate_TypeWithoutItsIdentifier_FieldAndCode(string type, string field, string code)
    {
        var (_, error) = SignalValidator.Validate(Person(new SignalIdentifiers { Bsn = "111222333" }) with { SubjectType = type }, Today);

        Assert.Equal(new FieldError(field, code), error);
    }

    [Fact]
    public void Validate_InvalidReporterPhone_ReportsReporterFieldWithIdentifierCode()
    {
        var (_, error) = SignalValidator.Validate(Person(new SignalIdentifiers { Bsn = "111222333" }, new SignalIdentifiers { Phone = "not a phone" }), Today);

        Assert.Equal("reporter.phone", error.Field);
        Assert.StartsWith("SH10", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RequestsAndValidatedSignals_RevealNoIdentifier()
    {
        var identifiers = new SignalIdentifiers { Bsn = "111222333", GivenNames = "Jan", Surname = "Jansen", Email = "jan@example.nl" };
        var request = Person(identifiers, identifiers) with { Summary = "Jan Jansen 111222333" };
        var (signal, _) = SignalValidator.Validate(request, Today);

        var text = string.Join(' ', request.ToString(), identifiers.ToString(), new SignalAddress { Postcode = "6211AB" }.ToString(), signal!.ToString(),
            new SignalBatchRequest { Signals = [request] }.ToString());

        Assert.DoesNotContain("111222333", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jan@example.nl", text, StringComparison.Ordinal);
        Assert.DoesNotContain("6211", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_KnownIdentifiersInOtherFormats_ReplacedByLabels()
    {
        var (signal, _) = SignalValidator.Validate(Person(new SignalIdentifiers
        {
            Bsn = "111222333", DateOfBirth = "1980-05-17", Phone = "06 12345678",
            Address = new SignalAddress { Postcode = "6211AB", HouseNumber = "12" },
        }), Today);

        var text = KnownIdentifiers.Redact("geboren 17-05-1980, woont 6211 AB, tel +31612345678, bsn 111222333", signal!.Identity);

        Assert.Equal("geboren [GEBOORTEDATUM], woont [POSTCODE], tel [TELEFOON], bsn [BSN]", text);
    }

    private static SignalRequest GroupRequest() => new()
    {
        SubjectType = "group",
        Group = new SignalGroup
        {
            Reference = "PMG-2026-017",
            Members = [new SignalIdentifiers { Bsn = "111222333", GivenNames = "Karim", Surname = "Bouzidi", DateOfBirth = "2010-01-02" }],
        },
        Purpose = "groepsaanpak",
        Categories = ["signaal"],
        Fields = new Dictionary<string, string?> { ["groepsgedrag"] = "Karim Bouzidi intimideert voorbijgangers" },
    };

    [Fact]
    public void Validate_Group_EveryNewTypeRevealsNothingInToString()
    {
        var request = GroupRequest();
        var (signal, _) = SignalValidator.Validate(request, Today, "school-x");

        Assert.NotNull(signal);
        Assert.Equal("group", signal.SubjectTypeName);
        Assert.Equal("PMG2026017", signal.Identity[SignalValidator.GroupReferenceField]!.Normalised);
        var text = string.Join('\n', request.ToString(), request.Group!.ToString(), signal.ToString(), signal.Group!.ToString(),
            signal.Group.Members[0].ToString(), signal.Subject.ToString(), new EncodedPerson([1], [2]).ToString());
        foreach (var needle in new[] { "PMG", "2026", "Bouzidi", "Karim", "111222333", "intimideert" })
        {
            Assert.DoesNotContain(needle, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Validate_GroupWithoutPartner_InvalidSubjectType()
    {
        var (signal, error) = SignalValidator.Validate(GroupRequest(), Today);

        Assert.Null(signal);
        Assert.Equal(new FieldError("subjectType", SignalErrorCodes.InvalidField), error);
    }

    [Fact]
    public void Redact_GroupReferenceAsWritten_ReplacedByLabel()
    {
        var (signal, _) = SignalValidator.Validate(GroupRequest(), Today, "school-x");

        Assert.Equal("groep [GROEP] op het plein", KnownIdentifiers.Redact("groep pmg-2026-017 op het plein", signal!.Identity));
    }
}

using SharingHub.Hub.Disclosure;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Disclosure;

public sealed class DisclosureFormatTests
{
    [Fact]
    public void Csv_CommasQuotesAndFormulaStarts_QuotedAndDefused()
    {
        var csv = DisclosureCsv.Write([new("naam", "Jan, de \"Boer\""), new("telefoon", "+31612345678"), new("adres", "=HYPERLINK(1)"), new("bsn", "123")]);

        Assert.Equal("field,value\nnaam,\"Jan, de \"\"Boer\"\"\"\ntelefoon,'+31612345678\nadres,'=HYPERLINK(1)\nbsn,123\n", csv);
    }

    [Fact]
    public void Compose_NameAndAddressParts_JoinedSkippingMissingParts()
    {
        var record = new IdentityRecord(new Dictionary<string, IdentityField>
        {
            [IdentityFieldNames.GivenNames] = new("Jan", null),
            [IdentityFieldNames.Surname] = new("Jansen", null),
            [IdentityFieldNames.Street] = new("Markt", null),
            [IdentityFieldNames.HouseNumber] = new("12", null),
            [IdentityFieldNames.HouseNumberSuffix] = new("A", null),
            [IdentityFieldNames.Postcode] = new("6211AB", null),
            [IdentityFieldNames.DateOfBirth] = new("1980-05-17", "1980-05-17"),
        });

        Assert.Equal("Jan Jansen", DisclosureFields.Compose("naam", record));
        Assert.Equal("Markt 12A, 6211AB", DisclosureFields.Compose("adres", record));
        Assert.Equal("1980-05-17", DisclosureFields.Compose("geboortedatum", record));
        Assert.Null(DisclosureFields.Compose("bsn", record));
        Assert.Null(DisclosureFields.Compose("aanmeldreden", record));
        Assert.Equal("plan_van_aanpak", DisclosureFields.ContentName("plan-van-aanpak"));
    }

    [Fact]
    public void ResponseAndOutcome_ToString_RevealNoValue()
    {
        var fields = new System.Text.Json.Nodes.JsonObject { ["naam"] = "Geheime Naam" };
        var response = new DisclosureResponse(Guid.NewGuid(), Guid.NewGuid(), "s1.x", "p", DateTimeOffset.UnixEpoch, fields, "receipt", ["receipt"]);
        var outcome = new DisclosureOutcome(200, null, null, response, [new("naam", "Geheime Naam")]);

        Assert.DoesNotContain("Geheime", response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime", outcome.ToString(), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Tests.Loading;

/// <summary>convenants/schema.json must describe exactly what the strict loader accepts.</summary>
public sealed class ConvenantSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(ShippedConvenants.Directory, "schema.json"))).RootElement;

    public static TheoryData<string> Kinds => new(ConvenantFormat.Objects.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Schema_EveryObjectKind_HasTheLoadersFieldsAndForbidsOthers(string kind)
    {
        var definition = kind == "convenant" ? Schema : Schema.GetProperty("$defs").GetProperty(kind);

        var properties = definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ConvenantFormat.Objects[kind].Order(StringComparer.Ordinal), properties);
        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Schema_EnumSpellings_MatchPolicyNames()
    {
        var defs = Schema.GetProperty("$defs");
        static string[] Enum(JsonElement e) => [.. e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];

        Assert.Equal(PolicyNames.Action.Names, Enum(defs.GetProperty("action")));
        Assert.Equal(PolicyNames.Mode.Names, Enum(defs.GetProperty("mode")));
        Assert.Equal(PolicyNames.SubjectType.Names, Enum(defs.GetProperty("subjectType")));
        Assert.Equal(PolicyNames.Phase.Names, Enum(defs.GetProperty("phase")));
        Assert.Equal(PolicyNames.Gate.Names, Enum(defs.GetProperty("gate")));
        Assert.Equal(PolicyNames.Sensitivity.Names, Enum(defs.GetProperty("category").GetProperty("properties").GetProperty("sensitivity")));
        Assert.Equal(PolicyNames.PartyType.Names, Enum(defs.GetProperty("party").GetProperty("properties").GetProperty("type")));
        Assert.Equal(PolicyNames.Trigger.Names, Enum(defs.GetProperty("approvalRule").GetProperty("properties").GetProperty("triggers").GetProperty("items")));
        Assert.Equal(PolicyNames.Status.Names, Enum(Schema.GetProperty("properties").GetProperty("status")));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ShippedConvenant_PointsAtTheSchema(string id)
    {
        using var doc = JsonDocument.Parse(ShippedConvenants.Text(id));

        Assert.Equal("./schema.json", doc.RootElement.GetProperty("$schema").GetString());
    }

    public static TheoryData<string> Ids => new(ShippedConvenants.Ids);
}

using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Tests.Loading;

public sealed class ConvenantLoaderTests
{
    private static ConvenantError Single(string json, string code)
    {
        var result = ConvenantLoader.Load(json);
        Assert.False(result.Success);
        Assert.Null(result.Convenant);
        var matching = result.Errors.Where(e => e.Code == code).ToList();
        Assert.True(matching.Count == 1, string.Join("\n", result.Errors));
        return matching[0];
    }

    [Fact]
    public void Load_UnknownRootField_FailsWithPathAndIdentityClause()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r["colour"] = "blue"), PolicyCodes.UnknownField);

        Assert.Equal("$.colour", error.Path);
        Assert.Equal("RIEC-I-01", error.ClauseId);
        Assert.Contains("\"colour\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldInFlow_FailsWithFlowPathAndClause()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.List("flows")[2]!["priority"] = 1), PolicyCodes.UnknownField);

        Assert.Equal("$.flows[2].priority", error.Path);
        Assert.Equal("RIEC-F-03", error.ClauseId);
    }

    [Fact]
    public void Load_UnknownFieldInNestedEndpoint_CitesEnclosingFlowClause()
    {
        var error = Single(BadConvenants.Mutate("zvh", r => r.Item("flows", "ZVH-F-07")["to"]!["party"] = "politie"), PolicyCodes.UnknownField);

        Assert.Equal("$.flows[6].to.party", error.Path);
        Assert.Equal("ZVH-F-07", error.ClauseId);
    }

    [Fact]
    public void Load_ArrayGivenAsString_FailsWithWrongType()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.List("flows")[0]!["actions"] = "submit"), PolicyCodes.WrongType);

        Assert.Equal("$.flows[0].actions", error.Path);
        Assert.Equal("RIEC-F-01", error.ClauseId);
    }

    [Fact]
    public void Load_BooleanGivenAsString_FailsWithWrongType()
    {
        var error = Single(BadConvenants.Mutate("pmg", r => r.List("parties")[1]!["mayBringInCases"] = "yes"), PolicyCodes.WrongType);

        Assert.Equal("$.parties[1].mayBringInCases", error.Path);
        Assert.Equal("PMG-PA-02", error.ClauseId);
    }

    [Fact]
    public void Load_NumberGivenAsString_FailsWithWrongType()
    {
        var error = Single(BadConvenants.Mutate("pmg", r => r.List("escalationLevels")[0]!["rank"] = "1"), PolicyCodes.WrongType);

        Assert.Equal("$.escalationLevels[0].rank", error.Path);
        Assert.Equal("PMG-L-01", error.ClauseId);
    }

    [Fact]
    public void Load_DanglingPurposeInFlow_FailsWithPathAndClause()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.List("flows")[4]!["purposes"]![0] = "onbekend-doel"), PolicyCodes.DanglingReference);

        Assert.Equal("$.flows[4].purposes[0]", error.Path);
        Assert.Equal("RIEC-F-05", error.ClauseId);
    }

    [Fact]
    public void Load_DanglingRoleInFlowEndpoint_FailsWithPathAndClause()
    {
        var error = Single(BadConvenants.Mutate("zvh", r => r.List("flows")[0]!["to"]!["roles"]![0] = "wijkagent"), PolicyCodes.DanglingReference);

        Assert.Equal("$.flows[0].to.roles[0]", error.Path);
        Assert.Equal("ZVH-F-01", error.ClauseId);
    }

    [Fact]
    public void Load_DanglingPartyInFlow_FailsWithPathAndClause()
    {
        var error = Single(BadConvenants.Mutate("pmg", r => r.List("flows")[1]!["from"]!["parties"]!.AsArray().Add("sportclub")), PolicyCodes.DanglingReference);

        Assert.Equal("$.flows[1].from.parties[4]", error.Path);
        Assert.Equal("PMG-F-02", error.ClauseId);
    }

    [Fact]
    public void Load_DanglingRetentionClauseInObligation_FailsWithPathAndClause()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.List("flows")[0]!["obligations"]![1]!["retention"] = "RIEC-T-99"), PolicyCodes.DanglingReference);

        Assert.Equal("$.flows[0].obligations[1].retention", error.Path);
        Assert.Equal("RIEC-F-01", error.ClauseId);
    }

    [Fact]
    public void Load_DanglingCategoryInDpia_CitesDpiaClause()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r["dpia"]!["coveredCategories"]!.AsArray().Add("gezondheid")), PolicyCodes.DanglingReference);

        Assert.Equal("$.dpia.coveredCategories[10]", error.Path);
        Assert.Equal("RIEC-D-01", error.ClauseId);
    }

    [Fact]
    public void Load_FlowFieldOutsideItsCategories_FailsAsDanglingReference()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.Item("flows", "RIEC-F-14")["fields"]!.AsArray().Add("naam")), PolicyCodes.DanglingReference);

        Assert.Equal("$.flows[13].fields[2]", error.Path);
        Assert.Equal("RIEC-F-14", error.ClauseId);
    }

    [Fact]
    public void Load_UnknownEnumValue_FailsWithInvalidValue()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.List("flows")[1]!["modes"]![0] = "plaintext"), PolicyCodes.InvalidValue);

        Assert.Equal("$.flows[1].modes[0]", error.Path);
        Assert.Equal("RIEC-F-02", error.ClauseId);
    }

    [Fact]
    public void Load_MissingRequiredField_FailsWithMissingField()
    {
        var error = Single(BadConvenants.Mutate("zvh", r => r.List("flows")[3]!.AsObject().Remove("description")), PolicyCodes.MissingField);

        Assert.Equal("$.flows[3].description", error.Path);
        Assert.Equal("ZVH-F-04", error.ClauseId);
    }

    [Fact]
    public void Load_DuplicateClauseId_Fails()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r.List("flows")[1]!["clauseId"] = "RIEC-F-01"), PolicyCodes.DuplicateClauseId);

        Assert.Equal("$.flows[1].clauseId", error.Path);
        Assert.Equal("RIEC-F-01", error.ClauseId);
    }

    [Fact]
    public void Load_DuplicatePartyId_Fails()
    {
        var error = Single(BadConvenants.Mutate("zvh", r => r.List("parties")[2]!["id"] = "politie"), PolicyCodes.DuplicateId);

        Assert.Equal("$.parties[2].id", error.Path);
        Assert.Equal("ZVH-PA-03", error.ClauseId);
    }

    [Fact]
    public void Load_PurposeCycle_Fails()
    {
        var result = ConvenantLoader.Load(BadConvenants.Mutate("riec", r => r.Item("purposes", "RIEC-P-01")["parent"] = "mensenhandel"));

        var cycle = result.Errors.Where(e => e.Code == PolicyCodes.PurposeCycle).Select(e => (e.ClauseId, e.Path)).ToArray();
        Assert.Equal([("RIEC-P-01", "$.purposes[0].parent"), ("RIEC-P-02", "$.purposes[1].parent")], cycle);
    }

    [Fact]
    public void Load_InvalidClauseIdFormat_Fails()
    {
        var result = ConvenantLoader.Load(BadConvenants.Mutate("pmg", r => r.List("flows")[0]!["clauseId"] = "flow one"));

        var error = Assert.Single(result.Errors, e => e.Code == PolicyCodes.InvalidClauseId);
        Assert.Equal("$.flows[0].clauseId", error.Path);
    }

    [Fact]
    public void Load_ValidToBeforeValidFrom_Fails()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r["validTo"] = "2020-01-01T00:00:00+01:00"), PolicyCodes.InvalidPeriod);

        Assert.Equal("$.validTo", error.Path);
    }

    [Fact]
    public void Load_TimestampWithoutOffset_Fails()
    {
        var error = Single(BadConvenants.Mutate("riec", r => r["validFrom"] = "2025-03-01T00:00:00"), PolicyCodes.InvalidValue);

        Assert.Equal("$.validFrom", error.Path);
        Assert.Equal("RIEC-I-01", error.ClauseId);
    }

    [Fact]
    public void Load_BadRetentionPeriod_FailsWithClause()
    {
        var error = Single(BadConvenants.Mutate("zvh", r => r.List("retention")[0]!["period"] = "6 months"), PolicyCodes.InvalidDuration);

        Assert.Equal("$.retention[0].period", error.Path);
        Assert.Equal("ZVH-T-01", error.ClauseId);
    }

    [Fact]
    public void Load_MoreThan64Categories_FailsWithTooMany()
    {
        var json = BadConvenants.Mutate("pmg", r =>
        {
            for (var i = 0; i < 60; i++)
            {
                r.List("categories").Add(new JsonObject
                {
                    ["clauseId"] = $"PMG-C-{i + 10:D2}",
                    ["id"] = $"extra-{i}",
                    ["name"] = "extra",
                    ["sensitivity"] = "regular",
                    ["fields"] = new JsonArray($"veld-{i}"),
                });
            }
        });

        var error = Single(json, PolicyCodes.TooMany);

        Assert.Equal("$.categories", error.Path);
        Assert.Equal("PMG-I-01", error.ClauseId);
    }

    [Fact]
    public void Load_NotJson_FailsWithInvalidJson()
    {
        var error = Single("{ \"id\": ", PolicyCodes.InvalidJson);

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void Load_RootIsArray_FailsWithWrongType()
    {
        var error = Single("[]", PolicyCodes.WrongType);

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void Load_IdentifierPastedAsKeyOrValue_NeverAppearsInErrors()
    {
        const string bsn = "111222333";
        const string email = "jan.jansen@example.nl";
        var json = BadConvenants.Mutate("riec", r =>
        {
            r[bsn] = email;
            r.List("parties")[0]!["mayBringInCases"] = bsn;
            r.List("parties")[1]![email] = true;
            r.List("roles")[0]!["parties"]![0] = 123456782;
        });

        var result = ConvenantLoader.Load(json);

        Assert.True(result.Errors.Count >= 4);
        foreach (var error in result.Errors)
        {
            var text = error.ToString();
            Assert.DoesNotContain(bsn, text, StringComparison.Ordinal);
            Assert.DoesNotContain("123456782", text, StringComparison.Ordinal);
            Assert.DoesNotContain(email, text, StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 300)]
    public Property Load_ArbitraryText_NeverThrows()
        => Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var result = ConvenantLoader.Load(text ?? "");
            return !result.Success && result.Errors.Count > 0;
        });

    [Property(MaxTest = 200)]
    public Property Load_ShippedConvenantWithOneFieldDropped_FailsOrStillLoads_WithoutThrowing()
    {
        var json = JsonNode.Parse(ShippedConvenants.Text("zvh"))!.AsObject();
        var keys = json.Select(p => p.Key).ToArray();
        return Prop.ForAll(Gen.Elements(keys).ToArbitrary(), key =>
        {
            var copy = JsonNode.Parse(ShippedConvenants.Text("zvh"))!.AsObject();
            copy.Remove(key);
            var result = ConvenantLoader.Load(copy.ToJsonString());
            var optional = key is "$schema" or "supersedes" or "escalationLevels" or "prohibitions" or "approvalRules";
            return optional ? result.Success : !result.Success && result.Errors.All(e => e.Path.StartsWith('$'));
        });
    }
}

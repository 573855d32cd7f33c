using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharingHub.HubCtl.Tests.Commands;

public sealed class ConvenantCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("hubctl-convenant-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    private static string Convenant(string id) => RepoFile(Path.Combine("convenants", id + ".json"));

    private string WriteVariant(string id, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(Convenant(id)))!.AsObject();
        edit(root);
        var path = Path.Combine(_temp, id + "-variant.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HubCtlApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Lint_ShippedConvenants_ExitsZeroAndReportsOk()
    {
        var (exit, output, _) = await Run("convenant", "lint", Convenant("riec"), Convenant("zvh"), Convenant("pmg"));

        Assert.Equal(0, exit);
        Assert.Equal(3, output.Split('\n').Count(l => l.Contains(": ok (0 errors", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Lint_UnknownField_ExitsOneWithCodePathAndClause()
    {
        var bad = WriteVariant("riec", r => r.Item("flows", 2)["priority"] = 1);

        var (exit, output, _) = await Run("convenant", "lint", Convenant("zvh"), bad);

        Assert.Equal(1, exit);
        Assert.Contains("error SH2002 RIEC-F-03 $.flows[2].priority", output, StringComparison.Ordinal);
        Assert.Contains(": invalid (1 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_CategoryOutsideDpia_ExitsOneWithLintFinding()
    {
        var bad = WriteVariant("zvh", r =>
        {
            var covered = r["dpia"]!["coveredCategories"]!.AsArray();
            covered.Remove(covered.Single(n => (string?)n == "gezinssituatie"));
        });

        var (exit, output, _) = await Run("convenant", "lint", bad);

        Assert.Equal(1, exit);
        Assert.Contains("error SH2402 ZVH-F-01 $.flows[0].categories[3]", output, StringComparison.Ordinal);
        Assert.Contains(": lint errors (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = await Run("convenant", "lint", Path.Combine(_temp, "absent.json"));

        Assert.Equal(2, exit);
        Assert.Contains("SH9201", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_NoFile_ExitsTwo()
    {
        var (exit, _, _) = await Run("convenant", "lint");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Explain_PermittedSubmission_PrintsPermitWithClauseAndObligations()
    {
        var (exit, output, _) = await Run("convenant", "explain", Convenant("riec"),
            "--partner", "gemeente", "--role", "medewerker", "--purpose", "witwassen", "--action", "submit",
            "--category", "signaal", "bedrijfsgegevens", "--subject-type", "company", "--phase", "signal", "--at", "2026-11-25T10:00:00+01:00");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("permit", root.GetProperty("decision").GetString());
        Assert.Equal("RIEC-F-01", root.GetProperty("decidingClause").GetString());
        Assert.Contains(root.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("clause").GetString() == "RIEC-P-01" && r.GetProperty("code").GetString() == "SH2102");
        var retain = root.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("type").GetString() == "retain-until");
        Assert.Equal("RIEC-T-01", retain.GetProperty("retention").GetProperty("clause").GetString());
        Assert.Equal("P1Y", retain.GetProperty("retention").GetProperty("period").GetString());
    }

    [Fact]
    public async Task Explain_NeedsApproval_PrintsGatesAndQuorum()
    {
        var (exit, output, _) = await Run("convenant", "explain", Convenant("zvh"),
            "--partner", "gemeente", "--role", "medewerker", "--purpose", "complexe-casuistiek", "--action", "request",
            "--category", "gezondheid", "--phase", "case-meeting", "--at", "2026-11-25T10:00:00+01:00");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("needs-approval", root.GetProperty("decision").GetString());
        Assert.Equal(["privacy-officer"], root.GetProperty("gates").EnumerateArray().Select(g => g.GetString()!).ToArray());
        var approval = Assert.Single(root.GetProperty("approvals").EnumerateArray());
        Assert.Equal("ZVH-A-01", approval.GetProperty("clause").GetString());
        Assert.Equal(1, approval.GetProperty("reviewers").GetInt32());
    }

    [Fact]
    public async Task Explain_DefaultDeny_NamesTheNearestFlow()
    {
        var (exit, output, _) = await Run("convenant", "explain", Convenant("pmg"),
            "--partner", "jongerenwerk", "--role", "jongerenwerker", "--purpose", "aanpak-jeugdgroepen", "--action", "submit",
            "--category", "identificatie", "--phase", "signal", "--at", "2026-11-25T10:00:00+01:00");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var reasons = json.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray();
        Assert.Equal("deny", json.RootElement.GetProperty("decision").GetString());
        Assert.Equal(["SH2160", "SH2161"], reasons);
    }

    [Fact]
    public async Task Explain_ExpiredConvenant_DeniesWithExpiryReason()
    {
        var (exit, output, _) = await Run("convenant", "explain", Convenant("riec"),
            "--partner", "gemeente", "--role", "medewerker", "--purpose", "witwassen", "--action", "submit",
            "--category", "signaal", "--phase", "signal", "--at", "2031-01-01T00:00:00Z");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("deny", json.RootElement.GetProperty("decision").GetString());
        Assert.Equal("SH2113", json.RootElement.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("RIEC-I-01", json.RootElement.GetProperty("decidingClause").GetString());
    }

    [Fact]
    public async Task Explain_UnknownMode_ExitsTwo()
    {
        var (exit, _, _) = await Run("convenant", "explain", Convenant("riec"),
            "--partner", "gemeente", "--role", "medewerker", "--purpose", "witwassen", "--action", "submit", "--category", "signaal", "--mode", "plaintext");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Explain_BadTime_ExitsTwoWithCode()
    {
        var (exit, _, error) = await Run("convenant", "explain", Convenant("riec"),
            "--partner", "gemeente", "--role", "medewerker", "--purpose", "witwassen", "--action", "submit", "--category", "signaal", "--at", "yesterday");

        Assert.Equal(2, exit);
        Assert.Contains("SH9202", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_MissingRequiredOption_ExitsTwo()
    {
        var (exit, _, _) = await Run("convenant", "explain", Convenant("riec"), "--partner", "gemeente", "--role", "medewerker");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Explain_InvalidConvenantFile_ExitsOneWithErrors()
    {
        var bad = WriteVariant("pmg", r => r["version"] = 3);

        var (exit, output, error) = await Run("convenant", "explain", bad,
            "--partner", "gemeente", "--role", "medewerker", "--purpose", "groepsaanpak", "--action", "submit", "--category", "signaal");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("SH2003 PMG-I-01 $.version", error, StringComparison.Ordinal);
    }
}

internal static class JsonVariantExtensions
{
    public static JsonObject Item(this JsonObject root, string list, int index) => root[list]!.AsArray()[index]!.AsObject();
}

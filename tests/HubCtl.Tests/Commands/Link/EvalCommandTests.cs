using System.Text.Json;
using SharingHub.HubCtl;

namespace SharingHub.HubCtl.Tests.Commands.Link;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hubctl-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HubCtlApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Truth() => Write("truth.csv", "record_id,entity_id\np1-1,e1\np1-2,e2\np1-3,e1\np2-1,e1\np2-2,e2\np2-3,e3\np3-1,e1\n");

    [Fact]
    public async Task Eval_InferredSides_CountsOnlyCrossFilePairsOfThoseFiles()
    {
        // Truth pairs p1×p2: (p1-1,p2-1), (p1-3,p2-1), (p1-2,p2-2) = 3; p3 is ignored.
        var links = Write("links.csv", "left_id,right_id,score,reason\np1-1,p2-1,1,bsn\np1-2,p2-3,0.9,fuzzy:0.90\n");
        var (exit, json, err) = await Run("eval", "--links", links, "--truth", Truth());
        Assert.True(exit == 0, err);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(0.5, root.GetProperty("precision").GetDouble());
        Assert.Equal(1.0 / 3, root.GetProperty("recall").GetDouble(), 10);
        Assert.Equal(0.4, root.GetProperty("f1").GetDouble(), 10);
        Assert.Equal(2, root.GetProperty("false_negatives").GetInt64());
    }

    [Fact]
    public async Task Eval_ExplicitSides_UseTheFiles()
    {
        const string header = "record_id,bsn,given_names,surname_prefix,surname,date_of_birth,gender,street,house_number,house_number_suffix,postcode,city,phone,email\n";
        var left = Write("l.csv", header + "p1-1,,,,,,,,,,,,,\n");
        var right = Write("r.csv", header + "p2-1,,,,,,,,,,,,,\n");
        var links = Write("links.csv", "left_id,right_id,score,reason\n");
        var (exit, json, _) = await Run("eval", "--links", links, "--truth", Truth(), "--left", left, "--right", right);
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(0.0, root.GetProperty("recall").GetDouble());
        Assert.Equal(1, root.GetProperty("false_negatives").GetInt64());
    }

    [Fact]
    public async Task Eval_MalformedLinks_RowNumberedErrorExit1()
    {
        var links = Write("links.csv", "left_id,right_id,score,reason\np1-1,p2-1,2.5,bsn\n");
        var (exit, output, err) = await Run("eval", "--links", links, "--truth", Truth());
        Assert.Equal(1, exit);
        Assert.Contains("row 1", err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Eval_SidesNotInferable_UsageError()
    {
        var truth = Write("t.csv", "record_id,entity_id\np1-1,e1\np2-1,e1\np3-1,e1\n");
        var links = Write("links.csv", "left_id,right_id,score,reason\n");
        var (exit, _, err) = await Run("eval", "--links", links, "--truth", truth);
        Assert.Equal(2, exit);
        Assert.Contains("SH9410", err, StringComparison.Ordinal);
    }
}

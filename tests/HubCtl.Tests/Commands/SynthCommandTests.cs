using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Commands;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hubctl-synth-").FullName;

    [Fact]
    public async Task Synth_ValidOptions_ExitZeroAndWritesPartnerFilesAndTruth()
    {
        var output = Path.Combine(_root, "out");

        var (code, stdout, stderr) = await Run("synth", "--persons", "500", "--partners", "3", "--overlap", "0.4", "--typo-rate", "0.1", "--seed", "7", "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(["partner_1.csv", "partner_2.csv", "partner_3.csv", "truth.csv"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(PersonRecordCsv.ReadAll(Path.Combine(output, "partner_2.csv")).IsSuccess);
        Assert.Equal(500, TruthCsv.ReadAll(Path.Combine(output, "truth.csv")).Records.Select(t => t.EntityId).Distinct().Count());
        Assert.Contains("500 persons", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr); // not a terminal: no progress
    }

    [Fact]
    public async Task Synth_Output_ShowsNoIdentifiers()
    {
        var output = Path.Combine(_root, "out");

        var (_, stdout, stderr) = await Run("synth", "--persons", "50", "--partners", "2", "--seed", "3", "--out", output);

        var records = PersonRecordCsv.ReadAll(Path.Combine(output, "partner_1.csv")).Records;
        foreach (var record in records)
        {
            foreach (var value in new[] { record.Bsn, record.Surname, record.Email, record.Postcode }.Where(v => v.Length >= 5))
            {
                Assert.DoesNotContain(value, stdout + stderr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Synth_ExistingFiles_ReplacedCompletely()
    {
        var output = Path.Combine(_root, "out");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "partner_1.csv"), "old");

        var (code, _, _) = await Run("synth", "--persons", "100", "--partners", "2", "--seed", "1", "--out", output);

        Assert.Equal(0, code);
        Assert.StartsWith("record_id,", await File.ReadAllTextAsync(Path.Combine(output, "partner_1.csv")), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(output), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synth_SameSeedTwice_IdenticalFiles()
    {
        await Run("synth", "--persons", "300", "--partners", "2", "--seed", "9", "--out", Path.Combine(_root, "a"));
        await Run("synth", "--persons", "300", "--partners", "2", "--seed", "9", "--out", Path.Combine(_root, "b"));

        foreach (var name in new[] { "partner_1.csv", "partner_2.csv", "truth.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_root, "a", name)), await File.ReadAllBytesAsync(Path.Combine(_root, "b", name)));
        }
    }

    [Theory]
    [InlineData("SH9120", "--persons", "0")]
    [InlineData("SH9120", "--persons", "-5")]
    [InlineData("SH9121", "--partners", "0")]
    [InlineData("SH9122", "--overlap", "1.5")]
    [InlineData("SH9122", "--overlap", "-0.1")]
    [InlineData("SH9124", "--typo-rate", "2")]
    [InlineData("SH9123", "--partners", "1")]
    public async Task Synth_BadValue_ExitTwoWithCodeAndNothingWritten(string expectedCode, string option, string value)
    {
        var output = Path.Combine(_root, "out");

        var defaults = new Dictionary<string, string> { ["--persons"] = "100", ["--overlap"] = "0.5", [option] = value, ["--out"] = output };

        var (code, stdout, stderr) = await Run(["synth", .. defaults.SelectMany(d => new[] { d.Key, d.Value })]);

        Assert.Equal(2, code);
        Assert.Contains(expectedCode, stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--persons", "many")]
    [InlineData("--typo-rate", "x")]
    public async Task Synth_UnparsableValue_ExitTwoAndNothingWritten(string option, string value)
    {
        var output = Path.Combine(_root, "out");

        var (code, _, stderr) = await Run("synth", option, value, "--out", output);

        Assert.Equal(2, code);
        Assert.NotEmpty(stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Synth_MissingOut_ExitTwo()
    {
        var (code, _, stderr) = await Run("synth", "--persons", "10");

        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_OutIsAFile_ExitTwoAndFileUntouched()
    {
        var file = Path.Combine(_root, "file.txt");
        await File.WriteAllTextAsync(file, "keep");

        var (code, _, stderr) = await Run("synth", "--persons", "10", "--out", file);

        Assert.Equal(2, code);
        Assert.Contains("SH9126", stderr, StringComparison.Ordinal);
        Assert.Equal("keep", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Synth_OutputCannotBeCreated_ExitOneAndNothingLeft()
    {
        var file = Path.Combine(_root, "file.txt");
        await File.WriteAllTextAsync(file, "keep");

        var (code, stdout, stderr) = await Run("synth", "--persons", "10", "--out", Path.Combine(file, "sub"));

        Assert.Equal(1, code);
        Assert.Contains("SH9127", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.Equal(["file.txt"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HubCtlApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using System.Text;
using System.Text.Json;
using SharingHub.HubCtl;
using SharingHub.HubCtl.Commands;

namespace SharingHub.HubCtl.Tests.Commands;

public sealed class ScrubCommandTests : IDisposable
{
    private const string Note = "Op 12-03-2024 meldde mevrouw Jansen dat de heer P. de Vries (geb. 04-11-1978), BSN 111222333, " +
        "met de auto 12-ABC-3 bij Kerkstraat 12a stond. Bel 06-12345678 of mail p.devries@voorbeeld.nl.";

    private static readonly string[] Secrets = ["Jansen", "Vries", "04-11-1978", "111222333", "12-ABC-3", "Kerkstraat", "06-12345678", "voorbeeld.nl"];

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("hubctl-scrub-");

    public void Dispose() => directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(directory.FullName, name);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HubCtlApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Scrub_ValidFile_WritesScrubbedCopyAndExitsZero()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);

        var (exit, output, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("doc.scrubbed.txt"));

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var scrubbed = await File.ReadAllTextAsync(PathOf("doc.scrubbed.txt"));
        Assert.Contains("[BSN-", scrubbed, StringComparison.Ordinal);
        Assert.Contains("mevrouw [PERSOON-", scrubbed, StringComparison.Ordinal);
        Assert.Contains("12-03-2024", scrubbed, StringComparison.Ordinal);
        Assert.All(Secrets, s => Assert.DoesNotContain(s, scrubbed, StringComparison.Ordinal));
        Assert.All(Secrets, s => Assert.DoesNotContain(s, output, StringComparison.Ordinal));
        Assert.StartsWith("scrubbed 8 identifiers", output, StringComparison.Ordinal);
        Assert.Equal(["doc.scrubbed.txt", "doc.txt"], directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scrub_Report_HoldsOffsetsAndTokensButNoValues()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);

        var (exit, _, _) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("out.txt"), "--report", PathOf("findings.json"));

        Assert.Equal(0, exit);
        var json = await File.ReadAllTextAsync(PathOf("findings.json"));
        Assert.All(Secrets, s => Assert.DoesNotContain(s, json, StringComparison.Ordinal));
        using var document = JsonDocument.Parse(json);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(8, findings.Count);
        var bsn = findings.Single(f => f.GetProperty("type").GetString() == "BSN");
        Assert.Equal("111222333", Note.Substring(bsn.GetProperty("start").GetInt32(), bsn.GetProperty("length").GetInt32()));
        Assert.Equal("ephemeral", document.RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Scrub_SameKeyFile_SameTokensAcrossRuns()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);
        Assert.Null(PseudonymiseKeyFile.Create(PathOf("key.txt"), TimeProvider.System));

        Assert.Equal(0, (await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("a.txt"), "--key-file", PathOf("key.txt"))).Exit);
        Assert.Equal(0, (await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("b.txt"), "--key-file", PathOf("key.txt"))).Exit);

        Assert.Equal(await File.ReadAllTextAsync(PathOf("a.txt")), await File.ReadAllTextAsync(PathOf("b.txt")));
    }

    [Fact]
    public async Task Scrub_WithoutKeyFile_TokensDifferBetweenRuns()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);

        Assert.Equal(0, (await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("a.txt"))).Exit);
        Assert.Equal(0, (await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("b.txt"))).Exit);

        // Eight 16-bit token ids: equal by chance with probability 2^-128.
        Assert.NotEqual(await File.ReadAllTextAsync(PathOf("a.txt")), await File.ReadAllTextAsync(PathOf("b.txt")));
    }

    [Fact]
    public async Task Scrub_MissingInput_ExitsOneWithCodeAndWritesNothing()
    {
        var (exit, _, error) = await RunAsync("scrub", "--in", PathOf("missing.txt"), "--out", PathOf("out.txt"));

        Assert.Equal(1, exit);
        Assert.Contains("SH9501", error, StringComparison.Ordinal);
        Assert.Empty(directory.GetFiles());
    }

    [Theory]
    [InlineData("scrub", "--out", "out.txt")]
    [InlineData("scrub", "--in", "doc.txt")]
    [InlineData("scrub", "--in", "doc.txt", "--out", "out.txt", "--bogus")]
    public async Task Scrub_UsageError_ExitsTwo(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Scrub_OutputIsInput_ExitsTwoAndKeepsOriginal()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);

        var (exit, _, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("doc.txt"));

        Assert.Equal(2, exit);
        Assert.Contains("SH9506", error, StringComparison.Ordinal);
        Assert.Equal(Note, await File.ReadAllTextAsync(PathOf("doc.txt")));
    }

    [Fact]
    public async Task Scrub_InvalidUtf8_ExitsOneWithoutEchoingContent()
    {
        await File.WriteAllBytesAsync(PathOf("doc.txt"), [.. Encoding.UTF8.GetBytes("BSN 111222333 "), 0xC3, 0x28]);

        var (exit, output, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("out.txt"));

        Assert.Equal(1, exit);
        Assert.Contains("SH9502", error, StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", error + output, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.txt")));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not a key at all!")]
    [InlineData("")]
    [InlineData("{\"kind\":\"sharinghub-hubctl-key\",\"format\":1,\"secret\":\"c2hvcnQ=\"}")] // 5-byte secret
    [InlineData("{\"kind\":\"other\",\"format\":1,\"secret\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}")]
    [InlineData("{\"kind\":\"sharinghub-hubctl-key\",\"format\":2,\"secret\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}")]
    [InlineData("[1,2,3]")]
    public async Task Scrub_InvalidKeyFile_ExitsOneAndWritesNothing(string keyText)
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);
        await File.WriteAllTextAsync(PathOf("key.txt"), keyText);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PathOf("key.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (exit, _, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("out.txt"), "--key-file", PathOf("key.txt"));

        Assert.Equal(1, exit);
        Assert.Contains("SH9504", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.txt")));
    }

    [Fact]
    public async Task Scrub_KeyFileReadableByOthers_ExitsOneWithCode()
    {
        // Unix file modes only; on Windows the check does not apply and the run succeeds.
        var unix = !OperatingSystem.IsWindows();
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);
        Assert.Null(PseudonymiseKeyFile.Create(PathOf("key.txt"), TimeProvider.System));
        if (unix)
        {
            File.SetUnixFileMode(PathOf("key.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        var (exit, _, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("out.txt"), "--key-file", PathOf("key.txt"));

        Assert.Equal(unix ? 1 : 0, exit);
        Assert.Equal(unix, error.Contains("SH9508", StringComparison.Ordinal));
        Assert.Equal(!unix, File.Exists(PathOf("out.txt")));
    }

    [Fact]
    public async Task Scrub_MissingKeyFile_ExitsOneWithCode()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);

        var (exit, _, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("out.txt"), "--key-file", PathOf("nokey"));

        Assert.Equal(1, exit);
        Assert.Contains("SH9503", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.txt")));
    }

    [Fact]
    public async Task Scrub_ReportInMissingDirectory_WritesNeitherFile()
    {
        await File.WriteAllTextAsync(PathOf("doc.txt"), Note);

        var (exit, _, error) = await RunAsync("scrub", "--in", PathOf("doc.txt"), "--out", PathOf("out.txt"), "--report", PathOf(Path.Combine("no-such-dir", "f.json")));

        Assert.Equal(1, exit);
        Assert.Contains("SH9505", error, StringComparison.Ordinal);
        Assert.Equal(["doc.txt"], directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task Scrub_EmptyPath_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("scrub", "--in", "", "--out", PathOf("out.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("SH9507", error, StringComparison.Ordinal);
    }
}

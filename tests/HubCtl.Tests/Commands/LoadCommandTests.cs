using System.Text.Json;
using Bogus;
using SharingHub.HubCtl;
using SharingHub.HubCtl.Commands;

namespace SharingHub.HubCtl.Tests.Commands;

public sealed class LoadCommandTests
{
    private static LoadOptions Options(int signals = 2500, int batch = 1000, int seed = 7) =>
        new("http://127.0.0.1:9", "client", "secret", "riec", "aanpak-georganiseerde-criminaliteit", ["signaal", "bsn"], signals, batch, 2, seed, Json: false);

    [Theory]
    [InlineData(0.50, 3.0)]
    [InlineData(0.95, 5.0)]
    [InlineData(0.99, 5.0)]
    [InlineData(0.20, 1.0)]
    public void Percentile_NearestRank_OfFiveValues(double p, double expected)
    {
        Assert.Equal(expected, LoadReport.Percentile([1.0, 2.0, 3.0, 4.0, 5.0], p));
    }

    [Fact]
    public void Percentile_NoValues_Zero() => Assert.Equal(0, LoadReport.Percentile([], 0.5));

    [Fact]
    public void CreateBatches_2500By1000_ThreeBatchesOfValidJsonWithTheRightCounts()
    {
        var batches = LoadSignals.CreateBatches(Options());

        Assert.Equal([1000, 1000, 500], batches.Select(b => b.Count));
        foreach (var (body, count) in batches)
        {
            using var document = JsonDocument.Parse(body);
            var signals = document.RootElement.GetProperty("signals");
            Assert.Equal(count, signals.GetArrayLength());
            var first = signals[0];
            Assert.Equal("person", first.GetProperty("subjectType").GetString());
            Assert.Equal(["signaal", "bsn"], first.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Matches("^[0-9]{4}[A-Z]{2}$", first.GetProperty("identifiers").GetProperty("address").GetProperty("postcode").GetString()!);
        }
    }

    [Fact]
    public void CreateBatches_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        var a = LoadSignals.CreateBatches(Options(signals: 50));
        var b = LoadSignals.CreateBatches(Options(signals: 50));
        var c = LoadSignals.CreateBatches(Options(signals: 50, seed: 8));

        Assert.Equal(a[0].Body, b[0].Body);
        Assert.NotEqual(a[0].Body, c[0].Body);
    }

    [Fact]
    public void Bsn_ManySeeds_PassElfproef()
    {
        var random = new Randomizer(42);
        for (var i = 0; i < 2000; i++)
        {
            var bsn = LoadSignals.Bsn(random);
            Assert.Matches("^[1-9][0-9]{8}$", bsn);
            var sum = 0;
            for (var d = 0; d < 8; d++)
            {
                sum += (bsn[d] - '0') * (9 - d);
            }

            Assert.Equal(0, (sum - (bsn[8] - '0')) % 11);
        }
    }

    [Theory]
    [InlineData("--url", "not-a-url")]
    [InlineData("--batch", "1001")]
    [InlineData("--signals", "0")]
    [InlineData("--concurrency", "0")]
    public async Task Run_InvalidOption_UsageErrorSH9801WithoutNetwork(string option, string value)
    {
        var args = new List<string> { "load", "--url", "http://127.0.0.1:9", "--client-id", "c", "--client-secret", "s" };
        var index = args.IndexOf(option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HubCtlApp.RunAsync([.. args], output, error);

        Assert.Equal(HubCtlApp.UsageError, exit);
        Assert.Contains(LoadCommand.InvalidOption, error.ToString(), StringComparison.Ordinal);
    }
}

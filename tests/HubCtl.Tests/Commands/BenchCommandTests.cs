using System.Text.Json;
using SharingHub.HubCtl;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.HubCtl.Tests.Commands;

public sealed class BenchCommandTests
{
    // One short round keeps the test fast; the figures are noisy but their structure and arithmetic are not.
    private static readonly string[] QuickJson = ["bench", "--quick", "--json", "--rounds", "1", "--round-ms", "30"];

    [Fact]
    public async Task Bench_QuickJson_EmitsMachineAndHmacFiguresWithConsistentRatios()
    {
        var (exitCode, output, error) = await RunAsync(QuickJson);

        Assert.Equal(HubCtlApp.Success, exitCode);
        Assert.Equal(string.Empty, error);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;

        var machine = root.GetProperty("machine");
        Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("cpu").GetString()));
        Assert.Equal(Environment.ProcessorCount, machine.GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("os").GetString()));
        Assert.StartsWith(".NET", machine.GetProperty("dotnet").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx512F.IsSupported, machine.GetProperty("avx512").GetBoolean());

        double ours = Positive(root, "hmac_pseudonyms_per_sec_core");
        double oneShot = Positive(root, "hmac_bcl_oneshot_per_sec");
        double reused = Positive(root, "hmac_bcl_reused_per_sec");
        AssertRatio(ours / oneShot, Positive(root, "hmac_ratio_vs_bcl_oneshot"));
        AssertRatio(ours / reused, Positive(root, "hmac_ratio_vs_bcl_reused"));
        Assert.Equal(FastHmacSha256.BestAvailable.ToString(), root.GetProperty("hmac_implementation").GetString());
        Assert.Equal(55, root.GetProperty("hmac_input_bytes").GetInt32());

        // Per-CPU-second figures are reported where the platform gives per-thread CPU time (Linux).
        if (OperatingSystem.IsLinux())
        {
            double oursCpu = Positive(root, "hmac_pseudonyms_per_cpu_sec");
            Positive(root, "hmac_bcl_oneshot_per_cpu_sec");
            Positive(root, "hmac_bcl_reused_per_cpu_sec");
            AssertRatio(ours / oursCpu, Positive(root, "hmac_cpu_share"));
        }
    }

    [Fact]
    public async Task Bench_QuickTable_PrintsEveryFigureWithItsBaseline()
    {
        var (exitCode, output, _) = await RunAsync(["bench", "--quick", "--rounds", "1", "--round-ms", "20"]);

        Assert.Equal(HubCtlApp.Success, exitCode);
        Assert.StartsWith("machine: ", output, StringComparison.Ordinal);
        Assert.Contains("Keyed hashing (HMAC-SHA256)", output, StringComparison.Ordinal);
        Assert.Contains("BCL HMACSHA256.HashData (baseline)", output, StringComparison.Ordinal);
        Assert.Contains("BCL reused IncrementalHash (baseline)", output, StringComparison.Ordinal);
        Assert.Contains("ratio vs one-shot", output, StringComparison.Ordinal);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench", "--no-such-option")]
    [InlineData("bench", "--rounds", "zero")]
    [InlineData("bench", "--rounds", "0")]
    [InlineData("bench", "--round-ms", "-5")]
    public async Task Bench_UsageError_ExitsWithTwo(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(HubCtlApp.UsageError, exitCode);
        Assert.Equal(string.Empty, output.Trim());
        Assert.StartsWith("hubctl: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_RoundsBelowOne_ReportsStableCode()
    {
        var (_, _, error) = await RunAsync(["bench", "--rounds", "0"]);

        Assert.Contains("SH9701", error, StringComparison.Ordinal);
    }

    private static double Positive(JsonElement root, string name)
    {
        double value = root.GetProperty(name).GetDouble();
        Assert.True(value > 0, $"{name} = {value}");
        return value;
    }

    private static void AssertRatio(double expected, double actual) =>
        Assert.InRange(actual, expected * 0.999 - 0.001, expected * 1.001 + 0.001);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await HubCtlApp.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}

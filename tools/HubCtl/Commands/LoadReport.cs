using System.Globalization;
using System.Text.Json;

namespace SharingHub.HubCtl.Commands;

/// <summary>Throughput and latency of one load run.</summary>
internal sealed record LoadReport(
    string Convenant, int Signals, int BatchSize, int Concurrency, int Requests, long Accepted, long Rejected, int FailedRequests,
    double ElapsedSeconds, double SignalsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LoadReport Create(LoadOptions options, int requests, long accepted, long rejected, int failed, TimeSpan elapsed, double[] latencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sorted = latencies.Order().ToArray();
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        return new LoadReport(options.Convenant, options.Signals, options.Batch, options.Concurrency, requests, accepted, rejected, failed,
            Math.Round(seconds, 3), Math.Round(accepted / seconds, 1),
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"""
        convenant {Convenant}: {Accepted} accepted, {Rejected} rejected, {FailedRequests} failed requests of {Requests} ({BatchSize}/batch, concurrency {Concurrency})
        elapsed {ElapsedSeconds:F3} s, {SignalsPerSecond:F0} signals/s
        batch latency ms: p50 {P50Ms:F1}, p95 {P95Ms:F1}, p99 {P99Ms:F1}, max {MaxMs:F1}
        """);
}

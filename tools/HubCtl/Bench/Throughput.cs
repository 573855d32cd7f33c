using System.Diagnostics;

namespace SharingHub.HubCtl.Bench;

/// <summary>Median operations per wall-clock second and per CPU second of the measuring thread (0 when unknown).</summary>
internal readonly record struct Rate(double PerSecond, double PerCpuSecond);

/// <summary>Single-threaded throughput: warm up, run timed rounds with <see cref="Stopwatch"/>, report the median.</summary>
internal static class Throughput
{
    /// <summary>
    /// Operations per second of <paramref name="batch"/>, which performs <paramref name="operationsPerBatch"/>
    /// operations per call. Runs on the calling thread only.
    /// </summary>
    public static Rate Measure(Action batch, int operationsPerBatch, BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(settings);
        RunFor(batch, settings.WarmUp, cancellationToken);
        var rates = new double[settings.Rounds];
        var cpuRates = new double[settings.Rounds];
        for (int round = 0; round < rates.Length; round++)
        {
            var cpuStart = ThreadCpuTime.Now();
            var (calls, elapsed) = RunFor(batch, settings.RoundTime, cancellationToken);
            var cpu = ThreadCpuTime.Now() - cpuStart;
            double operations = calls * (double)operationsPerBatch;
            rates[round] = operations / elapsed.TotalSeconds;
            cpuRates[round] = cpu > TimeSpan.Zero ? operations / cpu.TotalSeconds : 0;
        }

        return new Rate(Median(rates), Median(cpuRates));
    }

    public static double Median(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Array.Sort(values);
        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static (long Calls, TimeSpan Elapsed) RunFor(Action batch, TimeSpan duration, CancellationToken cancellationToken)
    {
        long calls = 0;
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch();
            calls++;
            now = Stopwatch.GetTimestamp();
        }
        while (now < end);

        return (calls, Stopwatch.GetElapsedTime(start, now));
    }
}

using System.Diagnostics;

namespace SharingHub.HubCtl.Bench;

/// <summary>Single-threaded throughput: warm up, run timed rounds with <see cref="Stopwatch"/>, report the median.</summary>
internal static class Throughput
{
    /// <summary>
    /// Operations per second of <paramref name="batch"/>, which performs <paramref name="operationsPerBatch"/>
    /// operations per call. Runs on the calling thread only.
    /// </summary>
    public static double Measure(Action batch, int operationsPerBatch, BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(settings);
        RunFor(batch, settings.WarmUp, cancellationToken);
        var rates = new double[settings.Rounds];
        for (int round = 0; round < rates.Length; round++)
        {
            var (calls, elapsed) = RunFor(batch, settings.RoundTime, cancellationToken);
            rates[round] = calls * (double)operationsPerBatch / elapsed.TotalSeconds;
        }

        return Median(rates);
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

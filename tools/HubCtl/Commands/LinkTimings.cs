using System.Globalization;
using SharingHub.HubCtl.Csv;
using SharingHub.Pseudonymisation.Linkage;

namespace SharingHub.HubCtl.Commands;

/// <summary>One input file after preparation: the pseudonymised set, the ids of unusable rows, or the CSV error.</summary>
internal sealed record LinkPreparedFile(PseudonymisedRecordSet? Set, List<string> Unusable, CsvError? Error);

/// <summary>Stopwatch phase times of one input file (written by its preparing threads, read after they end).</summary>
internal sealed class LinkPhaseTimes
{
    public TimeSpan Read { get; set; }

    public TimeSpan Parse { get; set; }

    public TimeSpan Pseudonymise { get; set; }

    public int Records { get; set; }

    public string Format(string side) => string.Create(
        CultureInfo.InvariantCulture,
        $"{side}: {Records} records; read {Read.TotalSeconds:0.00} s (reader thread, overlapped), parse {Parse.TotalSeconds:0.00} s, pseudonymise+encode {Pseudonymise.TotalSeconds:0.00} s");
}

/// <summary>Phase times of one `hubctl link` run, printed with the hidden `--timings` option (for profiling).</summary>
internal sealed class LinkTimings
{
    public LinkPhaseTimes Left { get; } = new();

    public LinkPhaseTimes Right { get; } = new();

    public TimeSpan Prepare { get; set; }

    public TimeSpan Exact { get; set; }

    public TimeSpan Fuzzy { get; set; }

    public TimeSpan Link { get; set; }

    public TimeSpan Write { get; set; }

    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine("timings: " + Left.Format("left"));
        writer.WriteLine("timings: " + Right.Format("right"));
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"timings: prepare both (wall) {Prepare.TotalSeconds:0.00} s; link {Link.TotalSeconds:0.00} s (exact {Exact.TotalSeconds:0.00} s, fuzzy {Fuzzy.TotalSeconds:0.00} s); write {Write.TotalSeconds:0.00} s; " +
            $"process CPU {Environment.CpuUsage.TotalTime.TotalSeconds:0.0} s; peak working set {PeakWorkingSetMegabytes():0} MB"));
    }

    private static double PeakWorkingSetMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1e6;
    }
}

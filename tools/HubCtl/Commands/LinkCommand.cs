using System.CommandLine;
using System.Security.Cryptography;
using SharingHub.HubCtl.Csv;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Fuzzy;
using SharingHub.Pseudonymisation.Linkage.Preparation;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// `hubctl link --left A.csv --right B.csv --out links.csv [--mode exact|fuzzy|auto] [--threshold T]`.
/// Both files are parsed, pseudonymised and encoded under a random key that lives only for this run; the
/// plaintext rows are dropped before linkage starts, so the linker sees only pseudonymised record sets.
/// </summary>
internal static class LinkCommand
{
    /// <summary>Rows per streamed chunk: large enough to keep both cores busy, small enough to bound plaintext in memory.</summary>
    private const int ReadChunk = 32_768;

    public static Command Create(CommandContext context)
    {
        var left = new Option<FileInfo>("--left") { Description = "Left person-record CSV", Required = true };
        var right = new Option<FileInfo>("--right") { Description = "Right person-record CSV", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Links CSV to write", Required = true };
        var mode = new Option<LinkageMode>("--mode") { Description = "exact, fuzzy or auto (exact, then fuzzy for the rest)", DefaultValueFactory = _ => LinkageMode.Auto };
        var threshold = new Option<double>("--threshold") { Description = "Minimum Dice score of a fuzzy link", DefaultValueFactory = _ => FuzzyOptions.Default.Threshold };
        var timings = new Option<bool>("--timings") { Description = "Print phase timings (profiling)", Hidden = true };
        var command = new Command("link", "Link two person-record files on pseudonymised data only (ephemeral key)")
        {
            left, right, output, mode, threshold, timings,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetRequiredValue(left).FullName,
            parse.GetRequiredValue(right).FullName,
            parse.GetRequiredValue(output).FullName,
            parse.GetValue(mode),
            parse.GetValue(threshold),
            parse.GetValue(timings)));
        return command;
    }

    internal static int Run(CommandContext context, string leftPath, string rightPath, string outPath, LinkageMode mode, double threshold, bool printTimings = false)
    {
        if (double.IsNaN(threshold) || threshold is < 0 or > 1)
        {
            context.Error.WriteLine($"hubctl link: {LinkErrorCodes.InvalidOption}: --threshold must be a number in [0, 1].");
            return HubCtlApp.UsageError;
        }

        var progress = context.IsInteractive ? new ConsoleProgress(context.Error) : null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var timings = new LinkTimings();
        var (leftSet, rightSet, failed) = PrepareBoth(context, leftPath, rightPath, today, progress, timings);
        if (failed)
        {
            return HubCtlApp.CheckFailed;
        }

        var prepared = watch.Elapsed;
        timings.Prepare = prepared;
        progress?.Stage("linking");
        var result = RecordLinker.Link(leftSet!, rightSet!, mode, FuzzyOptions.Default with { Threshold = threshold }, progress);
        timings.Link = watch.Elapsed - prepared;
        timings.Exact = result.ExactTime;
        timings.Fuzzy = result.FuzzyTime;
        try
        {
            AtomicFileWriter.WriteAll(outPath, writer =>
            {
                LinksCsv.WriteHeader(writer);
                foreach (var link in result.Links)
                {
                    var described = RecordLinker.Describe(leftSet!, rightSet!, link);
                    LinksCsv.WriteRecord(writer, new LinkRecord(described.LeftId, described.RightId, described.Score, described.Reason));
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"hubctl link: {LinkErrorCodes.OutputUnwritable}: cannot write {outPath}.");
            return HubCtlApp.CheckFailed;
        }

        progress?.Done();
        var linked = watch.Elapsed - prepared;
        timings.Write = linked - timings.Link;
        var exact = result.Links.Count(l => l.Method == LinkMethod.Exact);
        context.Output.WriteLine(
            $"linked {result.Links.Count} pairs ({exact} exact, {result.Links.Count - exact} fuzzy) of {leftSet!.Count} x {rightSet!.Count} records; " +
            $"{result.Fuzzy?.Comparisons ?? 0} Dice comparisons; read+pseudonymised in {prepared.TotalSeconds:0.0} s, linked+written in {linked.TotalSeconds:0.0} s " +
            $"(exact {result.ExactTime.TotalSeconds:0.00} s, fuzzy {result.FuzzyTime.TotalSeconds:0.00} s); wrote {outPath}");
        if (printTimings)
        {
            timings.WriteTo(context.Output);
        }

        return HubCtlApp.Success;
    }

    private static (PseudonymisedRecordSet? Left, PseudonymisedRecordSet? Right, bool Failed) PrepareBoth(
        CommandContext context, string leftPath, string rightPath, DateOnly today, ConsoleProgress? progress, LinkTimings timings)
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        using var ring = DomainKeyRing.FromSecret("hubctl-link-ephemeral", 1, Guid.NewGuid(), secret, context.Time);
        CryptographicOperations.ZeroMemory(secret);

        // Both files at once: each is streamed in chunks (read on its own thread, parsed and pseudonymised on
        // every core while the next chunk is read), so reading no longer runs alone on one core.
        progress?.Stage("reading and pseudonymising");
        var leftTask = Task.Run(() => PrepareStreamed(ring, leftPath, today, timings.Left));
        var rightTask = Task.Run(() => PrepareStreamed(ring, rightPath, today, timings.Right));
        var left = leftTask.GetAwaiter().GetResult();
        var right = rightTask.GetAwaiter().GetResult();
        var failed = Report(context, leftPath, left) | Report(context, rightPath, right);
        return failed ? (null, null, true) : (left.Set, right.Set, false);
    }

    private static bool Report(CommandContext context, string path, LinkPreparedFile file)
    {
        if (file.Error is not null)
        {
            context.Error.WriteLine($"hubctl link: {Path.GetFileName(path)}: {file.Error}");
            return true;
        }

        if (file.Unusable.Count > 0)
        {
            context.Error.WriteLine(
                $"hubctl link: {LinkErrorCodes.UnusableRecords}: {file.Unusable.Count} record(s) in {Path.GetFileName(path)} have no usable identifier and were not linked: {string.Join(',', file.Unusable)}");
        }

        return false;
    }

    /// <summary>
    /// Reads, parses and pseudonymises one file chunk by chunk: a reader thread fills chunks of rows, this
    /// thread parses and pseudonymises each (on every core) and drops its plaintext before the next.
    /// </summary>
    private static LinkPreparedFile PrepareStreamed(DomainKeyRing ring, string path, DateOnly today, LinkPhaseTimes times)
    {
        using var chunks = new System.Collections.Concurrent.BlockingCollection<List<PersonRecord>>(boundedCapacity: 2);
        CsvError? error = null;
        var reader = Task.Run(() =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                using var records = PersonRecordCsv.OpenReader(path);
                var chunk = new List<PersonRecord>(ReadChunk);
                while (records.TryRead(out var record))
                {
                    chunk.Add(record);
                    if (chunk.Count == ReadChunk)
                    {
                        chunks.Add(chunk);
                        chunk = new List<PersonRecord>(ReadChunk);
                    }
                }

                error = records.Error;
                if (chunk.Count > 0 && error is null)
                {
                    chunks.Add(chunk);
                }
            }
            finally
            {
                chunks.CompleteAdding();
                times.Read = watch.Elapsed;
            }
        });

        var parts = new List<PseudonymisedRecordSet>();
        var unusable = new List<string>();
        var parse = new System.Diagnostics.Stopwatch();
        var pseudonymise = new System.Diagnostics.Stopwatch();
        foreach (var chunk in chunks.GetConsumingEnumerable())
        {
            if (error is not null)
            {
                continue;
            }

            parse.Start();
            var (subjects, chunkUnusable) = LinkInput.Parse(chunk, today);
            parse.Stop();
            unusable.AddRange(chunkUnusable);
            pseudonymise.Start();
            parts.Add(LinkagePreparation.Prepare(ring, subjects));
            pseudonymise.Stop();
        }

        reader.GetAwaiter().GetResult();
        times.Parse = parse.Elapsed;
        times.Pseudonymise = pseudonymise.Elapsed;
        if (error is not null)
        {
            return new LinkPreparedFile(null, unusable, error);
        }

        var set = parts.Count == 0 ? LinkagePreparation.Prepare(ring, []) : PseudonymisedRecordSet.Concat(parts);
        times.Records = set.Count;
        return new LinkPreparedFile(set, unusable, null);
    }
}

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
    public static Command Create(CommandContext context)
    {
        var left = new Option<FileInfo>("--left") { Description = "Left person-record CSV", Required = true };
        var right = new Option<FileInfo>("--right") { Description = "Right person-record CSV", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Links CSV to write", Required = true };
        var mode = new Option<LinkageMode>("--mode") { Description = "exact, fuzzy or auto (exact, then fuzzy for the rest)", DefaultValueFactory = _ => LinkageMode.Auto };
        var threshold = new Option<double>("--threshold") { Description = "Minimum Dice score of a fuzzy link", DefaultValueFactory = _ => FuzzyOptions.Default.Threshold };
        var command = new Command("link", "Link two person-record files on pseudonymised data only (ephemeral key)")
        {
            left, right, output, mode, threshold,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetRequiredValue(left).FullName,
            parse.GetRequiredValue(right).FullName,
            parse.GetRequiredValue(output).FullName,
            parse.GetValue(mode),
            parse.GetValue(threshold)));
        return command;
    }

    internal static int Run(CommandContext context, string leftPath, string rightPath, string outPath, LinkageMode mode, double threshold)
    {
        if (double.IsNaN(threshold) || threshold is < 0 or > 1)
        {
            context.Error.WriteLine($"hubctl link: {LinkErrorCodes.InvalidOption}: --threshold must be a number in [0, 1].");
            return HubCtlApp.UsageError;
        }

        var progress = context.IsInteractive ? new ConsoleProgress(context.Error) : null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var (leftSet, rightSet, failed) = PrepareBoth(context, leftPath, rightPath, today, progress);
        if (failed)
        {
            return HubCtlApp.CheckFailed;
        }

        var prepared = watch.Elapsed;
        progress?.Stage("linking");
        var result = RecordLinker.Link(leftSet!, rightSet!, mode, FuzzyOptions.Default with { Threshold = threshold }, progress);
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
        var exact = result.Links.Count(l => l.Method == LinkMethod.Exact);
        context.Output.WriteLine(
            $"linked {result.Links.Count} pairs ({exact} exact, {result.Links.Count - exact} fuzzy) of {leftSet!.Count} x {rightSet!.Count} records; " +
            $"{result.Fuzzy?.Comparisons ?? 0} Dice comparisons; read+pseudonymised in {prepared.TotalSeconds:0.0} s, linked+written in {linked.TotalSeconds:0.0} s " +
            $"(exact {result.ExactTime.TotalSeconds:0.00} s, fuzzy {result.FuzzyTime.TotalSeconds:0.00} s); wrote {outPath}");
        return HubCtlApp.Success;
    }

    private static (PseudonymisedRecordSet? Left, PseudonymisedRecordSet? Right, bool Failed) PrepareBoth(
        CommandContext context, string leftPath, string rightPath, DateOnly today, ConsoleProgress? progress)
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        using var ring = DomainKeyRing.FromSecret("hubctl-link-ephemeral", 1, Guid.NewGuid(), secret, context.Time);
        CryptographicOperations.ZeroMemory(secret);
        var left = PrepareOne(context, ring, leftPath, today, progress);
        if (left is null)
        {
            return (null, null, true);
        }

        var right = PrepareOne(context, ring, rightPath, today, progress);
        return (left, right, right is null);
    }

    /// <summary>Reads, parses and pseudonymises one file; the plaintext goes out of scope when this returns.</summary>
    private static PseudonymisedRecordSet? PrepareOne(CommandContext context, DomainKeyRing ring, string path, DateOnly today, ConsoleProgress? progress)
    {
        progress?.Stage("reading " + Path.GetFileName(path));
        var read = PersonRecordCsv.ReadAll(path);
        if (!read.IsSuccess)
        {
            context.Error.WriteLine($"hubctl link: {Path.GetFileName(path)}: {read.Error}");
            return null;
        }

        var (subjects, unusable) = LinkInput.Parse(read.Records, today);
        if (unusable.Count > 0)
        {
            context.Error.WriteLine(
                $"hubctl link: {LinkErrorCodes.UnusableRecords}: {unusable.Count} record(s) in {Path.GetFileName(path)} have no usable identifier and were not linked: {string.Join(',', unusable)}");
        }

        progress?.Stage("pseudonymising " + Path.GetFileName(path));
        return LinkagePreparation.Prepare(ring, subjects, progress: progress);
    }
}

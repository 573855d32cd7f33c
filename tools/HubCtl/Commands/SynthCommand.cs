using System.CommandLine;
using System.Globalization;
using SharingHub.HubCtl.Csv;
using SharingHub.HubCtl.Synth;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl synth</c>: synthetic partner files (partner_1.csv … partner_P.csv) and truth.csv. Exit 0 on success,
/// 2 on a usage error (nothing written), 1 when the files cannot be written (nothing left behind).
/// </summary>
internal static class SynthCommand
{
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var persons = new Option<int>("--persons") { Description = "Number of distinct persons (1-10,000,000)", DefaultValueFactory = _ => 10_000 };
        var partners = new Option<int>("--partners") { Description = "Number of partner files (1-99)", DefaultValueFactory = _ => 2 };
        var overlap = new Option<double>("--overlap") { Description = "Fraction of persons that appear in two or more partner files (0-1)", DefaultValueFactory = _ => 0.5 };
        var typoRate = new Option<double>("--typo-rate") { Description = "Probability that a field group of a record is varied (0-1)", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same files", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output directory (created when missing; existing files are replaced)", Required = true };

        var command = new Command("synth", "Generate synthetic Dutch person records for several partners, with realistic variation, and truth.csv")
        {
            persons, partners, overlap, typoRate, seed, output,
        };
        command.SetAction(parse => Run(
            context,
            new SynthOptions(parse.GetValue(persons), parse.GetValue(partners), parse.GetValue(overlap), parse.GetValue(typoRate), parse.GetValue(seed), parse.GetValue(output) ?? string.Empty)));
        return command;
    }

    internal static int Run(CommandContext context, SynthOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            foreach (var (code, message) in errors)
            {
                context.Error.WriteLine($"hubctl synth: {code} {message}");
            }

            return HubCtlApp.UsageError;
        }

        var directory = Path.GetFullPath(options.OutputDirectory);
        var created = !Directory.Exists(directory);
        var started = context.Time.GetTimestamp();
        try
        {
            Directory.CreateDirectory(directory);
            SynthSummary summary;
            using (var files = new AtomicFileSet())
            {
                var progress = context.IsInteractive ? Progress(context, options.Persons) : null;
                summary = new SyntheticDataGenerator(options).Write(name => files.Create(Path.Combine(directory, name)), progress);
                files.Commit();
            }

            if (context.IsInteractive)
            {
                context.Error.WriteLine();
            }

            var elapsed = context.Time.GetElapsedTime(started);
            context.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"synth: {summary.Persons} persons, {summary.PersonsInSeveralPartners} in 2+ files; wrote {string.Join(", ", summary.RecordsPerPartner.Select((n, i) => $"partner_{i + 1}.csv ({n})"))} and truth.csv ({summary.TotalRecords}) to {directory} in {elapsed.TotalSeconds:0.0} s"));
            return HubCtlApp.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (created && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }

            context.Error.WriteLine($"hubctl synth: {SynthErrorCodes.WriteFailed} cannot write to {directory}: {ex.GetType().Name}; nothing was written");
            return HubCtlApp.CheckFailed;
        }
    }

    private static Action<int> Progress(CommandContext context, int total)
    {
        var last = long.MinValue;
        return done =>
        {
            var now = context.Time.GetTimestamp();
            if (done < total && last != long.MinValue && context.Time.GetElapsedTime(last, now) < TimeSpan.FromMilliseconds(250))
            {
                return;
            }

            last = now;
            context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rsynth: {done:N0} / {total:N0} persons ({100.0 * done / total:0}%)"));
        };
    }
}

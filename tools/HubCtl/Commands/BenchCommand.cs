using System.CommandLine;
using System.CommandLine.Parsing;
using SharingHub.HubCtl.Bench;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl bench [--quick] [--json]</c>: single-threaded throughput of the hub's hot paths, each figure next to
/// a baseline measured in the same run and the ratio between them. Hidden options for tests and tuning:
/// <c>--rounds N</c> (timed rounds, median reported) and <c>--round-ms N</c> (length of a round and of the warm-up).
/// Usage errors (SH9701: a value below 1) exit with 2.
/// </summary>
internal static class BenchCommand
{
    /// <summary>A hidden tuning option was below 1.</summary>
    public const string InvalidTuningValue = "SH9701";

    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var quick = new Option<bool>("--quick") { Description = "Short rounds: finishes in seconds, noisier figures" };
        var json = new Option<bool>("--json") { Description = "Write one JSON object instead of a table" };
        var rounds = new Option<int?>("--rounds") { Description = "Timed rounds per figure (median reported)", Hidden = true };
        var roundMs = new Option<int?>("--round-ms") { Description = "Milliseconds per round and warm-up", Hidden = true };
        rounds.Validators.Add(AtLeastOne);
        roundMs.Validators.Add(AtLeastOne);

        var command = new Command("bench", "Quick benchmark: every figure with its in-run baseline and ratio");
        command.Options.Add(quick);
        command.Options.Add(json);
        command.Options.Add(rounds);
        command.Options.Add(roundMs);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = parse.GetValue(quick) ? BenchSettings.Quick : BenchSettings.Full;
            if (parse.GetValue(rounds) is { } roundCount)
            {
                settings = settings with { Rounds = roundCount };
            }

            if (parse.GetValue(roundMs) is { } milliseconds)
            {
                settings = settings with { RoundTime = TimeSpan.FromMilliseconds(milliseconds), WarmUp = TimeSpan.FromMilliseconds(milliseconds) };
            }

            return RunAsync(context, settings, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static void AtLeastOne(OptionResult result)
    {
        // Conversion errors ("zero") are reported by the parser itself; only check values that are numbers.
        if (result.Tokens.Count == 1
            && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value)
            && value < 1)
        {
            result.AddError($"{InvalidTuningValue}: {result.Option.Name} must be at least 1.");
        }
    }

    private static async Task<int> RunAsync(CommandContext context, BenchSettings settings, bool json, CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Current();
        var sections = await MeasureOnDedicatedThread(context, settings, cancellationToken).ConfigureAwait(false);
        string report = json ? BenchReport.ToJson(machine, sections) : BenchReport.ToTable(machine, sections);
        await context.Output.WriteLineAsync(report).ConfigureAwait(false);
        return HubCtlApp.Success;
    }

    /// <summary>Runs every provider on one dedicated thread, so each figure is a single-core figure.</summary>
    private static Task<List<(IBenchFigure Figure, IReadOnlyList<BenchValue> Values)>> MeasureOnDedicatedThread(
        CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<List<(IBenchFigure, IReadOnlyList<BenchValue>)>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var sections = new List<(IBenchFigure, IReadOnlyList<BenchValue>)>();
                foreach (var figure in BenchFigures.All())
                {
                    if (context.IsInteractive)
                    {
                        context.Error.WriteLine($"measuring {figure.Title} ...");
                    }

                    sections.Add((figure, figure.Measure(settings, cancellationToken)));
                }

                completion.SetResult(sections);
            }
            catch (OperationCanceledException)
            {
                completion.SetCanceled(cancellationToken);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                completion.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "hubctl bench",
        };
        thread.Start();
        return completion.Task;
    }
}

using Microsoft.Extensions.Options;
using SharingHub.Hub.Convenants;

namespace SharingHub.Hub.Retention;

/// <summary>
/// Applies every convenant's retention rules on a timer (<see cref="RetentionOptions.Interval"/>, default daily) driven by the
/// injected <see cref="TimeProvider"/>. <see cref="RunOnceAsync"/> is public so tests (and operators) run one pass directly.
/// </summary>
public sealed partial class RetentionJob(
    RetentionService retention, HubConvenants convenants, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    /// <summary>One pass over every convenant this hub runs under; the reports in convenant order (a convenant busy with another run is skipped).</summary>
    public async Task<IReadOnlyList<RetentionReport>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var reports = new List<RetentionReport>();
        foreach (var convenant in convenants.Ids.Order(StringComparer.Ordinal))
        {
            if (await retention.RunAsync(convenant, RetentionActor.Job, cancellationToken).ConfigureAwait(false) is { } report)
            {
                reports.Add(report);
                if (report.Outcome is { ClustersFailed: > 0 } outcome)
                {
                    LogFailures(logger, convenant, outcome.ClustersFailed);
                }
            }
        }

        return reports;
    }

    [LoggerMessage(EventId = 3193, Level = LogLevel.Warning, Message = "Retention under {Convenant}: {Failed} subject clusters failed and were rolled back.")]
    private static partial void LogFailures(ILogger logger, string convenant, int failed);

    [LoggerMessage(EventId = 3194, Level = LogLevel.Error, Message = "Retention pass failed ({Error}); retried at the next interval.")]
    private static partial void LogPassFailed(ILogger logger, string error);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken).ConfigureAwait(false);
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass must not stop the job; the next interval retries (each cluster is all-or-nothing).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, ex.GetType().Name);
            }
        }
    }
}

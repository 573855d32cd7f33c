namespace SharingHub.Hub.Audit;

/// <summary>Starts the audit log before the server accepts requests and drains it (plus a final checkpoint) on shutdown.</summary>
internal sealed class AuditLifecycle(AuditLog log) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => log.StartAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => log.StopAsync();

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Signs a checkpoint every <see cref="AuditOptions.CheckpointInterval"/> while there are new records.</summary>
internal sealed partial class CheckpointSigner(AuditLog log, TimeProvider time, ILogger<CheckpointSigner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(log.Options.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await log.SignCheckpointAsync(stoppingToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failed round is logged and retried on the next tick; the signer must keep running.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogSigningFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(EventId = 3503, Level = LogLevel.Error, Message = "Signing an audit checkpoint failed; retrying on the next tick")]
    private static partial void LogSigningFailed(ILogger logger, Exception exception);
}

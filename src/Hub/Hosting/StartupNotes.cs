namespace SharingHub.Hub.Hosting;

/// <summary>
/// Warnings found while the host is being built (before logging exists), written to the log when the host starts.
/// </summary>
public sealed partial class StartupNotes
{
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings => _warnings;

    public void Warn(string message) => _warnings.Add(message);

    internal sealed partial class Writer(StartupNotes notes, ILogger<StartupNotes> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var warning in notes.Warnings)
            {
                LogWarning(logger, warning);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "{Warning}")]
        private static partial void LogWarning(ILogger logger, string warning);
    }
}

using SharingHub.Hub;
using SharingHub.Hub.Audit.Benchmark;

if (args is [AuditBenchmark.Command, ..])
{
    return await AuditBenchmark.RunAsync(args[1..], Console.Out).ConfigureAwait(false);
}

var app = HubApplication.Build(args);
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Entry point type, public so integration tests can host the hub.</summary>
public partial class Program;

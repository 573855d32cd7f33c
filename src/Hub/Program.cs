using SharingHub.Hub;

var app = HubApplication.Build(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point type, public so integration tests can host the hub.</summary>
public partial class Program;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>A class fixture: one SQLite hub with the standard test partners and clients.</summary>
public sealed class StandardHub : IAsyncLifetime
{
    public HubFactory Factory { get; } = new();

    public async Task InitializeAsync() => await TestAccounts.SeedStandardAsync(Factory.Services);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

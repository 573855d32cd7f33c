using System.Text.Json;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Demo;

/// <summary>
/// Seeds the demo partners, clients and people at start-up (after the database is ready). Idempotent: entries
/// that exist are left alone, so restarting the demo keeps its data. Demo clients are marked <c>IsDemo</c> and
/// refused at the token endpoint outside Development.
/// </summary>
internal sealed partial class DemoSeeder(IServiceScopeFactory scopes, DemoOptions options, ILogger<DemoSeeder> logger) : IHostedLifecycleService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var directory = options.SeedDirectory is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "Demo");
        var partners = await ReadAsync<List<DemoPartner>>(directory, "partners.json", cancellationToken).ConfigureAwait(false);
        var clients = await ReadAsync<DemoClients>(directory, "clients.json", cancellationToken).ConfigureAwait(false);
        var people = await ReadAsync<List<DemoPerson>>(directory, "people.json", cancellationToken).ConfigureAwait(false);

        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var created = 0;
        foreach (var partner in partners)
        {
            created += await accounts.CreatePartnerAsync(partner.Id, partner.Name, partner.PartyType, partner.Roles.Select(ParseRole), cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        foreach (var client in clients.Systems)
        {
            created += await accounts.CreateSystemClientAsync(client.ClientId, client.Partner, client.Secret, client.Scopes, isDemo: true, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        foreach (var portal in clients.Portals)
        {
            created += await accounts.CreatePortalClientAsync(portal.ClientId, portal.RedirectUris, portal.PostLogoutRedirectUris, portal.Scopes, isDemo: true, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        foreach (var person in people)
        {
            created += await accounts.CreatePersonAsync(person.UserName, person.DisplayName, person.Password, person.Partner, person.Roles.Select(ParseRole), cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        LogSeeded(logger, partners.Count, clients.Systems.Count + clients.Portals.Count, people.Count, created);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static ConvenantRole ParseRole(string value) =>
        ConvenantRole.TryParse(value, out var role) ? role.Value : throw new InvalidDataException("Demo seed: '" + value + "' is not a convenant:role.");

    private static async Task<T> ReadAsync<T>(string directory, string file, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(Path.Combine(directory, file));
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("Demo seed file " + file + " is empty.");
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information,
        Message = "Demo seed: {Partners} partners, {Clients} clients, {People} people ({Created} newly created)")]
    private static partial void LogSeeded(ILogger logger, int partners, int clients, int people, int created);
}

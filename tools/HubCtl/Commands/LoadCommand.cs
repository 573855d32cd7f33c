using System.CommandLine;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl load --url URL --client-id ID --client-secret S --convenant C --signals N --batch B --concurrency K [--json]</c>:
/// gets a token, drives the signals batch endpoint with Bogus persons over HTTP, and reports signals/s and request
/// latency percentiles. Exit 0 when every signal was accepted, 1 when any request or item failed, 2 for usage.
/// hubctl codes of this command: SH9801 invalid option, SH9802 token request failed, SH9803 batch request failed.
/// </summary>
internal static class LoadCommand
{
    public const string InvalidOption = "SH9801";
    public const string TokenFailed = "SH9802";
    public const string RequestFailed = "SH9803";

    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = new Option<string>("--url") { Description = "Hub base URL, e.g. http://localhost:5080", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "Client id (client credentials, scope signals)", Required = true };
        var secret = new Option<string>("--client-secret") { Description = "Client secret", Required = true };
        var convenant = new Option<string>("--convenant") { Description = "Convenant id", DefaultValueFactory = _ => "riec" };
        var purpose = new Option<string>("--purpose") { Description = "Purpose id", DefaultValueFactory = _ => "aanpak-georganiseerde-criminaliteit" };
        var categories = new Option<string>("--categories") { Description = "Comma-separated category ids", DefaultValueFactory = _ => "signaal,identificatie,bsn" };
        var signals = new Option<int>("--signals") { Description = "Number of signals", DefaultValueFactory = _ => 10_000 };
        var batch = new Option<int>("--batch") { Description = "Signals per batch request (1-1000)", DefaultValueFactory = _ => 500 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent requests", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("load", "Drive the signals batch API with synthetic signals and report throughput and latency")
        {
            url, clientId, secret, convenant, purpose, categories, signals, batch, concurrency, seed, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new LoadOptions(
                parse.GetValue(url)!, parse.GetValue(clientId)!, parse.GetValue(secret)!, parse.GetValue(convenant)!, parse.GetValue(purpose)!,
                [.. parse.GetValue(categories)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                parse.GetValue(signals), parse.GetValue(batch), parse.GetValue(concurrency), parse.GetValue(seed), parse.GetValue(json));
            return LoadRunner.RunAsync(context, options, cancellationToken);
        });
        return command;
    }
}

/// <summary>The options of one load run.</summary>
internal sealed record LoadOptions(
    string Url, string ClientId, string ClientSecret, string Convenant, string Purpose, IReadOnlyList<string> Categories,
    int Signals, int Batch, int Concurrency, int Seed, bool Json)
{
    public override string ToString() => $"LoadOptions {{ Url = {Url}, ClientId = {ClientId}, Convenant = {Convenant}, Signals = {Signals}, Batch = {Batch}, Concurrency = {Concurrency} }}";

    /// <summary>The first problem with the options, or null.</summary>
    public string? Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "--url must be an absolute http(s) URL";
        }

        if (Signals < 1 || Batch is < 1 or > 1000 || Concurrency is < 1 or > 256)
        {
            return "--signals must be >= 1, --batch 1-1000, --concurrency 1-256";
        }

        return Categories.Count == 0 ? "--categories must name at least one category" : null;
    }
}

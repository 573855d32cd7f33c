using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SharingHub.HubCtl.Commands;

/// <summary>Runs a load: token, pre-built batches, K concurrent senders, then the report.</summary>
internal static class LoadRunner
{
    public static async Task<int> RunAsync(CommandContext context, LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Validate() is { } problem)
        {
            await context.Error.WriteLineAsync($"hubctl: {LoadCommand.InvalidOption} {problem}").ConfigureAwait(false);
            return HubCtlApp.UsageError;
        }

        var baseUri = new Uri(options.Url.TrimEnd('/') + "/");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
        var token = await TokenAsync(http, options, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            await context.Error.WriteLineAsync($"hubctl: {LoadCommand.TokenFailed} the token request was refused (check --client-id, --client-secret and the signals scope)").ConfigureAwait(false);
            return HubCtlApp.CheckFailed;
        }

        var batches = LoadSignals.CreateBatches(options);
        var path = new Uri($"api/v1/convenants/{Uri.EscapeDataString(options.Convenant)}/signals:batch", UriKind.Relative);
        var latencies = new double[batches.Count];
        var accepted = 0L;
        var rejected = 0L;
        var failedRequests = 0;
        string? firstFailure = null;
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(batches[index].Body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failedRequests);
                    Interlocked.CompareExchange(ref firstFailure, $"HTTP {(int)response.StatusCode}: {Code(body)}", null);
                    continue;
                }

                using var document = JsonDocument.Parse(body);
                Interlocked.Add(ref accepted, document.RootElement.GetProperty("accepted").GetInt32());
                Interlocked.Add(ref rejected, document.RootElement.GetProperty("rejected").GetInt32());
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var report = LoadReport.Create(options, batches.Count, accepted, rejected, failedRequests, elapsed, latencies);
        await context.Output.WriteLineAsync(options.Json ? report.ToJson() : report.ToText()).ConfigureAwait(false);
        if (firstFailure is not null)
        {
            await context.Error.WriteLineAsync($"hubctl: {LoadCommand.RequestFailed} {failedRequests} batch request(s) failed; first: {firstFailure}").ConfigureAwait(false);
        }

        return failedRequests == 0 && rejected == 0 ? HubCtlApp.Success : HubCtlApp.CheckFailed;
    }

    private static async Task<string?> TokenAsync(HttpClient http, LoadOptions options, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["scope"] = "signals",
        });
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        return document.RootElement.TryGetProperty("access_token", out var value) ? value.GetString() : null;
    }

    /// <summary>The ProblemDetails code of an error body (never the body itself).</summary>
    private static string Code(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "no code" : "no code";
        }
        catch (JsonException)
        {
            return "no code";
        }
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// Talks to a hub's audit API over HTTP (any <see cref="HttpClient"/>, so tests can pass an in-memory one).
/// Returns null (with a message) on any failure: the caller never treats a failed fetch as success.
/// </summary>
public sealed class AuditHubClient(HttpClient http, Uri baseUri)
{
    private string? _token;

    public string? LastError { get; private set; }

    public void UseToken(string token) => _token = token;

    /// <summary>Gets a token with the <c>audit</c> scope by client credentials.</summary>
    public async Task<bool> AuthenticateAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["scope"] = "audit",
        });
        try
        {
            using var response = await http.PostAsync(new Uri(baseUri, "connect/token"), form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LastError = $"token request failed: HTTP {(int)response.StatusCode}";
                return false;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            _token = json.RootElement.GetProperty("access_token").GetString();
            return _token is not null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or TaskCanceledException)
        {
            LastError = "token request failed: " + e.GetType().Name;
            return false;
        }
    }

    public Task<string?> GetCheckpointAsync(CancellationToken cancellationToken) => GetTextAsync("api/v1/audit/checkpoint", cancellationToken);

    public Task<string?> GetKeyAsync(CancellationToken cancellationToken) => GetTextAsync("api/v1/audit/key", cancellationToken);

    public async Task<IReadOnlyList<byte[]>?> GetConsistencyProofAsync(long from, long to, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(Invariant($"api/v1/audit/proofs/consistency?from={from}&to={to}"), cancellationToken).ConfigureAwait(false);
        return json is null ? null : ReadHashes(json.Value, "proof");
    }

    public async Task<IReadOnlyList<byte[]>?> GetInclusionProofAsync(long index, long size, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(Invariant($"api/v1/audit/proofs/inclusion?index={index}&size={size}"), cancellationToken).ConfigureAwait(false);
        return json is null ? null : ReadHashes(json.Value, "proof");
    }

    /// <summary>Up to <paramref name="count"/> entries from <paramref name="from"/>: (index, leaf hash as served, record bytes).</summary>
    public async Task<IReadOnlyList<(long Index, byte[] LeafHash, byte[] Record)>?> GetEntriesAsync(long from, int count, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(Invariant($"api/v1/audit/entries?from={from}&count={count}"), cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        var entries = new List<(long, byte[], byte[])>();
        try
        {
            foreach (var entry in json.Value.GetProperty("entries").EnumerateArray())
            {
                entries.Add((entry.GetProperty("index").GetInt64(),
                    Convert.FromBase64String(entry.GetProperty("leafHash").GetString() ?? string.Empty),
                    Convert.FromBase64String(entry.GetProperty("record").GetString() ?? string.Empty)));
            }
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            LastError = "entries response is malformed";
            return null;
        }

        return entries;
    }

    public async Task<bool> PostCosignatureAsync(long size, string line, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(baseUri, "api/v1/audit/cosignatures"), new { size, cosignature = line }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LastError = $"POST cosignature: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            }

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e)
        {
            LastError = "POST cosignature failed: " + e.Message;
            return false;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private List<byte[]>? ReadHashes(JsonElement json, string property)
    {
        try
        {
            return json.GetProperty(property).EnumerateArray().Select(e => Convert.FromBase64String(e.GetString() ?? string.Empty)).ToList();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            LastError = "proof response is malformed";
            return null;
        }
    }

    private async Task<string?> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken).ConfigureAwait(false);
        return response is null ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            LastError = path + ": response is not JSON";
            return null;
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, path));
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        try
        {
            var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            LastError = $"{path.Split('?')[0]}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            response.Dispose();
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LastError = $"{path.Split('?')[0]}: {e.Message}";
            return null;
        }
    }
}

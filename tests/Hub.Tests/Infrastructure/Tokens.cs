using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>Talks to the real token endpoint over HTTP.</summary>
internal static class Tokens
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(HttpClient http, string clientId, string secret, string scope)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public static async Task<string> GetAsync(HttpClient http, string clientId, string secret, string scope)
    {
        var (status, body) = await RequestAsync(http, clientId, secret, scope);
        Assert.True(status == HttpStatusCode.OK, "token request failed: " + body);
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<HttpResponseMessage> GetWithTokenAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>
/// Person access tokens through the real authorization-code + PKCE flow: a cookie-keeping client opens /connect/authorize,
/// signs in on the login page, and exchanges the code at /connect/token.
/// </summary>
internal static partial class PersonTokens
{
    /// <summary>The demo portal client (src/Hub/Demo/clients.json).</summary>
    public const string DemoPortal = "demo-portal";

    public static readonly Uri DemoRedirect = new("http://127.0.0.1:5081/callback");

    public static async Task<string> GetAsync(
        HubFactory factory, string userName, string password, string scope, string clientId = DemoPortal, Uri? redirectUri = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var redirect = (redirectUri ?? DemoRedirect).ToString();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "s",
        });
        using var loginPage = await browser.GetAsync(new Uri(authorize, UriKind.Relative));
        var html = await loginPage.Content.ReadAsStringAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Hidden(html, "__RequestVerificationToken")),
            ["returnUrl"] = WebUtility.HtmlDecode(Hidden(html, "returnUrl")),
            ["username"] = userName,
            ["password"] = password,
        });
        using var afterLogin = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        var callback = afterLogin.RequestMessage!.RequestUri!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        if (string.IsNullOrEmpty(code))
        {
            throw new InvalidOperationException($"No authorization code for {userName}: login answered {(int)afterLogin.StatusCode} at {callback.AbsolutePath}.");
        }

        using var api = factory.CreateApiClient();
        using var exchange = await api.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirect,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        }));
        var body = await Tokens.ReadJsonAsync(exchange);
        return body.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("No access token.");
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"", RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("hidden field " + name + " missing");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

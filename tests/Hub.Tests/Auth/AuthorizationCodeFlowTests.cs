using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Auth;

/// <summary>A person signs in through the login page; a browser-like client follows every redirect with cookies.</summary>
public sealed partial class AuthorizationCodeFlowTests(AuthorizationCodeFlowTests.Hub hub) : IClassFixture<AuthorizationCodeFlowTests.Hub>
{
    private const string RedirectUri = "http://localhost/callback";
    private const string Password = "correct horse battery staple";

    public sealed class Hub : IAsyncLifetime
    {
        public HubFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await TestAccounts.SeedStandardAsync(Factory.Services);
            await TestAccounts.SeedAsync(Factory.Services, async accounts =>
            {
                await accounts.CreatePortalClientAsync("portal-test", [new Uri(RedirectUri)], [], ["review", "audit"], isDemo: false);
                await accounts.CreatePersonAsync("fg.test", "FG Test", Password, "gemeente-test", [new("riec", "privacy-officer"), new("zvh", "privacy-officer")]);
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task CodeWithPkce_PersonSignsIn_TokenCarriesPersonRoles()
    {
        using var browser = hub.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        using var loginPage = await browser.GetAsync(AuthorizeUri(challenge));
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        Assert.Equal("/account/login", loginPage.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await loginPage.Content.ReadAsStringAsync();

        using var afterLogin = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), LoginForm(html, "fg.test", Password));
        var callback = afterLogin.RequestMessage!.RequestUri!;
        Assert.Equal("/callback", callback.AbsolutePath);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-123", query["state"].ToString());
        var code = query["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code));

        using var api = hub.Factory.CreateApiClient();
        using var withoutVerifier = await api.PostAsync(new Uri("/connect/token", UriKind.Relative), CodeForm(code, verifier: null));
        Assert.Equal(HttpStatusCode.BadRequest, withoutVerifier.StatusCode);
        using var exchange = await api.PostAsync(new Uri("/connect/token", UriKind.Relative), CodeForm(code, verifier));
        var token = (await Tokens.ReadJsonAsync(exchange)).GetProperty("access_token").GetString();

        using var me = await Tokens.GetWithTokenAsync(api, "/api/v1/me", token);
        var body = await Tokens.ReadJsonAsync(me);
        Assert.Equal("person", body.GetProperty("actorType").GetString());
        Assert.Equal("gemeente-test", body.GetProperty("partner").GetString());
        Assert.Equal(["riec:privacy-officer", "zvh:privacy-officer"],
            body.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("convenant").GetString() + ":" + r.GetProperty("role").GetString()));
        Assert.Equal(["audit", "review"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Login_WrongPassword_401PageWithCodeAndNoSession()
    {
        using var browser = hub.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        using var loginPage = await browser.GetAsync(AuthorizeUri("x" + new string('a', 42)));
        var html = await loginPage.Content.ReadAsStringAsync();

        using var failed = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), LoginForm(html, "fg.test", "wrong password"));
        using var unknownUser = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), LoginForm(html, "nobody", Password));

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Contains(ErrorCodes.LoginFailed, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(await Normalise(failed), await Normalise(unknownUser));
        Assert.False(failed.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sharinghub.login=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Refused()
    {
        using var browser = hub.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "fg.test", ["password"] = Password });
        using var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Location is not null);
    }

    [Theory]
    [InlineData("/connect/authorize?x=1", "/connect/authorize?x=1")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("", null)]
    public void LocalOrNull_ReturnUrl_OnlyLocalPathsKept(string url, string? expected) =>
        Assert.Equal(expected, SharingHub.Hub.Auth.AccountEndpoints.LocalOrNull(url));

    private static Uri AuthorizeUri(string challenge) => new(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = "portal-test",
        ["response_type"] = "code",
        ["redirect_uri"] = RedirectUri,
        ["scope"] = "review audit",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
        ["state"] = "state-123",
    }), UriKind.Relative);

    private static FormUrlEncodedContent LoginForm(string html, string userName, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenValue(html, "__RequestVerificationToken")),
        ["returnUrl"] = WebUtility.HtmlDecode(HiddenValue(html, "returnUrl")),
        ["username"] = userName,
        ["password"] = password,
    });

    private static FormUrlEncodedContent CodeForm(string code, string? verifier)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "portal-test",
        };
        if (verifier is not null)
        {
            fields["code_verifier"] = verifier;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"", RegexOptions.CultureInvariant);
        Assert.True(match.Success, "hidden field " + name + " missing");
        return match.Groups[1].Value;
    }

    private static async Task<string> Normalise(HttpResponseMessage response) =>
        HiddenToken().Replace(await response.Content.ReadAsStringAsync(), "value=\"-\"");

    [GeneratedRegex("value=\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenToken();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

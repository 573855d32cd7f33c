using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Tests.Infrastructure;
using P = SharingHub.Hub.Tests.Cases.CasusPartners;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>A person (procesregisseur via the portal, authorization code + PKCE) moves a casus; the event and audit name the person, never a name.</summary>
public sealed class CasusPersonTests(CasusPersonTests.Hub hub) : IClassFixture<CasusPersonTests.Hub>
{
    private const string RedirectUri = "http://localhost/callback";
    private const string Password = "regie password for tests";

    public sealed class Hub : IAsyncLifetime
    {
        public HubFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await CasusPartners.SeedAsync(Factory.Services);
            await TestAccounts.SeedAsync(Factory.Services, async accounts =>
            {
                await accounts.CreatePortalClientAsync("casus-portal", [new Uri(RedirectUri)], [], ["signals"], isDemo: false);
                await accounts.CreatePersonAsync("regie.person", "Regie Persoon", Password, P.ZvhRegie, [new("zvh", "casusregisseur")]);
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Transition_PersonRegisseur_MovesCasusAndIsRecordedAsPerson()
    {
        using var api = new CasusApi(hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, CasusApiTests.ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        var token = await PersonTokenAsync();
        var size = api.Audit.Size;

        using var http = hub.Factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/zvh/casus/{casus.Id:D}/transitions", UriKind.Relative))
        {
            Content = new StringContent("""{"state":"weighed","phase":"intake"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var step = await api.WithDbAsync(db => db.CasusEvents.SingleAsync(e => e.CasusId == casus.Id && e.ToState == "weighed"));
        Assert.StartsWith("person:", step.Actor, StringComparison.Ordinal);
        Assert.Equal((P.ZvhRegie, "casusregisseur"), (step.PartnerId, step.Role));
        Assert.DoesNotContain("regie.person", step.Actor, StringComparison.Ordinal);
        var record = Assert.Single(await api.AuditSinceAsync(size), r => r.Operation == AuditOperations.CasusTransition);
        Assert.Equal(step.Actor, record.Actor);
    }

    private async Task<string> PersonTokenAsync()
    {
        using var browser = hub.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "casus-portal",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "signals",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "s",
        });
        using var page = await browser.GetAsync(new Uri(authorize, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Hidden(html, "__RequestVerificationToken")),
            ["returnUrl"] = WebUtility.HtmlDecode(Hidden(html, "returnUrl")),
            ["username"] = "regie.person",
            ["password"] = Password,
        });
        using var afterLogin = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), login);
        var code = QueryHelpers.ParseQuery(afterLogin.RequestMessage!.RequestUri!.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code));
        using var api = hub.Factory.CreateApiClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "casus-portal",
            ["code_verifier"] = verifier,
        });
        using var exchange = await api.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        return (await Tokens.ReadJsonAsync(exchange)).GetProperty("access_token").GetString()!;
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"", RegexOptions.CultureInvariant);
        Assert.True(match.Success, "hidden field " + name + " missing");
        return match.Groups[1].Value;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

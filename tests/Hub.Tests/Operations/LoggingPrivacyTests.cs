using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Operations;

/// <summary>
/// Identifiers sent in query strings, paths, token requests, login forms and exception messages never reach the
/// log, even when configuration lowers every level to Debug.
/// </summary>
public sealed class LoggingPrivacyTests
{
    private const string Bsn = "123456782";
    private const string Email = "jan.jansen@example.nl";
    private const string LoginName = "piet.pietersen@example.nl";

    [Fact]
    public async Task Requests_CarryingIdentifiers_NoIdentifierInAnyLogRecord()
    {
        // Configuration asks for Debug everywhere; the hub's code filters must still hold the chatty categories back.
        using var factory = new HubFactory(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging:LogLevel:OpenIddict"] = "Debug",
        });
        await TestAccounts.SeedStandardAsync(factory.Services);
        using var http = factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");

        using (await Tokens.GetWithTokenAsync(http, "/api/v1/me?bsn=" + Bsn + "&email=" + Uri.EscapeDataString(Email), token))
        using (await Tokens.GetWithTokenAsync(http, "/api/v1/convenants/riec/probe/signals?q=" + Bsn, token))
        using (await Tokens.GetWithTokenAsync(http, "/nothing/here/" + Bsn, token))
        using (await Tokens.GetWithTokenAsync(http, "/api/v1/probe/throw", token))
        {
        }

        await Tokens.RequestAsync(http, Email, Bsn, "signals");
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var page = await browser.GetAsync(new Uri("/account/login?ReturnUrl=%2F" + Bsn, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]*)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["username"] = LoginName,
            ["password"] = Bsn,
            ["returnUrl"] = "/" + Bsn,
        });
        using var login = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        var records = factory.Services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(records);
        Assert.Contains(records, r => r.Message.Contains("/api/v1/me", StringComparison.Ordinal));
        foreach (var record in records)
        {
            var text = record.Message + " " + record.Exception + " " + string.Join(' ', record.StructuredState?.Select(p => p.Value) ?? []);
            Assert.DoesNotContain(Bsn, text, StringComparison.Ordinal);
            Assert.DoesNotContain("jan.jansen", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("piet.pietersen", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.HubCtl.Audit;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Scenarios;

/// <summary>
/// Issue 7's end-to-end scenario through the real token endpoint, on the demo seed: under the ZVH convenant a municipality,
/// the police and a care partner submit signals on overlapping persons, with typos; linkage finds them; the case is brought in
/// and worked to the case meeting; the police request disclosure of one subject; the ZVH privacy officer (four-eyes) and a moreel
/// beraad approve with a deliberation record; the disclosure happens with a receipt that verifies offline; the subject-access
/// report lists it; `hubctl audit verify` passes over the whole log. Wrong purpose, reporter identity and an expired convenant
/// are denied with the clause that decides.
/// </summary>
public sealed class ZvhScenarioTests : IDisposable
{
    private const string Convenant = "zvh";
    private const string Purpose = "complexe-casuistiek";
    private static readonly Dictionary<string, string?> Demo = new() { ["Demo:Enabled"] = "true", ["Linkage:Enabled"] = "false" };

    // Sanne de Vries (a minor) is known to all three; the police misspell her surname and give no BSN, so only
    // fuzzy linkage connects their signal (they also note a house-number suffix, so no exact match key agrees). The care partner gives no BSN but the same address and date of birth.
    private const string SanneGemeente = """
        {"subjectType":"person","identifiers":{"bsn":"111222333","givenNames":"Sanne","surnamePrefix":"de","surname":"Vries","dateOfBirth":"2011-03-14",
          "address":{"postcode":"6211 AB","houseNumber":"12","street":"Grote Staat","city":"Maastricht"}},
         "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie","bsn"],"phase":"signal","isMinor":true,
         "summary":"Schoolverzuim en zorgen over de thuissituatie."}
        """;

    private const string SannePolitie = """
        {"subjectType":"person","identifiers":{"givenNames":"Sanne","surnamePrefix":"de","surname":"Vris","dateOfBirth":"2011-03-14",
          "address":{"postcode":"6211 AB","houseNumber":"12","suffix":"A"}},
         "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie"],"phase":"signal","isMinor":true,
         "summary":"Betrokken bij een incident in het centrum."}
        """;

    private const string SanneZorg = """
        {"subjectType":"person","identifiers":{"givenNames":"Sanne","surnamePrefix":"de","surname":"Vries","dateOfBirth":"2011-03-14",
          "address":{"postcode":"6211AB","houseNumber":"12"}},
         "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie"],"phase":"signal","isMinor":true}
        """;

    private const string OtherPerson = """
        {"subjectType":"person","identifiers":{"bsn":"123456782","givenNames":"Mohamed","surname":"El Amrani","dateOfBirth":"1990-07-01"},
         "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie","bsn"],"phase":"signal"}
        """;

    private readonly string _data = TempDirectory.Create("scenario");
    private readonly string _scratch = TempDirectory.Create("scenario-files");

    public void Dispose()
    {
        TempDirectory.Delete(_data);
        TempDirectory.Delete(_scratch);
    }

    [Fact]
    public async Task ZvhScenario_SignalsLinkedReviewedAndDisclosed_DisclosureReceiptVerifiesAndIsReported()
    {
        using var hub = new HubFactory(Demo, _data);
        using var http = hub.CreateApiClient();
        var gemeente = await Tokens.GetAsync(http, "demo-gemeente", "demo-secret-gemeente", "signals linkage requests");
        var politie = await Tokens.GetAsync(http, "demo-politie", "demo-secret-politie", "signals linkage requests");
        var zorg = await Tokens.GetAsync(http, "demo-zorgpartner", "demo-secret-zorgpartner", "signals linkage requests");
        var zvh = await Tokens.GetAsync(http, "demo-zvh", "demo-secret-zvh", "signals linkage requests");

        // 1. Three partners submit; the municipality also about someone else.
        var gemeenteRef = await SubmitAsync(http, gemeente, SanneGemeente);
        var politieRef = await SubmitAsync(http, politie, SannePolitie);
        var zorgRef = await SubmitAsync(http, zorg, SanneZorg);
        var otherRef = await SubmitAsync(http, gemeente, OtherPerson);
        Assert.Equal(4, new[] { gemeenteRef, politieRef, zorgRef, otherRef }.Distinct().Count());

        // 2. Linkage: exact keys joined the care partner's signal at ingress; the background linker joins the police's typo.
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            var linked = await scope.ServiceProvider.GetRequiredService<SubjectLinker>().RunOnceAsync(CancellationToken.None);
            Assert.True(linked.Merges == 1, linked.ToString());
        }

        // 3. The municipality brings the case in; the ZVH process director weighs it and moves it to intake.
        using var created = await SendAsync(http, HttpMethod.Post, "/api/v1/convenants/zvh/casus", gemeente, new { subjectRef = gemeenteRef });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var casusId = (await Tokens.ReadJsonAsync(created)).GetProperty("id").GetString()!;
        await TransitionAsync(http, zvh, casusId, new { state = "weighed", phase = "intake" });
        using var casus = await SendAsync(http, HttpMethod.Get, $"/api/v1/convenants/zvh/casus/{casusId}", zvh, null);
        Assert.Equal(HttpStatusCode.OK, casus.StatusCode);
        var zvhRef = (await Tokens.ReadJsonAsync(casus)).GetProperty("subjectRef").GetString()!;

        // 4. Hit/no-hit, the least intrusive step: which partner roles know her, no content.
        using var hits = await SendAsync(http, HttpMethod.Get, $"/api/v1/convenants/zvh/subjects/{zvhRef}/hits", zvh, null);
        Assert.Equal(HttpStatusCode.OK, hits.StatusCode);
        var hitBody = await hits.Content.ReadAsStringAsync();
        var partners = JsonDocument.Parse(hitBody).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("partner").GetString()).ToList();
        Assert.True(partners.Contains("gemeente-maastricht"), hitBody);
        Assert.True(partners.Contains("politie-limburg"), hitBody);
        Assert.True(partners.Contains("zorgpartner-mondriaan"), hitBody);
        Assert.DoesNotContain("Sanne", hitBody, StringComparison.Ordinal);

        // 5. To the case meeting (multidisciplinary local approach).
        await TransitionAsync(http, zvh, casusId, new { state = "local-multi", phase = "analysis" });
        await TransitionAsync(http, zvh, casusId, new { phase = "case-meeting" });

        // 6. The police ask for her name and date of birth, identified, for the case meeting.
        using var request = await SendAsync(http, HttpMethod.Post, "/api/v1/convenants/zvh/access-requests", politie, new
        {
            subjectRef = politieRef,
            purpose = Purpose,
            categories = new[] { "identificatie" },
            fields = new[] { "naam", "geboortedatum" },
            mode = "identified",
            counterpart = "zvh",
            necessity = "Voor het casusoverleg moet de wijkagent weten om welk kind het gaat om het incident aan de juiste casus te koppelen.",
            proportionality = "Alleen naam en geboortedatum, geen adres of BSN; de gegevens worden alleen in het casusoverleg gebruikt.",
            subsidiarity = "Het eigen politiesysteem geeft geen eenduidige identificatie door de verkeerd gespelde achternaam in de registratie.",
        });
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        var requestBody = await Tokens.ReadJsonAsync(request);
        var requestId = requestBody.GetProperty("id").GetString()!;
        Assert.Equal("pending-review", requestBody.GetProperty("status").GetString());
        var gates = requestBody.GetProperty("requiredGates").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("four-eyes", gates);
        Assert.Contains("moreel-beraad", gates);

        // Not yet granted: nothing to disclose.
        using var early = await SendAsync(http, HttpMethod.Get, $"/api/v1/access-requests/{requestId}/disclosure", politie, null);
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);

        // 7. The ZVH privacy officer (another party than the police) gives the four-eyes approval.
        var privacyOfficer = await PersonTokens.GetAsync(hub, "po.zvh", "demo-password-po", "review audit");
        using var fourEyes = await SendAsync(http, HttpMethod.Post, $"/api/v1/access-requests/{requestId}/reviews", privacyOfficer, new
        {
            gate = "four-eyes",
            verdict = "approve",
            motivation = "Noodzaak en proportionaliteit zijn voldoende onderbouwd; alleen naam en geboortedatum voor het casusoverleg.",
        });
        Assert.Equal(HttpStatusCode.Created, fourEyes.StatusCode);

        // 8. The moreel beraad deliberates and records its decision.
        var facilitator = await PersonTokens.GetAsync(hub, "facilitator.zvh", "demo-password-facilitator", "review");
        using var beraad = await SendAsync(http, HttpMethod.Post, $"/api/v1/access-requests/{requestId}/reviews", facilitator, new
        {
            gate = "moreel-beraad",
            verdict = "approve",
            motivation = "Het beraad weegt de bescherming van het kind zwaarder dan het bezwaar van gegevensdeling met de politie.",
            deliberation = new
            {
                dilemma = "Delen we de identiteit van een minderjarige met de politie voor het casusoverleg, of laten we de koppeling aan het incident achterwege?",
                facts = "Drie partners kennen het kind; de politie registreerde een incident met een verkeerd gespelde naam.",
                values = new[] { "bescherming van het kind", "privacy van het kind en het gezin", "effectieve hulp" },
                options = new[]
                {
                    new { option = "niet delen", assessment = "Het incident blijft los van de zorgcasus; risico op versnipperde hulp." },
                    new { option = "naam en geboortedatum delen", assessment = "Minimale gegevens, alleen voor het casusoverleg, met termijn." },
                },
                decision = "Naam en geboortedatum delen voor het casusoverleg, met een termijn van dertig dagen.",
                dissent = "Eén deelnemer had liever eerst toestemming van de ouders gevraagd.",
                participants = new[] { "facilitator.zvh", "po.zvh", "regisseur.zvh" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, beraad.StatusCode);
        Assert.Equal("granted", (await Tokens.ReadJsonAsync(beraad)).GetProperty("status").GetString());

        // 9. The disclosure: exactly the granted fields, with a receipt.
        using var disclosure = await SendAsync(http, HttpMethod.Get, $"/api/v1/access-requests/{requestId}/disclosure", politie, null);
        Assert.Equal(HttpStatusCode.OK, disclosure.StatusCode);
        var disclosed = await disclosure.Content.ReadAsStringAsync();
        var fields = JsonDocument.Parse(disclosed).RootElement.GetProperty("fields");
        Assert.Contains("Sanne", fields.GetProperty("naam").ToString(), StringComparison.Ordinal);
        Assert.Contains("2011-03-14", fields.GetProperty("geboortedatum").ToString(), StringComparison.Ordinal);
        Assert.False(fields.TryGetProperty("bsn", out _));
        Assert.DoesNotContain("111222333", disclosed, StringComparison.Ordinal);
        Assert.DoesNotContain("6211", disclosed, StringComparison.Ordinal);
        var receipt = JsonDocument.Parse(disclosed).RootElement.GetProperty("receipt").GetString()!;

        // 10. The receipt verifies offline, and the whole log verifies.
        var log = hub.Services.GetRequiredService<AuditLog>();
        var receiptFile = Path.Combine(_scratch, "receipt.txt");
        await File.WriteAllTextAsync(receiptFile, receipt);
        var (receiptCode, receiptOut, receiptErr) = await CliAsync(hub, ["verify", "--receipt", receiptFile, "--key", log.VerifierKey]);
        Assert.True(receiptCode == 0, receiptOut + receiptErr);
        var (verifyCode, verifyOut, verifyErr) = await CliAsync(hub, ["verify", "--url", "http://localhost/", "--key", log.VerifierKey, "--full",
            "--token", privacyOfficer, "--state", Path.Combine(_scratch, "verifier.state")]);
        Assert.True(verifyCode == 0, verifyOut + verifyErr);

        // 11. The subject-access report (asked by the ZVH privacy officer with the ZVH bureau's own reference) lists the disclosure
        // with recipient, purpose and approvers.
        using var report = await SendAsync(http, HttpMethod.Get, $"/api/v1/audit/subjects/{zvhRef}/disclosures", privacyOfficer, null);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var reportText = await report.Content.ReadAsStringAsync();
        Assert.True(reportText.Contains("politie-limburg", StringComparison.Ordinal), reportText);
        Assert.Contains(Purpose, reportText, StringComparison.Ordinal);
        Assert.Contains("po.zvh", reportText, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanne", reportText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZvhScenario_WrongPurposeAndReporterIdentity_DeniedWithTheirClauses()
    {
        using var hub = new HubFactory(Demo, _data);
        using var http = hub.CreateApiClient();
        var politie = await Tokens.GetAsync(http, "demo-politie", "demo-secret-politie", "signals requests");
        var politieRef = await SubmitAsync(http, politie, SannePolitie);

        using var wrongPurpose = await RequestAsync(http, politie, politieRef, "opsporing", ["identificatie"], ["naam"]);
        using var reporter = await RequestAsync(http, politie, politieRef, Purpose, ["melder"], ["melder-naam"]);

        await AssertDeniedAsync(wrongPurpose, "ZVH-P-05");
        await AssertDeniedAsync(reporter, "ZVH-X-01");
    }

    [Fact]
    public async Task ZvhScenario_AfterTheConvenantExpired_RequestDeniedWithTheConvenantClause()
    {
        var time = new TestClock(TimeProvider.System.GetUtcNow());
        using var hub = new HubFactory(new Dictionary<string, string?>(Demo) { ["Retention:Enabled"] = "false" }, _data,
            services: s => s.AddSingleton<TimeProvider>(time));
        using var http = hub.CreateApiClient();
        var politie = await Tokens.GetAsync(http, "demo-politie", "demo-secret-politie", "signals requests");
        var politieRef = await SubmitAsync(http, politie, SannePolitie);

        time.SetUtcNow(new DateTimeOffset(2029, 3, 2, 0, 0, 0, TimeSpan.Zero));
        var later = await Tokens.GetAsync(http, "demo-politie", "demo-secret-politie", "requests");
        using var expired = await RequestAsync(http, later, politieRef, Purpose, ["identificatie"], ["naam"]);

        await AssertDeniedAsync(expired, "ZVH-I-01");
    }

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient http, string token, string subjectRef, string purpose, string[] categories, string[] fields) =>
        await SendAsync(http, HttpMethod.Post, "/api/v1/convenants/zvh/access-requests", token, new
        {
            subjectRef,
            purpose,
            categories,
            fields,
            mode = "pseudonymised",
            necessity = "Voor het casusoverleg is nodig te weten welke partners deze persoon kennen en waarom.",
            proportionality = "Alleen de genoemde velden, alleen voor het casusoverleg, met een korte termijn.",
            subsidiarity = "Er is geen minder ingrijpende manier: de eigen registratie geeft hier geen antwoord op.",
        });

    private static async Task AssertDeniedAsync(HttpResponseMessage response, string clause)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.True(json.GetProperty("code").GetString() == "SH3150", body);
        Assert.True(json.GetProperty("clauses").EnumerateArray().Any(c => c.GetString() == clause), body);
    }

    private static async Task<string> SubmitAsync(HttpClient http, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/convenants/zvh/signals")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("subjectRef").GetString()!;
    }

    private static async Task TransitionAsync(HttpClient http, string token, string casusId, object body)
    {
        using var response = await SendAsync(http, HttpMethod.Post, $"/api/v1/convenants/zvh/casus/{casusId}/transitions", token, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private static async Task<(int Code, string Output, string Error)> CliAsync(HubFactory hub, string[] args)
    {
        using var http = hub.CreateApiClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AuditCli.RunAsync(args, output, error, http, TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }
}

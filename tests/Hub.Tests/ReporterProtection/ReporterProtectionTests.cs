using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Disclosure;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Hub.Tests.Signals;
using P = SharingHub.Hub.Tests.Disclosure.DisclosurePartners;

namespace SharingHub.Hub.Tests.ReporterProtection;

/// <summary>
/// Issue 7 item 7: the identity of a melder can never come back. Signals WITH a reporter go in under ZVH and PmG; then every
/// path that returns data is tried and each response body is scanned for every string that identifies a reporter (names,
/// BSN, phone in both forms, e-mail): disclosure and export (also under grant rows that name the melder category or fields),
/// the signal documents endpoints, the subject-access report, the audit entries, the hit/no-hit endpoint, access requests
/// for melder categories and the access-request view; finally the SQLite files, the document store and the captured logs.
/// Endpoints another part of issue 7 adds (hits, access requests, casus) may not exist yet on this branch: a 404 is then
/// accepted, and the same scan applies to their real answers once they are there.
/// </summary>
public sealed class ReporterProtectionTests(ReporterProtectionTests.Scenario scenario) : IClassFixture<ReporterProtectionTests.Scenario>
{
    private HubFactory Factory => scenario.Hub.Factory;

    [Fact]
    public async Task Disclosure_AllIdentityFieldsGranted_SubjectDisclosedReporterNever()
    {
        using var http = Factory.CreateApiClient();
        foreach (var (token, grant, subject) in await scenario.GrantsAsync(http))
        {
            foreach (var format in new[] { "json", "csv" })
            {
                using var response = await DisclosureApi.DiscloseAsync(http, token, grant.ToString(), format);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, text);
                Assert.Contains(subject, text, StringComparison.Ordinal);
                scenario.AssertNoReporter(text, $"disclosure {format}");
            }
        }
    }

    [Fact]
    public async Task Disclosure_GrantRowsNamingTheMelder_403ReporterIdentityAndNoReporterData()
    {
        using var http = Factory.CreateApiClient();
        foreach (var (token, request) in await scenario.MelderGrantsAsync(http))
        {
            foreach (var format in new[] { "json", "csv" })
            {
                using var response = await DisclosureApi.DiscloseAsync(http, token, request.ToString(), format);
                var text = await response.Content.ReadAsStringAsync();
                await DisclosureApi.AssertProblemAsync(response, HttpStatusCode.Forbidden, DisclosureErrorCodes.ReporterIdentity);
                scenario.AssertNoReporter(text, "melder grant " + format);
            }
        }
    }

    [Fact]
    public async Task SignalsAndDocuments_EveryResponse_NoReporterData()
    {
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Gemeente, "signals");
        scenario.AssertNoReporter(scenario.SubmitResponses, "signal submission responses");
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/zvh/signals/{scenario.ZvhSignal}/documents", UriKind.Relative)))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var content = new MultipartFormDataContent();
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes("Verslag van het huisbezoek."));
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
            content.Add(part, "file", "verslag.txt");
            request.Content = content;
            using var upload = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            scenario.AssertNoReporter(await upload.Content.ReadAsStringAsync(), "document upload");
        }

        foreach (var path in new[]
        {
            $"/api/v1/convenants/zvh/signals/{scenario.ZvhSignal}/documents",
            $"/api/v1/convenants/zvh/signals/{scenario.ZvhSignal}",
            $"/api/v1/convenants/zvh/signals/{scenario.ZvhSignal}/reporter",
        })
        {
            using var response = await Tokens.GetWithTokenAsync(http, path, token);
            Assert.False(response.IsSuccessStatusCode && path.EndsWith("/reporter", StringComparison.Ordinal), "a reporter endpoint answered");
            scenario.AssertNoReporter(await response.Content.ReadAsStringAsync(), path);
        }
    }

    [Fact]
    public async Task SubjectAccessReportAndAuditEntries_PrivacyOfficer_NoReporterData()
    {
        using var http = Factory.CreateApiClient();
        foreach (var (token, grant, _) in await scenario.GrantsAsync(http))
        {
            using var disclosed = await DisclosureApi.DiscloseAsync(http, token, grant.ToString());
            Assert.Equal(HttpStatusCode.OK, disclosed.StatusCode);
        }

        var officer = await DisclosureApi.PersonTokenAsync(Factory, P.OfficerUser, P.OfficerPassword);
        foreach (var anchor in scenario.Anchors)
        {
            foreach (var format in new[] { "json", "csv" })
            {
                using var report = await Tokens.GetWithTokenAsync(http, $"/api/v1/audit/subjects/{anchor}/disclosures?format={format}", officer);
                var text = await report.Content.ReadAsStringAsync();
                Assert.True(report.StatusCode == HttpStatusCode.OK, text);
                Assert.Contains("disclosure", text, StringComparison.Ordinal);
                scenario.AssertNoReporter(text, "subject-access report " + format);
            }
        }

        // The reporter's sealed vault id is no subject reference: the report refuses it.
        using (var melder = await Tokens.GetWithTokenAsync(http, $"/api/v1/audit/subjects/melder-{scenario.ZvhSignal:N}/disclosures", officer))
        {
            Assert.Equal(HttpStatusCode.BadRequest, melder.StatusCode);
            scenario.AssertNoReporter(await melder.Content.ReadAsStringAsync(), "report for melder vault id");
        }

        var records = new StringBuilder();
        long from = 0;
        long size;
        do
        {
            using var page = await Tokens.GetWithTokenAsync(http, $"/api/v1/audit/entries?from={from}&count=1000", officer);
            var text = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, text);
            scenario.AssertNoReporter(text, "audit entries page");
            var body = JsonDocument.Parse(text).RootElement;
            size = body.GetProperty("treeSize").GetInt64();
            foreach (var entry in body.GetProperty("entries").EnumerateArray())
            {
                records.Append(Encoding.UTF8.GetString(Convert.FromBase64String(entry.GetProperty("record").GetString()!))).Append('\n');
                from++;
            }
        }
        while (from < size);

        Assert.Contains("signal.submitted", records.ToString(), StringComparison.Ordinal);
        scenario.AssertNoReporter(records.ToString(), "audit records");
    }

    [Fact]
    public async Task HitsAccessRequestsAndCasus_MelderCategories_DeniedOrAbsentNeverReporterData()
    {
        using var http = Factory.CreateApiClient();
        foreach (var (convenant, client, reference, purpose, clause) in scenario.Requesters)
        {
            var token = await DisclosureApi.TokenAsync(http, client, "signals requests linkage");
            using (var hits = await Tokens.GetWithTokenAsync(http, $"/api/v1/convenants/{convenant}/subjects/{reference}/hits", token))
            {
                Assert.True(hits.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"hits answered {(int)hits.StatusCode}");
                scenario.AssertNoReporter(await hits.Content.ReadAsStringAsync(), "hits " + convenant);
            }

            var body = JsonSerializer.Serialize(new
            {
                subjectRef = reference,
                purpose,
                categories = new[] { "melder" },
                fields = new[] { "melder-naam", "melder-contact" },
                mode = "pseudonymised", // the reporter prohibition decides; identified mode is refused earlier on the category itself (Requests tests)
                necessity = "Wij willen weten wie de melding deed om de melder te kunnen horen als getuige in het casusoverleg.",
                proportionality = "Alleen naam en contactgegevens van de melder, geen andere gegevens van de melder of de betrokkene.",
                subsidiarity = "Er is geen andere manier om de melder te bereiken dan via de aanbrengende partner en die weigert.",
            });
            using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/{convenant}/access-requests", UriKind.Relative)))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"melder request answered {(int)response.StatusCode}: {text}");
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    Assert.Contains(clause, text, StringComparison.Ordinal);
                }

                scenario.AssertNoReporter(text, "melder access request " + convenant);
            }

            foreach (var path in new[] { $"/api/v1/convenants/{convenant}/casus", $"/api/v1/convenants/{convenant}/access-requests?status=pending-review" })
            {
                using var response = await Tokens.GetWithTokenAsync(http, path, token);
                scenario.AssertNoReporter(await response.Content.ReadAsStringAsync(), path);
            }
        }

        foreach (var (token, request) in await scenario.MelderGrantsAsync(http))
        {
            using var view = await Tokens.GetWithTokenAsync(http, $"/api/v1/access-requests/{request}", token);
            Assert.True(view.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"request view answered {(int)view.StatusCode}");
            scenario.AssertNoReporter(await view.Content.ReadAsStringAsync(), "access request view");
        }
    }

    [Fact]
    public async Task ReporterAsSubjectOfAnotherSignal_NeverLinkedToTheReportedSignals()
    {
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "signals");
        var reporter = scenario.Reporters[0];
        var (signal, reference) = await DisclosureApi.SubmitAsync(http, token, P.Convenant,
            $$"""
            {"subjectType":"person","identifiers":{"bsn":"{{reporter.Bsn}}","givenNames":"{{reporter.Given}}","surname":"{{reporter.Surname}}","dateOfBirth":"1975-03-09"},
             "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie","bsn"],"phase":"signal"}
            """);
        var subject = await DisclosureApi.ResolveAsync(Factory, P.Convenant, P.PolitiePartner, reference);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal([signal], await db.Signals.Where(s => s.SubjectId == subject.Id).Select(s => s.Id).ToListAsync());
        Assert.DoesNotContain(subject.Anchor, scenario.Anchors);
        Assert.Equal(0, await db.Subjects.CountAsync(s => s.MergedIntoId == subject.Id));
    }

    [Fact]
    public async Task Storage_SqliteFilesDocumentsAndLogs_NoReporterPlaintext()
    {
        using (var http = Factory.CreateApiClient())
        {
            foreach (var (token, grant, _) in await scenario.GrantsAsync(http))
            {
                using var disclosed = await DisclosureApi.DiscloseAsync(http, token, grant.ToString(), "csv");
                Assert.Equal(HttpStatusCode.OK, disclosed.StatusCode);
            }
        }

        // Control: the scan does find a reporter where one is.
        foreach (var reporter in scenario.Reporters)
        {
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => scenario.AssertNoReporter(TestPeople.ReporterJson(reporter), "control"));
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => scenario.AssertNoReporter("tel. +31" + reporter.Phone[1..], "control"));
        }

        SqliteConnection.ClearAllPools();
        var database = new StringBuilder();
        foreach (var file in Directory.GetFiles(Factory.DataDirectory, "*.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            database.Append(Encoding.Latin1.GetString(bytes)).Append('\n').Append(Encoding.UTF8.GetString(bytes)).Append('\n');
        }

        Assert.True(database.Length > 10_000, "the database scan read almost nothing");
        scenario.AssertNoReporter(database.ToString(), "SQLite files");
        scenario.AssertNoReporter(await SignalApi.DocumentsTextAsync(Factory), "document store");
        var logs = string.Join('\n', Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Select(r => r.Message + " " + r.Exception + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        Assert.True(logs.Length > 1000, "no logs were captured");
        scenario.AssertNoReporter(logs, "captured logs");
    }

    /// <summary>One SQLite hub with ZVH and PmG signals that carry reporters, and grants for their subjects.</summary>
    public sealed class Scenario : IAsyncLifetime
    {
        private readonly List<(string Client, Guid Request, string Subject)> _grants = [];
        private readonly List<(string Client, Guid Request)> _melderGrants = [];

        public SqliteDisclosureHub Hub { get; } = new();

        internal List<Reporter> Reporters { get; } = [];

        public List<string> Anchors { get; } = [];

        public Guid ZvhSignal { get; private set; }

        public string SubmitResponses { get; private set; } = string.Empty;

        /// <summary>(convenant, client, its own subject reference, purpose, the melder prohibition clause).</summary>
        public List<(string Convenant, string Client, string Reference, string Purpose, string Clause)> Requesters { get; } = [];

        public async Task InitializeAsync()
        {
            await Hub.InitializeAsync();
            var factory = Hub.Factory;
            using var http = factory.CreateApiClient();
            var responses = new StringBuilder();

            // ZVH: the municipality reports a person, with a reporter; the police reports the same person.
            var zvhReporter = TestPeople.NewReporter();
            var politieReporter = TestPeople.NewReporter();
            Reporters.Add(zvhReporter);
            Reporters.Add(politieReporter);
            var zvhSubject = TestPeople.Name("Subjectzvh");
            var bsn = TestPeople.Bsn();
            var gemeente = await DisclosureApi.TokenAsync(http, P.Gemeente, "signals");
            var politie = await DisclosureApi.TokenAsync(http, P.Politie, "signals");
            var address = """"
                "address":{"postcode":"6211AB","houseNumber":"7","street":"Markt","city":"Maastricht"}
                """";
            var (zvhSignal, zvhReference) = await DisclosureApi.SubmitAsync(http, gemeente, "zvh",
                DisclosureApi.ZvhPerson(bsn, "Karin", zvhSubject, "1984-02-11", TestPeople.ReporterJson(zvhReporter), address));
            var (_, politieReference) = await DisclosureApi.SubmitAsync(http, politie, "zvh",
                DisclosureApi.ZvhPerson(bsn, "Karin", zvhSubject, "1984-02-11", TestPeople.ReporterJson(politieReporter)));
            responses.Append(zvhReference).Append(politieReference);
            ZvhSignal = zvhSignal;
            await DisclosureApi.SealContentAsync(factory, zvhSignal, new Dictionary<string, string> { ["aanmeldreden"] = "Vervuilde woning, zorgen om kinderen." });
            var zvh = await DisclosureApi.ResolveAsync(factory, "zvh", P.GemeentePartner, zvhReference);
            Anchors.Add(zvh.Anchor);

            // PmG: the municipality reports a youth, with a reporter.
            var pmgReporter = TestPeople.NewReporter();
            var pmgSubject = TestPeople.Name("Subjectpmg");
            var pmg = await DisclosureApi.TokenAsync(http, P.PmgGemeente, "signals");
            var (pmgSignal, pmgReference) = await DisclosureApi.SubmitAsync(http, pmg, "pmg",
                $$"""
                {"subjectType":"person","identifiers":{"bsn":"{{TestPeople.Bsn()}}","givenNames":"Dani","surname":"{{pmgSubject}}","dateOfBirth":"2009-06-30"},
                 "purpose":"aanpak-jeugdgroepen","categories":["signaal","identificatie"],"phase":"signal","isMinor":true,
                 "reporter":{{TestPeople.ReporterJson(pmgReporter)}}}
                """);
            responses.Append(pmgReference);
            Reporters.Add(pmgReporter);
            await DisclosureApi.SealContentAsync(factory, pmgSignal, new Dictionary<string, string> { ["omschrijving"] = "Overlast bij het winkelcentrum." });
            var pmgResolved = await DisclosureApi.ResolveAsync(factory, "pmg", P.PmgPartner, pmgReference);
            Anchors.Add(pmgResolved.Anchor);
            SubmitResponses = responses.ToString();

            var zvhGrant = new GrantSpec(zvh.Id, politieReference)
            {
                Categories = "identificatie,casusinformatie",
                Fields = "naam,geboortedatum,adres,aanmeldreden,problematiek,aanbrengende-partner",
            };
            var pmgGrant = new GrantSpec(pmgResolved.Id, pmgReference)
            {
                Convenant = "pmg",
                Recipient = P.PmgPartner,
                Purpose = "aanpak-jeugdgroepen",
                Categories = "identificatie,signaal",
                Fields = "naam,geboortedatum,adres,omschrijving",
                Clause = "PMG-F-08",
            };
            _grants.Add((P.Politie, (await DisclosureApi.InsertAsync(factory, zvhGrant)).RequestId, zvhSubject));
            _grants.Add((P.PmgGemeente, (await DisclosureApi.InsertAsync(factory, pmgGrant)).RequestId, pmgSubject));
            foreach (var (spec, client) in new[] { (zvhGrant, P.Politie), (pmgGrant, P.PmgGemeente) })
            {
                _melderGrants.Add((client, (await DisclosureApi.InsertAsync(factory, spec with { Categories = "melder", Fields = "melder-naam,melder-contact" })).RequestId));
                _melderGrants.Add((client, (await DisclosureApi.InsertAsync(factory, spec with { Categories = spec.Categories + ",melder", Fields = "naam,melder-naam" })).RequestId));
                _melderGrants.Add((client, (await DisclosureApi.InsertAsync(factory, spec with { Fields = "naam,melder-contact" })).RequestId));
            }

            Requesters.Add(("zvh", P.Politie, politieReference, P.Purpose, "ZVH-X-01"));
            Requesters.Add(("pmg", P.PmgGemeente, pmgReference, "aanpak-jeugdgroepen", "PMG-X-01"));
        }

        public Task DisposeAsync() => Hub.DisposeAsync();

        /// <summary>(token of the grant's recipient, request id, a string of the subject's identity the disclosure must carry).</summary>
        internal async Task<List<(string Token, Guid Request, string Subject)>> GrantsAsync(HttpClient http)
        {
            var list = new List<(string, Guid, string)>();
            foreach (var (client, request, subject) in _grants)
            {
                list.Add((await DisclosureApi.TokenAsync(http, client, "requests"), request, subject));
            }

            return list;
        }

        internal async Task<List<(string Token, Guid Request)>> MelderGrantsAsync(HttpClient http)
        {
            var list = new List<(string, Guid)>();
            foreach (var (client, request) in _melderGrants)
            {
                list.Add((await DisclosureApi.TokenAsync(http, client, "requests"), request));
            }

            return list;
        }

        /// <summary>Fails naming where and which kind of reporter string was found (never the string itself).</summary>
        public void AssertNoReporter(string text, string where)
        {
            string[] kinds = ["bsn", "given name", "surname", "phone", "e-mail", "phone digits"];
            foreach (var reporter in Reporters)
            {
                var needles = reporter.Needles().ToArray();
                for (var i = 0; i < needles.Length; i++)
                {
                    Assert.False(text.Contains(needles[i], StringComparison.OrdinalIgnoreCase), $"reporter {kinds[i]} found in {where}");
                }
            }
        }
    }
}

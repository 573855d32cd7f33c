using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Tests.Linkage;

/// <summary>
/// <c>GET /api/v1/convenants/{c}/subjects/{ref}/hits</c> through the real token endpoint (RIEC: RIEC-F-06 lets gemeente, politie,
/// om and belastingdienst medewerkers hit-check each other at intake; fiod is never a hit-check recipient nor counterpart there).
/// </summary>
public sealed class HitsEndpointTests(SqliteLinkageHub hub) : IClassFixture<SqliteLinkageHub>
{
    private HubFactory Factory => hub.Factory;

    [Fact]
    public async Task Hits_PermittedAndUnpermittedHoldersAndAReporter_ListsOnlyPermittedHolders()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        var fiod = await LinkageApi.TokenAsync(http, LinkagePartners.Fiod);
        var om = await LinkageApi.TokenAsync(http, LinkagePartners.Om);
        var person = new TestPerson("Marieke", "Bosma", "1983-08-19", "757491182");
        var (signal, reference) = await LinkageApi.SubmitAsync(http, gemeente, person);
        await LinkageApi.SubmitAsync(http, politie, person);
        await LinkageApi.SubmitAsync(http, fiod, person);
        await LinkageApi.SubmitAsync(http, om, new TestPerson("Klaas", "Terpstra", "1950-01-01"), reporter: person);
        var subject = await LinkageApi.SubjectOfAsync(Factory, signal);
        await LinkageApi.OpenCasusAsync(Factory, subject, LinkagePartners.GemeentePartner);
        var from = LinkageApi.Audit(Factory).Size;

        var (status, body) = await LinkageApi.HitsAsync(http, gemeente, reference);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(reference, body.GetProperty("subjectRef").GetString());
        var hits = body.GetProperty("hits").EnumerateArray().ToArray();
        var hit = Assert.Single(hits);
        Assert.Equal(LinkagePartners.PolitiePartner, hit.GetProperty("partner").GetString());
        Assert.Equal("politie", hit.GetProperty("party").GetString());
        Assert.Equal(["medewerker"], hit.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["partner", "party", "roles"], hit.EnumerateObject().Select(p => p.Name));
        var record = await SingleHitRecordAsync(from);
        Assert.Equal(AuditStatus.Ok, record.Status);
        Assert.Equal(await LinkageApi.AnchorOfAsync(Factory, subject), record.Subject.Id);
        Assert.Contains("hit", record.DecisionReasons);
        Assert.Contains("RIEC-F-06", record.DecisionReasons);
        Assert.Contains("decision:Permit", record.DecisionReasons);
        Assert.Equal(LinkageApi.Purpose, record.Purpose);
        Assert.Equal(LinkagePartners.GemeentePartner, record.Recipient);
        Assert.Equal(["identificatie"], record.DataCategories);
    }

    [Fact]
    public async Task Hits_HolderOfAMergedSubject_NoHitBeforeLinkageAndHitAfter()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson known = new("Jelmer", "Hofstede", "1977-10-05", "625276012"), typo = new("Jelmer", "Hofstde", "1977-10-05");
        var (s1, reference) = await LinkageApi.SubmitAsync(http, gemeente, known);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, typo);
        await LinkageApi.OpenCasusAsync(Factory, await LinkageApi.SubjectOfAsync(Factory, s1), LinkagePartners.GemeentePartner);
        var from = LinkageApi.Audit(Factory).Size;

        var (before, beforeBody) = await LinkageApi.HitsAsync(http, gemeente, reference);
        var noHit = await SingleHitRecordAsync(from);
        await LinkageApi.AddEncodingAsync(Factory, s1, known);
        await LinkageApi.AddEncodingAsync(Factory, s2, typo);
        Assert.Equal(1, (await LinkageApi.Linker(Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None)).Merges);
        var (after, afterBody) = await LinkageApi.HitsAsync(http, gemeente, reference);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Empty(beforeBody.GetProperty("hits").EnumerateArray());
        Assert.Contains("no-hit", noHit.DecisionReasons);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal([LinkagePartners.PolitiePartner], afterBody.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("partner").GetString()));
    }

    [Fact]
    public async Task Hits_NoCasusSoPhaseSignal_Returns403WithClausesAndAuditsDenied()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var (_, reference) = await LinkageApi.SubmitAsync(http, gemeente, new TestPerson("Baukje", "Kingma", "1961-05-30"));
        var from = LinkageApi.Audit(Factory).Size;

        var (status, body) = await LinkageApi.HitsAsync(http, gemeente, reference);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertDenied(body);
        var record = await SingleHitRecordAsync(from);
        Assert.Equal(AuditStatus.Denied, record.Status);
        Assert.Contains("decision:Deny", record.DecisionReasons);
    }

    [Fact]
    public async Task Hits_RoleWithoutAnyHitCheckFlow_Returns403WithClausesAndAuditsDenied()
    {
        using var http = Factory.CreateApiClient();
        var fiod = await LinkageApi.TokenAsync(http, LinkagePartners.Fiod);
        var (signal, reference) = await LinkageApi.SubmitAsync(http, fiod, new TestPerson("Oebele", "Dijkstra", "1958-02-11"));
        await LinkageApi.OpenCasusAsync(Factory, await LinkageApi.SubjectOfAsync(Factory, signal), LinkagePartners.FiodPartner);
        var from = LinkageApi.Audit(Factory).Size;

        var (status, body) = await LinkageApi.HitsAsync(http, fiod, reference);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertDenied(body);
        Assert.Equal(AuditStatus.Denied, (await SingleHitRecordAsync(from)).Status);
    }

    [Fact]
    public async Task Hits_AnotherPartnersReferenceOrAnUnknownOne_Returns404WithOneCodeAndAudits()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        var person = new TestPerson("Tjitske", "Bergsma", "1992-07-07", "895559791");
        await LinkageApi.SubmitAsync(http, gemeente, person);
        var (signal, politieRef) = await LinkageApi.SubmitAsync(http, politie, person);
        await LinkageApi.OpenCasusAsync(Factory, await LinkageApi.SubjectOfAsync(Factory, signal), LinkagePartners.GemeentePartner);
        var unknown = new SubjectReference(1, RandomNumberGenerator.GetBytes(32)).ToString();
        var from = LinkageApi.Audit(Factory).Size;

        var (foreign, foreignBody) = await LinkageApi.HitsAsync(http, gemeente, politieRef);
        var (missing, missingBody) = await LinkageApi.HitsAsync(http, gemeente, unknown);

        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(LinkageErrorCodes.SubjectNotFound, foreignBody.GetProperty("code").GetString());
        Assert.Equal(LinkageErrorCodes.SubjectNotFound, missingBody.GetProperty("code").GetString());
        Assert.Equal(foreignBody.GetProperty("detail").GetString(), missingBody.GetProperty("detail").GetString());
        var records = (await LinkageApi.RecordsSinceAsync(Factory, from)).Where(r => r.Operation == AuditOperations.HitNoHit).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(AuditStatus.Error, r.Status));
        Assert.Equal([politieRef, unknown], records.Select(r => r.Subject.Id));
    }

    [Fact]
    public async Task Hits_OwnReferenceUnderAnotherConvenant_Returns404OrWithoutRole403()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var (signal, reference) = await LinkageApi.SubmitAsync(http, gemeente, new TestPerson("Wietske", "Nauta", "1988-01-21"));
        await LinkageApi.OpenCasusAsync(Factory, await LinkageApi.SubjectOfAsync(Factory, signal), LinkagePartners.GemeentePartner);
        var from = LinkageApi.Audit(Factory).Size;

        var (zvh, zvhBody) = await LinkageApi.HitsAsync(http, gemeente, reference, convenant: "zvh");
        var (pmg, pmgBody) = await LinkageApi.HitsAsync(http, gemeente, reference, convenant: "pmg");

        Assert.Equal(HttpStatusCode.NotFound, zvh);
        Assert.Equal(LinkageErrorCodes.SubjectNotFound, zvhBody.GetProperty("code").GetString());
        var record = await SingleHitRecordAsync(from);
        Assert.Equal("zvh", record.ConvenantId);
        Assert.Equal(AuditStatus.Error, record.Status);
        Assert.Equal(HttpStatusCode.Forbidden, pmg);
        Assert.Equal("SH3013", pmgBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Hits_MalformedReference_Returns400AndAudits()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var from = LinkageApi.Audit(Factory).Size;

        var (status, body) = await LinkageApi.HitsAsync(http, gemeente, "p1.1.not-a-reference");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(LinkageErrorCodes.MalformedReference, body.GetProperty("code").GetString());
        var record = await SingleHitRecordAsync(from);
        Assert.Equal(AuditStatus.Error, record.Status);
        Assert.Equal(AuditSubject.TypeNone, record.Subject.Type);
    }

    [Fact]
    public async Task Hits_TokenWithoutLinkageScope_Returns403SH3012()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente, "signals");
        var (_, reference) = await LinkageApi.SubmitAsync(http, gemeente, new TestPerson("Hylke", "Boersma", "1970-03-03"));

        var (status, body) = await LinkageApi.HitsAsync(http, gemeente, reference);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("SH3012", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SubjectAccessReport_MergedSubject_ListsHitChecksOnEveryClusterMember()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        var officer = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente, "audit");
        TestPerson known = new("Sietse", "Tuinstra", "1966-12-01", "711471046"), typo = new("Sietse", "Tuinstr", "1966-12-01");
        var (s1, gemeenteRef) = await LinkageApi.SubmitAsync(http, gemeente, known);
        var (s2, politieRef) = await LinkageApi.SubmitAsync(http, politie, typo);
        await LinkageApi.OpenCasusAsync(Factory, await LinkageApi.SubjectOfAsync(Factory, s2), LinkagePartners.PolitiePartner);
        Assert.Equal(HttpStatusCode.OK, (await LinkageApi.HitsAsync(http, politie, politieRef)).Status);
        var before = await ReportAsync(http, officer, gemeenteRef);
        await LinkageApi.AddEncodingAsync(Factory, s1, known);
        await LinkageApi.AddEncodingAsync(Factory, s2, typo);
        Assert.Equal(1, (await LinkageApi.Linker(Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None)).Merges);

        var after = await ReportAsync(http, officer, gemeenteRef);

        Assert.DoesNotContain(before, d => d.Operation == AuditOperations.HitNoHit);
        var hit = Assert.Single(after, d => d.Operation == AuditOperations.HitNoHit);
        Assert.Equal(LinkagePartners.PolitiePartner, hit.Recipient);
    }

    [Fact]
    public async Task LinkageAndHits_TypoedPersons_NoPlaintextInDatabaseAuditOrLogs()
    {
        using var http = Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson known = new("Ymkje", "Vellinga", "1987-02-14", "974650754"), typo = new("Ymkje", "Velinga", "1987-02-14");
        var (s1, reference) = await LinkageApi.SubmitAsync(http, gemeente, known);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, typo);
        await LinkageApi.AddEncodingAsync(Factory, s1, known);
        await LinkageApi.AddEncodingAsync(Factory, s2, typo);
        Assert.Equal(1, (await LinkageApi.Linker(Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None)).Merges);
        await LinkageApi.OpenCasusAsync(Factory, await LinkageApi.SubjectOfAsync(Factory, s1), LinkagePartners.GemeentePartner);
        var (status, body) = await LinkageApi.HitsAsync(http, gemeente, reference);
        Assert.Equal(HttpStatusCode.OK, status);

        SqliteConnection.ClearAllPools();
        var stored = new StringBuilder();
        foreach (var file in Directory.GetFiles(Factory.DataDirectory, "*.db*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            stored.Append(Encoding.Latin1.GetString(bytes)).Append('\n').Append(Encoding.UTF8.GetString(bytes)).Append('\n');
        }

        var logs = string.Join('\n', Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Select(r => r.Message + " " + r.Exception + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        var haystacks = new[] { stored.ToString(), logs, body.ToString() };
        Assert.True(haystacks[0].Length > 10_000, "the database scan read almost nothing");
        string[] needles = ["Ymkje", "Vellinga", "Velinga", "974650754", "1987-02-14", "19870214", "14-02-1987"];
        foreach (var needle in needles)
        {
            Assert.All(haystacks, h => Assert.False(
                Regex.IsMatch(h, "(?<![A-Za-z0-9_-])" + Regex.Escape(needle) + "(?![A-Za-z0-9_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10)),
                "plaintext found"));
        }
    }

    private static void AssertDenied(JsonElement body)
    {
        Assert.Equal(LinkageErrorCodes.HitCheckDenied, body.GetProperty("code").GetString());
        var clauses = body.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.NotEmpty(clauses);
        Assert.All(clauses, c => Assert.StartsWith("RIEC-", c, StringComparison.Ordinal));
        Assert.StartsWith("RIEC-", body.GetProperty("decidingClause").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("hits", out _));
    }

    private async Task<AuditRecord> SingleHitRecordAsync(long from) =>
        Assert.Single(await LinkageApi.RecordsSinceAsync(Factory, from), r => r.Operation == AuditOperations.HitNoHit);

    private static async Task<List<(string Operation, string? Recipient)>> ReportAsync(HttpClient http, string token, string reference)
    {
        using var response = await Tokens.GetWithTokenAsync(http, $"/api/v1/audit/subjects/{Uri.EscapeDataString(reference)}/disclosures", token);
        var json = await Tokens.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return [.. json.GetProperty("disclosures").EnumerateArray()
            .Select(d => (d.GetProperty("operation").GetString()!, d.GetProperty("recipient").GetString()))];
    }
}

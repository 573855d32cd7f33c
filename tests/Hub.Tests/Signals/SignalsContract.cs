using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>The signals and documents API, end to end through the real token endpoint, on one provider pair.</summary>
public abstract class SignalsContract(ISignalsHub hub)
{
    // Valid (elfproef) BSNs that only these tests use.
    private const string BsnA = "111222333";
    private const string BsnB = "123456782";

    protected ISignalsHub Hub { get; } = hub;

    [Fact]
    public async Task Submit_ValidPerson_Returns201WithSignalIdAndSubjectRef()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("100000009", "Karel", "Appel"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        var signalId = body.GetProperty("signalId").GetGuid();
        Assert.NotEqual(Guid.Empty, signalId);
        Assert.StartsWith("s1.", body.GetProperty("subjectRef").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(signalId.ToString("D"), response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SameBsnByTwoPartners_OneSubjectAndRefDiffersPerPartnerAndIsStable()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var politie = await SignalApi.TokenAsync(http, SignalPartners.Politie);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        var first = await RefAsync(http, gemeente, SignalApi.Person(BsnA, "Anna", "Visser"));
        var again = await RefAsync(http, gemeente, SignalApi.Person(BsnA, "Anna", "Visser", categories: "\"signaal\",\"bsn\""));
        var other = await RefAsync(http, politie, SignalApi.Person(BsnA, "Anna", "Visser"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Tables["subjects"] + 1, after.Tables["subjects"]);
        Assert.Equal(before.Tables["signals"] + 3, after.Tables["signals"]);
        Assert.Equal(before.Tables["subject_refs"] + 2, after.Tables["subject_refs"]);
    }

    [Fact]
    public async Task Submit_SameNameAndDobWithoutBsn_ResolvesToTheBsnSubject()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var withBsn = await RefAsync(http, gemeente, SignalApi.Person("999999990", "Bernadette", "Kuipers", "1975-02-03"));
        var withoutBsn = """
            {"subjectType":"person","identifiers":{"givenNames":"Bernadette","surname":"Kuipers","dateOfBirth":"1975-02-03"},
             "purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","identificatie"]}
            """;

        Assert.Equal(withBsn, await RefAsync(http, gemeente, withoutBsn));
    }

    [Fact]
    public async Task Submit_StoredKeysDifferFromTheSubmittedOnesOnlyBeforeTheirTails_NotMatchedNewSubject()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var politie = await SignalApi.TokenAsync(http, SignalPartners.Politie);
        // No BSN: a BSN key that differs would keep the subject apart for that reason alone.
        var person = """
            {"subjectType":"person","identifiers":{"givenNames":"Gerrit","surname":"Rietveld","dateOfBirth":"1988-06-24"},
             "purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","identificatie"]}
            """;
        var first = await RefAsync(http, gemeente, person);
        // Every stored key of that subject now differs from what the person pseudonymises to, but ends the same (on SQLite the
        // index holds only those last characters, PseudonymTail): a lookup must still compare the whole pseudonym.
        var original = await WithDbAsync(async db =>
        {
            var subject = await db.SubjectRefs.Where(r => r.Reference == first).Select(r => r.SubjectId).SingleAsync();
            var keys = await db.SubjectKeys.Where(k => k.SubjectId == subject).ToListAsync();
            db.SubjectKeys.RemoveRange(keys);
            db.SubjectKeys.AddRange(keys.Select(k => new SubjectKey
            {
                SubjectId = k.SubjectId, ConvenantId = k.ConvenantId, Kind = k.Kind,
                Pseudonym = string.Concat(k.Pseudonym.AsSpan(0, 6), k.Pseudonym[6] == 'A' ? "B" : "A", k.Pseudonym.AsSpan(7)),
            }));
            await db.SaveChangesAsync();
            Assert.True(keys.Count >= 2, $"only {keys.Count} keys");
            return subject;
        });

        var other = await RefAsync(http, politie, person);

        var subjectOfOther = await WithDbAsync(db => db.SubjectRefs.Where(r => r.Reference == other).Select(r => r.SubjectId).SingleAsync());
        Assert.NotEqual(original, subjectOfOther);
    }

    [Fact]
    public async Task Batch_MixedItems_PerItemStatusAndOnlyValidItemsStored()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Politie);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);
        var batch = "{\"signals\":[" + SignalApi.Person(BsnB, "Pieter", "Bakker") + "," + SignalApi.Person("123456789") + "," +
            SignalApi.Person("100000010", categories: "\"fiscale-gegevens\"") + "," +
            """{"subjectType":"vehicle","identifiers":{"kenteken":"12-BDF-3"},"purpose":"aanpak-georganiseerde-criminaliteit","categories":["voertuig"]}""" + "]}";

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.GetProperty("rejected").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([201, 400, 403, 201], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("identifiers.bsn", results[1].GetProperty("field").GetString());
        Assert.StartsWith("SH10", results[1].GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal("SH3044", results[2].GetProperty("code").GetString());
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Tables["signals"] + 2, after.Tables["signals"]);
        Assert.Equal(before.Tables["subjects"] + 2, after.Tables["subjects"]);
    }

    [Fact]
    public async Task Submit_RoleWithoutSubmitFlow_Returns403WithClauseIds()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Bureau);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person(BsnA));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.Equal("SH3044", body.GetProperty("code").GetString());
        var clauses = body.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()).ToArray();
        Assert.NotEmpty(clauses);
        Assert.All(clauses, c => Assert.StartsWith("RIEC-", c, StringComparison.Ordinal));
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Submit_FiscalCategoryByGemeente_Returns403WithDecidingClause()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person(BsnA, categories: "\"fiscale-gegevens\""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.Contains("RIEC-I-01", body.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Submit_WithoutSignalsScope_Returns403SH3012()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await Infrastructure.Tokens.GetAsync(http, SignalPartners.NoSignalsScope, Infrastructure.TestAccounts.Secret, "linkage");

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person(BsnA));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SH3012", (await SignalApi.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyAndBody_ReplaysStoredResponseWithoutNewRows()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var key = "replay-" + Guid.NewGuid().ToString("N");
        var body = SignalApi.Person("100000022", "Greetje", "Mulder");

        using var first = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body, idempotencyKey: key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var middle = await SignalApi.SnapshotAsync(Hub.Factory);
        using var second = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        await AssertUnchangedAsync(middle);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyOtherBody_Returns409SH3031AndStoresNothing()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var key = "conflict-" + Guid.NewGuid().ToString("N");
        using var first = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("100000034", "Hendrik", "Smit"), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var second = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("100000046", "Hendrik", "Smit"), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("SH3031", (await SignalApi.JsonAsync(second)).GetProperty("code").GetString());
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Submit_ConcurrentRetriesWithOneIdempotencyKey_OneSignalAndTheSameAnswer()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var key = "race-" + Guid.NewGuid().ToString("N");
        var body = SignalApi.Person("100000113", "Lodewijk", "Verbeek");
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body, idempotencyKey: key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Tables["signals"] + 1, after.Tables["signals"]);
        Assert.Equal(before.Tables["idempotency_records"] + 1, after.Tables["idempotency_records"]);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Batch_SameIdempotencyKey_ReplaysPerItemResults()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Politie);
        var key = "batch-" + Guid.NewGuid().ToString("N");
        var batch = "{\"signals\":[" + SignalApi.Person("100000058", "Ingrid", "Vos") + "]}";

        using var first = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch, idempotencyKey: key);
        var middle = await SignalApi.SnapshotAsync(Hub.Factory);
        using var second = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch, idempotencyKey: key);

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await AssertUnchangedAsync(middle);
    }

    public static TheoryData<string, string, string, int, string> SingleBadInputs() => new()
    {
        { "malformed json", "application/json", "{\"subjectType\":", 400, "SH3040" },
        { "array instead of object", "application/json", "[1,2]", 400, "SH3040" },
        { "unknown field", "application/json", "{\"subjectType\":\"person\",\"bsnn\":\"111222333\"}", 400, "SH3040" },
        { "wrong content type", "text/plain", SignalApi.Person(BsnA), 415, "SH3003" },
        { "missing purpose", "application/json", SignalApi.Person(BsnA).Replace("\"purpose\":\"aanpak-georganiseerde-criminaliteit\",", string.Empty, StringComparison.Ordinal), 400, "SH3041" },
        { "missing identifiers", "application/json", "{\"subjectType\":\"person\",\"purpose\":\"aanpak-georganiseerde-criminaliteit\",\"categories\":[\"signaal\"]}", 400, "SH3041" },
        { "unknown subject type", "application/json", SignalApi.Person(BsnA).Replace("\"person\"", "\"planet\"", StringComparison.Ordinal), 400, "SH3042" },
        { "invalid bsn", "application/json", SignalApi.Person("123456789"), 400, "SH10" },
        { "sql injection in bsn", "application/json", SignalApi.Person("'; DROP TABLE signals; --"), 400, "SH10" },
        { "sql injection in purpose", "application/json", SignalApi.Person(BsnA).Replace("aanpak-georganiseerde-criminaliteit", "'; DROP TABLE signals; --", StringComparison.Ordinal), 400, "SH3042" },
        { "script in category", "application/json", SignalApi.Person(BsnA, categories: "\"<script>alert(1)</script>\""), 400, "SH3042" },
        { "oversized body", "application/json", "{\"summary\":\"" + new string('x', 70 * 1024) + "\"}", 413, "SH3004" },
    };

    [Theory]
    [MemberData(nameof(SingleBadInputs))]
    public async Task Submit_BadInput_CodedClientErrorAndNothingStored(string name, string contentType, string body, int status, string codePrefix)
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body, contentType);

        Assert.True(status == (int)response.StatusCode, name + ": " + response.StatusCode);
        var problem = await SignalApi.JsonAsync(response);
        Assert.StartsWith(codePrefix, problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", problem.ToString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(before);
    }

    public static TheoryData<string, string, string, int, string> BatchBadInputs() => new()
    {
        { "malformed json", "application/json", "{\"signals\":[", 400, "SH3040" },
        { "missing signals", "application/json", "{}", 400, "SH3041" },
        { "empty batch", "application/json", "{\"signals\":[]}", 400, "SH3046" },
        { "too many items", "application/json", "{\"signals\":[" + string.Join(',', Enumerable.Repeat("{}", 1001)) + "]}", 400, "SH3046" },
        { "wrong content type", "application/xml", "<signals/>", 415, "SH3003" },
        { "oversized body", "application/json", "{\"signals\":[{\"summary\":\"" + new string('x', 5 * 1024 * 1024) + "\"}]}", 413, "SH3004" },
    };

    [Theory]
    [MemberData(nameof(BatchBadInputs))]
    public async Task Batch_BadInput_CodedClientErrorAndNothingStored(string name, string contentType, string body, int status, string code)
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, body, contentType);

        Assert.True(status == (int)response.StatusCode, name + ": " + response.StatusCode);
        Assert.Equal(code, (await SignalApi.JsonAsync(response)).GetProperty("code").GetString());
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Batch_AllItemsInvalidIncludingInjection_NothingStored()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(Hub.Factory);
        var batch = "{\"signals\":[" + SignalApi.Person("'; DROP TABLE signals; --") + "," + SignalApi.Person(BsnA, categories: "\"<script>\"") + ",null]}";

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.Equal(0, body.GetProperty("accepted").GetInt32());
        Assert.All(body.GetProperty("results").EnumerateArray(), r => Assert.Equal(400, r.GetProperty("status").GetInt32()));
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Document_TextPlain_Returns201AndStoresScrubbedCopyAndEncryptedOriginal()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var signalId = await SignalIdAsync(http, token, SignalApi.Person("100000071", "Wilhelmina", "Dekker"));
        var before = await SignalApi.SnapshotAsync(Hub.Factory);
        var text = "Gesprek met Wilhelmina Dekker (BSN 100000071), e-mail wilhelmina.dekker@example.nl.";

        using var response = await SignalApi.UploadAsync(http, signalId, token, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.True(body.GetProperty("shareable").GetBoolean());
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Tables["signal_documents"] + 1, after.Tables["signal_documents"]);
        Assert.Equal(before.Documents.Count + 2, after.Documents.Count);
        Assert.All(after.Documents, d => Assert.DoesNotContain("dekker", d, StringComparison.OrdinalIgnoreCase));
        var stored = await SignalApi.DocumentsTextAsync(Hub.Factory);
        Assert.DoesNotContain("Dekker", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("100000071", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("wilhelmina.dekker@example.nl", stored, StringComparison.Ordinal);
        Assert.Contains("Gesprek met", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_PdfWithoutReadableText_Returns201NotShareableWithReason()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var signalId = await SignalIdAsync(http, token, SignalApi.Person("100000083", "Cornelis", "Brouwer"));
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var response = await SignalApi.UploadAsync(http, signalId, token, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"), "application/pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.False(body.GetProperty("shareable").GetBoolean());
        Assert.Equal(SharingHub.Hub.Signals.SignalErrorCodes.PdfMalformed, body.GetProperty("textCode").GetString());
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Documents.Count + 1, after.Documents.Count);
    }

    [Fact]
    public async Task Document_PdfWithText_Returns201AndStoresScrubbedTextCopy()
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var signalId = await SignalIdAsync(http, token, SignalApi.Person("100000010", "Jan", "Vries", "1975-02-03"));
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var response = await SignalApi.UploadAsync(http, signalId, token, Documents.PdfTextTests.Letter(), "application/pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await SignalApi.JsonAsync(response);
        Assert.True(body.GetProperty("shareable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("textCode").ValueKind);
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Documents.Count + 2, after.Documents.Count);
        var stored = await SignalApi.DocumentsTextAsync(Hub.Factory);
        Assert.Contains("Zorg over de veiligheid van het gezin.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Documents.PdfTextTests.Bsn, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Documents.PdfTextTests.Iban, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Documents.PdfTextTests.Phone, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Vries", stored, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int, string> DocumentBadInputs() => new()
    {
        { "html part", "text/html", "<script>alert(1)</script>", 415, "SH3051" },
        { "pdf without magic", "application/pdf", "'; DROP TABLE signals; --", 415, "SH3051" },
        { "json part", "application/json", "{}", 415, "SH3051" },
        { "empty file", "text/plain", string.Empty, 400, "SH3052" },
        { "wrong part name", "text/plain", "hallo", 400, "SH3052" },
        { "not utf-8", "text/plain", "\u00ff\u00fe\u00fd", 400, "SH3053" },
    };

    [Theory]
    [MemberData(nameof(DocumentBadInputs))]
    public async Task Document_BadInput_CodedClientErrorAndNothingStored(string name, string contentType, string content, int status, string code)
    {
        using var http = Hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var signalId = await SignalIdAsync(http, token, SignalApi.Person("100000095", "Theodora", "Peters"));
        var before = await SignalApi.SnapshotAsync(Hub.Factory);
        var bytes = name == "not utf-8" ? [0xff, 0xfe, 0xfd] : Encoding.UTF8.GetBytes(content);

        using var response = await SignalApi.UploadAsync(http, signalId, token, bytes, contentType, name == "wrong part name" ? "attachment" : "file");

        Assert.True(status == (int)response.StatusCode, name + ": " + response.StatusCode);
        Assert.Equal(code, (await SignalApi.JsonAsync(response)).GetProperty("code").GetString());
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Document_OtherPartnersSignalOrNotMultipart_CodedErrorAndNothingStored()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var politie = await SignalApi.TokenAsync(http, SignalPartners.Politie);
        var signalId = await SignalIdAsync(http, gemeente, SignalApi.Person("100000101", "Johanna", "Hendriks"));
        var before = await SignalApi.SnapshotAsync(Hub.Factory);

        using var foreign = await SignalApi.UploadAsync(http, signalId, politie, Encoding.UTF8.GetBytes("notitie"), "text/plain");
        using var unknown = await SignalApi.UploadAsync(http, Guid.NewGuid().ToString("D"), gemeente, Encoding.UTF8.GetBytes("notitie"), "text/plain");
        using var json = await SignalApi.PostAsync(http, $"{SignalApi.SignalsPath}/{signalId}/documents", gemeente, "{}");
        using var oversized = await SignalApi.UploadAsync(http, signalId, gemeente, new byte[11 * 1024 * 1024], "text/plain");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("SH3050", (await SignalApi.JsonAsync(foreign)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        await AssertUnchangedAsync(before);
    }

    protected async Task AssertUnchangedAsync((Dictionary<string, long> Tables, List<string> Documents) before)
    {
        var after = await SignalApi.SnapshotAsync(Hub.Factory);
        Assert.Equal(before.Tables.OrderBy(t => t.Key), after.Tables.OrderBy(t => t.Key));
        Assert.Equal(before.Documents.Order(), after.Documents.Order());
    }

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        await using var scope = Hub.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static async Task<string> RefAsync(HttpClient http, string token, string body)
    {
        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body);
        var json = await SignalApi.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("subjectRef").GetString()!;
    }

    private static async Task<string> SignalIdAsync(HttpClient http, string token, string body)
    {
        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body);
        var json = await SignalApi.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("signalId").GetString()!;
    }
}

public sealed class SqliteSignalsTests(SqliteFilesSignalsHub hub) : SignalsContract(hub), IClassFixture<SqliteFilesSignalsHub>;

public sealed class PostgresSignalsTests(PostgresAzuriteSignalsHub hub) : SignalsContract(hub), IClassFixture<PostgresAzuriteSignalsHub>;

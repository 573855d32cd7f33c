using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>Content fields of a signal: checked against the convenant's categories, scrubbed, and stored only sealed.</summary>
public abstract class ContentFieldsContract(ISignalsHub hub)
{
    private static string WithFields(string bsn, string fields, string categories = "\"signaal\",\"identificatie\",\"bsn\"") =>
        $$$"""
        {"subjectType":"person","identifiers":{"bsn":"{{{bsn}}}","givenNames":"Wilhelmina","surname":"Dekkerhuis","dateOfBirth":"1979-03-21"},
         "purpose":"{{{SignalPartners.Purpose}}}","categories":[{{{categories}}}],"fields":{{{{fields}}}}}
        """;

    [Fact]
    public async Task Submit_ContentFields_StoredOnlySealedAndScrubbed()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var marker = "kwekerijvermoeden" + Guid.NewGuid().ToString("N")[..8];
        var body = WithFields("100000125",
            $"\"omschrijving\":\"Wilhelmina Dekkerhuis (BSN 100000125) meldt {marker} achter de schuur.\",\"bron-partner\":\"toezicht {marker}\"");

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var signalId = (await SignalApi.JsonAsync(response)).GetProperty("signalId").GetGuid();
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId);
        Assert.NotNull(signal.Content);
        var vault = scope.ServiceProvider.GetRequiredService<IdentityVault>();
        var content = await vault.OpenAsync(Subject.VaultIdOf(signal.SubjectId), signal.Content);
        Assert.Equal(["bron_partner", "omschrijving"], content.Fields.Keys);
        var text = content["omschrijving"]!.Raw;
        Assert.Contains(marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("100000125", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dekkerhuis", text, StringComparison.Ordinal);
        Assert.Contains(marker, content["bron_partner"]!.Raw, StringComparison.Ordinal);

        var database = await SignalApi.DatabaseTextAsync(hub);
        Assert.DoesNotContain(marker, database, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dekkerhuis", database, StringComparison.OrdinalIgnoreCase);
        var logs = SignalApi.LogText(hub.Factory);
        Assert.DoesNotContain(marker, logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Batch_SamePersonsInManyItemsWithContent_OneDataKeyPerSubjectAndEveryPayloadOpens()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);

        // 24 items (the parallel sealing path): two persons six times each, twelve others once; every item with a content field.
        var people = Enumerable.Range(0, 14).Select(_ => (Bsn: Disclosure.TestPeople.Bsn(), Surname: Disclosure.TestPeople.Name("Zegel"))).ToArray();
        var items = Enumerable.Range(0, 24).Select(i => i < 12 ? people[i % 2] : people[i - 10]).ToArray();
        var batch = "{\"signals\":[" + string.Join(',', items.Select((p, i) =>
            $$$"""
            {"subjectType":"person","identifiers":{"bsn":"{{{p.Bsn}}}","givenNames":"Wilhelmina","surname":"{{{p.Surname}}}","dateOfBirth":"1979-03-21"},
             "purpose":"{{{SignalPartners.Purpose}}}","categories":["signaal","identificatie","bsn"],"fields":{"omschrijving":"melding {{{i}}}"}}
            """)) + "]}";

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch);

        var results = (await SignalApi.JsonAsync(response)).GetProperty("results").EnumerateArray().ToArray();
        Assert.All(results, r => Assert.Equal(201, r.GetProperty("status").GetInt32()));
        var signalIds = results.Select(r => r.GetProperty("signalId").GetGuid()).ToList();
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<IdentityVault>();
        var signals = (await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id)).ToListAsync()).ToDictionary(s => s.Id);
        Assert.Equal(14, signals.Values.Select(s => s.SubjectId).Distinct().Count());
        var vaultIds = signals.Values.Select(s => Subject.VaultIdOf(s.SubjectId)).Distinct().ToList();
        var keys = await db.Set<SharingHub.Hub.Pseudonyms.VaultDataKeyRow>().AsNoTracking().Where(k => vaultIds.Contains(k.SubjectId)).ToListAsync();
        Assert.Equal(vaultIds.Order(StringComparer.Ordinal), keys.Select(k => k.SubjectId).Order(StringComparer.Ordinal));
        for (var i = 0; i < items.Length; i++)
        {
            var signal = signals[signalIds[i]];
            var vaultId = Subject.VaultIdOf(signal.SubjectId);
            var dataKeyId = keys.Single(k => k.SubjectId == vaultId).DataKeyId;
            Assert.Equal(dataKeyId, new Guid(signal.Identity.AsSpan(5, 16)));
            Assert.Equal(dataKeyId, new Guid(signal.Content!.AsSpan(5, 16)));
            Assert.Equal(items[i].Surname, (await vault.OpenAsync(vaultId, signal.Identity))["surname"]!.Raw);
            Assert.Equal($"melding {i}", (await vault.OpenAsync(vaultId, signal.Content!))["omschrijving"]!.Raw);
        }
    }

    [Fact]
    public async Task Submit_NoContentFields_ContentIsNull()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("100000137", "Cornelis", "Tromp"));

        var signalId = (await SignalApi.JsonAsync(response)).GetProperty("signalId").GetGuid();
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Null(await db.Signals.AsNoTracking().Where(s => s.Id == signalId).Select(s => s.Content).SingleAsync());
    }

    public static TheoryData<string, string, string, string> BadFields() => new()
    {
        { "field of an undeclared category", WithFields("100000149", "\"inkomen\":\"hoog\"", "\"signaal\""), "SH3054", "fields.inkomen" },
        { "unknown field", WithFields("100000149", "\"schoenmaat\":\"44\""), "SH3054", "fields.schoenmaat" },
        { "melder field", WithFields("100000149", "\"melder-naam\":\"Buurvrouw\""), "SH3055", "fields.melder-naam" },
        { "melder field with melder declared", WithFields("100000149", "\"melder-contact\":\"0612345678\"", "\"signaal\",\"melder\""), "SH3055", "fields.melder-contact" },
        { "malformed field id", WithFields("100000149", "\"'; DROP TABLE signals; --\":\"x\""), "SH3042", "fields" },
        { "field id too long for the vault", WithFields("100000149", "\"" + new string('a', 33) + "\":\"x\""), "SH3042", "fields" },
        { "empty value", WithFields("100000149", "\"omschrijving\":\"  \""), "SH3041", "fields.omschrijving" },
        { "null value", WithFields("100000149", "\"omschrijving\":null"), "SH3041", "fields.omschrijving" },
        { "value too long", WithFields("100000149", "\"omschrijving\":\"" + new string('x', 4001) + "\""), "SH3042", "fields.omschrijving" },
        { "too many fields", WithFields("100000149", string.Join(',', Enumerable.Range(0, 33).Select(i => $"\"f{i}\":\"x\""))), "SH3042", "fields" },
        { "fields not an object", WithFields("100000149", "").Replace("\"fields\":{}", "\"fields\":[\"omschrijving\"]", StringComparison.Ordinal), "SH3040", "$.fields" },
        { "non-string value", WithFields("100000149", "\"omschrijving\":{\"a\":1}"), "SH3040", "$.fields.omschrijving" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Submit_BadContentField_400CodedWithPathAndNothingStored(string name, string body, string code, string field)
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(hub.Factory);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body);

        var problem = await SignalApi.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name + ": " + problem);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.DoesNotContain("DROP TABLE", problem.ToString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Batch_OneItemWithMelderField_OnlyThatItemRefused()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(hub.Factory);
        var batch = "{\"signals\":[" + WithFields("100000150", "\"omschrijving\":\"leegstand\"") + "," + WithFields("100000162", "\"melder-naam\":\"Buurman\"") + "]}";

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch);

        var results = (await SignalApi.JsonAsync(response)).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([201, 400], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("SH3055", results[1].GetProperty("code").GetString());
        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables["signals"] + 1, after.Tables["signals"]);
    }

    private async Task AssertUnchangedAsync((Dictionary<string, long> Tables, List<string> Documents) before)
    {
        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables.OrderBy(t => t.Key), after.Tables.OrderBy(t => t.Key));
        Assert.Equal(before.Documents.Order(), after.Documents.Order());
    }
}

public sealed class SqliteContentFieldsTests(SqliteFilesSignalsHub hub) : ContentFieldsContract(hub), IClassFixture<SqliteFilesSignalsHub>;

public sealed class PostgresContentFieldsTests(PostgresAzuriteSignalsHub hub) : ContentFieldsContract(hub), IClassFixture<PostgresAzuriteSignalsHub>;

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>Group-level signals (PmG): the group as a subject of its own, members as person subjects, sealed member identities.</summary>
public abstract class GroupSignalsContract(ISignalsHub hub)
{
    private const string PmgSignals = "/api/v1/convenants/pmg/signals";
    private const string PmgBatch = "/api/v1/convenants/pmg/signals:batch";

    private static string Member(string bsn, string given, string surname, string dob = "2010-04-02") =>
        $$"""{"bsn":"{{bsn}}","givenNames":"{{given}}","surname":"{{surname}}","dateOfBirth":"{{dob}}"}""";

    private static string Group(string reference, string members, string extra = "") =>
        $$"""
        {"subjectType":"group","group":{"reference":"{{reference}}","members":[{{members}}]},
         "purpose":"groepsaanpak","categories":["signaal","groepsgegevens"],"phase":"signal"{{extra}}}
        """;

    [Fact]
    public async Task Submit_Group_GroupSubjectAndMemberSubjectsWithSealedIdentities()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.School);
        var reference = "PMG-" + Guid.NewGuid().ToString("N")[..10];
        var before = await SignalApi.SnapshotAsync(hub.Factory);
        var body = Group(reference, Member("200000007", "Mohammed", "Ouaziz") + "," + Member("200000056", "Sven", "Brouwersgracht"),
            ",\"fields\":{\"groepsgedrag\":\"hangt rond bij het winkelcentrum\"}");

        using var response = await SignalApi.PostAsync(http, PmgSignals, token, body);

        var json = await SignalApi.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        var groupRef = json.GetProperty("subjectRef").GetString()!;
        var memberRefs = json.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.StartsWith("s1.", groupRef, StringComparison.Ordinal);
        Assert.Equal(2, memberRefs.Distinct().Count());
        Assert.DoesNotContain(groupRef, memberRefs);
        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables["subjects"] + 3, after.Tables["subjects"]);
        Assert.Equal(before.Tables["signal_members"] + 2, after.Tables["signal_members"]);
        Assert.Equal(before.Tables["subject_encodings"] + 2, after.Tables["subject_encodings"]);
        Assert.Equal(before.Tables["subject_refs"] + 3, after.Tables["subject_refs"]);

        var signalId = json.GetProperty("signalId").GetGuid();
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<IdentityVault>();
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId);
        var group = await db.Subjects.AsNoTracking().SingleAsync(s => s.Id == signal.SubjectId);
        Assert.Equal((int)SubjectType.Group, group.SubjectType);
        Assert.StartsWith("g1.", group.Anchor, StringComparison.Ordinal);
        Assert.Equal(reference, (await vault.OpenAsync(group.VaultId, signal.Identity))["group_reference"]!.Raw);
        var members = await db.SignalMembers.AsNoTracking().Where(m => m.SignalId == signalId).OrderBy(m => m.Position).ToListAsync();
        Assert.Equal([0, 1], members.Select(m => m.Position));
        var first = await vault.OpenAsync(Subject.VaultIdOf(members[0].SubjectId), members[0].Identity);
        Assert.Equal("200000007", first["bsn"]!.Normalised);
        var memberSubjects = await db.Subjects.AsNoTracking().Where(s => s.Id == members[0].SubjectId || s.Id == members[1].SubjectId).ToListAsync();
        Assert.All(memberSubjects, s => Assert.Equal((int)SubjectType.Person, s.SubjectType));
        Assert.Equal(2, await db.SubjectEncodings.AsNoTracking().CountAsync(e => e.SignalId == signalId));

        var database = await SignalApi.DatabaseTextAsync(hub);
        Assert.DoesNotContain(reference, database, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reference.Replace("-", string.Empty, StringComparison.Ordinal), database, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Brouwersgracht", database, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("200000056", database, StringComparison.Ordinal);
        var logs = SignalApi.LogText(hub.Factory);
        Assert.DoesNotContain(reference, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Brouwersgracht", logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Submit_SameGroupWrittenOtherwiseAndMemberAsPerson_SameReferences()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.School);
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var first = await CreatedAsync(http, token, PmgSignals, Group("PMG-2026-" + suffix, Member("200000147", "Noah", "Kaya")));
        var again = await CreatedAsync(http, token, PmgSignals, Group("pmg 2026 " + suffix.ToLowerInvariant(), Member("200000196", "Daan", "Kaya")));
        var person = await CreatedAsync(http, token, PmgSignals, """
            {"subjectType":"person","identifiers":{"bsn":"200000147","givenNames":"Noah","surname":"Kaya","dateOfBirth":"2010-04-02"},
             "purpose":"aanpak-jeugdgroepen","categories":["signaal","identificatie"],"phase":"signal"}
            """);

        Assert.Equal(first.GetProperty("subjectRef").GetString(), again.GetProperty("subjectRef").GetString());
        Assert.Equal(first.GetProperty("members")[0].GetString(), person.GetProperty("subjectRef").GetString());
        Assert.NotEqual(first.GetProperty("members")[0].GetString(), again.GetProperty("members")[0].GetString());
    }

    [Fact]
    public async Task Document_OnGroupSignal_MembersAndGroupReferenceScrubbed()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.School);
        var reference = "KNOOP-" + Guid.NewGuid().ToString("N")[..8];
        var created = await CreatedAsync(http, token, PmgSignals, Group(reference, Member("200001218", "Jesse", "Wolterbeek") + "," + Member("200001267", "Thijmen", "Oosterhuizen")));
        var note = $"Groep {reference}: Thijmen Oosterhuizen (BSN 200001267) en Jesse Wolterbeek hangen rond bij de sporthal.";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{PmgSignals}/{created.GetProperty("signalId").GetString()}/documents", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(note));
        part.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/plain");
        content.Add(part, "file", "note.txt");
        request.Content = content;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var documents = await SignalApi.DocumentsTextAsync(hub.Factory);
        Assert.Contains("sporthal", documents, StringComparison.Ordinal);
        foreach (var needle in new[] { reference, "Oosterhuizen", "Wolterbeek", "200001267", "Thijmen" })
        {
            Assert.DoesNotContain(needle, documents, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Batch_GroupAndPerson_BothStoredWithMemberReferences()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Jongerenwerk);
        var batch = "{\"signals\":[" + Group("JW-" + Guid.NewGuid().ToString("N")[..8], Member("200000238", "Liam", "Jacobs") + "," + Member("200000287", "Finn", "Jacobs")) + ","
            + Group("JW-" + Guid.NewGuid().ToString("N")[..8], Member("200000238", "Liam", "Jacobs")) + "]}";

        using var response = await SignalApi.PostAsync(http, PmgBatch, token, batch);

        var body = await SignalApi.JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([201, 201], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(2, results[0].GetProperty("members").GetArrayLength());
        Assert.Equal(results[0].GetProperty("members")[0].GetString(), results[1].GetProperty("members")[0].GetString());
    }

    public static TheoryData<string, string, string, int, string, string?> BadGroups() => new()
    {
        { "no members", SignalPartners.School, Group("PMG-1", string.Empty), 400, "SH3056", "group.members" },
        { "members missing", SignalPartners.School, Group("PMG-1", string.Empty).Replace(",\"members\":[]", string.Empty, StringComparison.Ordinal), 400, "SH3056", "group.members" },
        { "too many members", SignalPartners.School, Group("PMG-1", string.Join(',', Enumerable.Range(0, 51).Select(i => Member("200000329", "A" + i, "B")))), 400, "SH3056", "group.members" },
        { "invalid member bsn", SignalPartners.School, Group("PMG-1", Member("200000378", "Eva", "Smit") + "," + Member("123456789", "Ida", "Smit")), 400, "SH1005", "group.members[1].bsn" },
        { "member without match key", SignalPartners.School, Group("PMG-1", """{"givenNames":"Eva","surname":"Smit"}"""), 400, "SH3043", "group.members[0]" },
        { "member listed twice", SignalPartners.School, Group("PMG-1", Member("200000469", "Eva", "Smit") + "," + Member("200000469", "Eva", "Smit")), 400, "SH3057", "group.members[1]" },
        { "null member", SignalPartners.School, Group("PMG-1", "null"), 400, "SH3041", "group.members[0]" },
        { "missing reference", SignalPartners.School, Group(string.Empty, Member("200001036", "Eva", "Smit")), 400, "SH3041", "group.reference" },
        { "injection in reference", SignalPartners.School, Group("'; DROP TABLE signals; --", Member("200001036", "Eva", "Smit")), 400, "SH1003", "group.reference" },
        { "identifiers with a group", SignalPartners.School, Group("PMG-1", Member("200001036", "Eva", "Smit"), ",\"identifiers\":{\"bsn\":\"200001085\"}"), 400, "SH3042", "identifiers" },
        { "group on a person signal", SignalPartners.School, SignalApi.Person("200001085").Replace("\"phase\"", "\"group\":{\"reference\":\"X\"},\"phase\"", StringComparison.Ordinal), 400, "SH3042", "group" },
        { "group flow refused for the role", SignalPartners.School, Group("PMG-1", Member("200001036", "Eva", "Smit")).Replace("groepsaanpak", "bewijsvergaring", StringComparison.Ordinal), 403, "SH3044", null },
    };

    [Theory]
    [MemberData(nameof(BadGroups))]
    public async Task Submit_BadGroup_CodedErrorAndNothingStored(string name, string client, string body, int status, string code, string? field)
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, client);
        var before = await SignalApi.SnapshotAsync(hub.Factory);

        using var response = await SignalApi.PostAsync(http, PmgSignals, token, body);

        var problem = await SignalApi.JsonAsync(response);
        Assert.True(status == (int)response.StatusCode, name + ": " + problem);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        Assert.DoesNotContain("DROP TABLE", problem.ToString(), StringComparison.Ordinal);
        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables.OrderBy(t => t.Key), after.Tables.OrderBy(t => t.Key));
        Assert.Equal(before.Documents.Order(), after.Documents.Order());
    }

    [Fact]
    public async Task Submit_GroupUnderConvenantWithoutGroupFlow_403AndNothingStored()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(hub.Factory);
        var body = Group("RIEC-7", Member("200001127", "Eva", "Smit")).Replace("groepsaanpak", SignalPartners.Purpose, StringComparison.Ordinal)
            .Replace("\"groepsgegevens\"", "\"identificatie\"", StringComparison.Ordinal);

        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SH3044", (await SignalApi.JsonAsync(response)).GetProperty("code").GetString());
        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables.OrderBy(t => t.Key), after.Tables.OrderBy(t => t.Key));
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient http, string token, string path, string body)
    {
        using var response = await SignalApi.PostAsync(http, path, token, body);
        var json = await SignalApi.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }
}

public sealed class SqliteGroupSignalsTests(SqliteFilesSignalsHub hub) : GroupSignalsContract(hub), IClassFixture<SqliteFilesSignalsHub>;

public sealed class PostgresGroupSignalsTests(PostgresAzuriteSignalsHub hub) : GroupSignalsContract(hub), IClassFixture<PostgresAzuriteSignalsHub>;

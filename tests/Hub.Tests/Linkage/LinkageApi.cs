using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Tests.Linkage;

/// <summary>A test person as a partner would submit it (plaintext lives only in the test).</summary>
internal sealed record TestPerson(string Given, string Surname, string Dob, string? Bsn = null)
{
    public string Identifiers() => Bsn is null
        ? $$"""{"givenNames":"{{Given}}","surname":"{{Surname}}","dateOfBirth":"{{Dob}}"}"""
        : $$"""{"bsn":"{{Bsn}}","givenNames":"{{Given}}","surname":"{{Surname}}","dateOfBirth":"{{Dob}}"}""";

    /// <summary>The normalised quasi-identifiers, through the identifier parsers and the linkage core, as ingress makes them.</summary>
    public SharingHub.Pseudonymisation.Linkage.QuasiIdentifiers QuasiIdentifiers()
    {
        var name = PersonName.Parse(Given, null, Surname);
        var dob = DateOfBirth.Parse(Dob, new DateOnly(2026, 11, 25));
        Assert.True(name.IsValid && dob.IsValid);
        return LinkagePreparation.QuasiIdentifiersOf(new PersonIdentifiers(Name: name.Value, DateOfBirth: dob.Value));
    }

    public override string ToString() => "TestPerson(***)";
}

/// <summary>HTTP and storage helpers for the linkage tests.</summary>
internal static class LinkageApi
{
    public const string Convenant = "riec";
    public const string Purpose = "aanpak-georganiseerde-criminaliteit";

    public static Task<string> TokenAsync(HttpClient http, string clientId, string scope = "signals linkage") =>
        Tokens.GetAsync(http, clientId, TestAccounts.Secret, scope);

    /// <summary>Submits a RIEC signal about <paramref name="person"/> (optionally with a reporter); returns the signal id and the caller's subject ref.</summary>
    public static async Task<(Guid SignalId, string SubjectRef)> SubmitAsync(HttpClient http, string token, TestPerson person, TestPerson? reporter = null)
    {
        var reporterJson = reporter is null ? string.Empty : ",\"reporter\":" + reporter.Identifiers();
        const string categories = "\"signaal\",\"identificatie\"";
        var body = $$"""
            {"subjectType":"person","identifiers":{{person.Identifiers()}},"purpose":"{{Purpose}}","categories":[{{categories}}],"phase":"signal"{{reporterJson}}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/{Convenant}/signals", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var json = await Tokens.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return (json.GetProperty("signalId").GetGuid(), json.GetProperty("subjectRef").GetString()!);
    }

    /// <summary>
    /// Stores the fuzzy-linkage encoding of a signal as ingress does: <see cref="LinkageEncoding"/> under the convenant's active
    /// linkage key, pending (LinkedAt null) unless <paramref name="linkedAt"/> is given.
    /// </summary>
    public static async Task AddEncodingAsync(HubFactory factory, Guid signalId, TestPerson person, int? keyVersion = null, DateTimeOffset? linkedAt = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var ring = await scope.ServiceProvider.GetRequiredService<DomainKeyService>().GetRingAsync(Convenant);
        var key = new byte[LinkageEncoding.KeyLength];
        var version = LinkageEncoding.DeriveKey(ring, key);
        var (clk, blocks) = LinkageEncoding.Encode(key, person.QuasiIdentifiers());
        Array.Clear(key);
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId);

        // Ingress already wrote this signal's encoding (same key derivation); replace it so the test controls version and state.
        await db.SubjectEncodings.Where(e => e.SignalId == signalId).ExecuteDeleteAsync();
        db.SubjectEncodings.Add(new SubjectEncoding
        {
            SignalId = signalId,
            ConvenantId = signal.ConvenantId,
            SubjectId = signal.SubjectId,
            KeyVersion = keyVersion ?? version,
            Clk = clk,
            BlockKeys = blocks,
            CreatedAt = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
            LinkedAt = linkedAt,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> SubjectOfAsync(HubFactory factory, Guid signalId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Signals.Where(s => s.Id == signalId).Select(s => s.SubjectId).SingleAsync();
    }

    /// <summary>Every subject as (id, merged into).</summary>
    public static async Task<Dictionary<Guid, Guid?>> SubjectsAsync(HubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.MergedIntoId);
    }

    public static async Task<T> WithDbAsync<T>(HubFactory factory, Func<HubDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public static async Task<T> WithDirectoryAsync<T>(HubFactory factory, Func<SharingHub.Hub.Subjects.SubjectDirectory, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SharingHub.Hub.Subjects.SubjectDirectory>());
    }

    /// <summary>Opens a casus on <paramref name="subjectId"/> in <paramref name="phase"/> (what the casus endpoints will do).</summary>
    public static async Task OpenCasusAsync(HubFactory factory, Guid subjectId, string ownerPartner, string phase = "intake")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Cases.Add(new Casus
        {
            Id = Guid.CreateVersion7(now),
            ConvenantId = Convenant,
            SubjectId = subjectId,
            OwnerPartnerId = ownerPartner,
            OwnerRole = "medewerker",
            State = CasusStates.Signal,
            Phase = phase,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> HitsAsync(HttpClient http, string token, string subjectRef, string convenant = Convenant)
    {
        using var response = await Tokens.GetWithTokenAsync(http, $"/api/v1/convenants/{convenant}/subjects/{Uri.EscapeDataString(subjectRef)}/hits", token);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static SubjectLinker Linker(HubFactory factory) => factory.Services.GetRequiredService<SubjectLinker>();

    public static AuditLog Audit(HubFactory factory) => factory.Services.GetRequiredService<AuditLog>();

    /// <summary>The audit records appended from index <paramref name="from"/> on.</summary>
    public static async Task<List<AuditRecord>> RecordsSinceAsync(HubFactory factory, long from)
    {
        var log = Audit(factory);
        var entries = await log.Store.ReadEntriesAsync(from, (int)Math.Max(0, log.Size - from), CancellationToken.None);
        return [.. entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)];
    }

    /// <summary>Every audit record about <paramref name="subjectId"/> (a pseudonym or reference text).</summary>
    public static async Task<List<AuditRecord>> RecordsAboutAsync(HubFactory factory, string subjectId)
    {
        var entries = await Audit(factory).Store.FindBySubjectAsync(subjectId, CancellationToken.None);
        return [.. entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)];
    }

    public static async Task<string> AnchorOfAsync(HubFactory factory, Guid subjectId) =>
        await WithDbAsync(factory, db => db.Subjects.Where(s => s.Id == subjectId).Select(s => s.Anchor).SingleAsync());
}

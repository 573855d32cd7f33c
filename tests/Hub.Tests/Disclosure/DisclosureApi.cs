using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Disclosure;

/// <summary>What a test grant row says (inserted directly until the requests workflow creates grants).</summary>
internal sealed record GrantSpec(Guid SubjectId, string SubjectRef)
{
    public string Convenant { get; init; } = DisclosurePartners.Convenant;
    public string Recipient { get; init; } = DisclosurePartners.PolitiePartner;
    public string RecipientRole { get; init; } = "medewerker";
    public string Purpose { get; init; } = DisclosurePartners.Purpose;
    public string Categories { get; init; } = "identificatie,casusinformatie";
    public string Fields { get; init; } = "naam,geboortedatum,aanmeldreden";
    public string Mode { get; init; } = "identified";
    public string Status { get; init; } = AccessRequestStatus.Granted;
    public bool WithGrant { get; init; } = true;
    public string Approvers { get; init; } = "person:po-approver-1,person:mb-facilitator-2";
    public string Clause { get; init; } = "ZVH-F-07";
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromDays(30);
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>HTTP and database helpers of the disclosure and reporter-protection tests.</summary>
internal static class DisclosureApi
{
    public static string ZvhPerson(string bsn, string given, string surname, string dob, string? reporter = null, string? address = null,
        string categories = "\"casusinformatie\",\"identificatie\",\"bsn\"", string summary = "Zorgen over de woonsituatie.") =>
        $$"""
        {"subjectType":"person","identifiers":{"bsn":"{{bsn}}","givenNames":"{{given}}","surnamePrefix":"de","surname":"{{surname}}","dateOfBirth":"{{dob}}"{{(address is null ? "" : "," + address)}}},
         "purpose":"complexe-casuistiek","categories":[{{categories}}],"phase":"signal","summary":"{{summary}}"{{(reporter is null ? "" : ",\"reporter\":" + reporter)}}}
        """;

    public static async Task<string> TokenAsync(HttpClient http, string client, string scope = "signals requests") =>
        await Tokens.GetAsync(http, client, TestAccounts.Secret, scope);

    /// <summary>Submits one signal through the real API; returns its id and the submitter's subject reference.</summary>
    public static async Task<(Guid SignalId, string SubjectRef)> SubmitAsync(HttpClient http, string token, string convenant, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/{convenant}/signals", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit failed: {(int)response.StatusCode} {body}");
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("signalId").GetGuid(), created.GetProperty("subjectRef").GetString()!);
    }

    public static async Task<ResolvedSubject> ResolveAsync(HubFactory factory, string convenant, string partner, string reference)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var resolved = await scope.ServiceProvider.GetRequiredService<SubjectDirectory>().ResolveReferenceAsync(convenant, partner, reference, CancellationToken.None);
        Assert.NotNull(resolved);
        return resolved;
    }

    /// <summary>Inserts an access request (and, unless told otherwise, its grant) as the requests workflow would.</summary>
    public static async Task<(Guid RequestId, Guid GrantId)> InsertAsync(HubFactory factory, GrantSpec spec)
    {
        var now = TimeOf(factory);
        var requestId = Guid.NewGuid();
        var grantId = Guid.NewGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        db.AccessRequests.Add(new AccessRequest
        {
            Id = requestId,
            ConvenantId = spec.Convenant,
            ConvenantVersionHash = "sha256:test",
            RequesterPartnerId = spec.Recipient,
            RequesterRole = spec.RecipientRole,
            RequesterActor = "client:" + DisclosurePartners.Politie,
            SubjectId = spec.SubjectId,
            SubjectRef = spec.SubjectRef,
            SubjectType = "person",
            Purpose = spec.Purpose,
            Categories = spec.Categories,
            Fields = spec.Fields,
            Mode = spec.Mode,
            Phase = "case-meeting",
            Necessity = "Noodzakelijk voor het casusoverleg.",
            Proportionality = "Alleen naam en geboortedatum.",
            Subsidiarity = "Geen minder ingrijpend middel.",
            Status = spec.Status,
            DecidingClause = spec.Clause,
            Reasons = spec.Clause,
            CreatedAt = now,
            DecidedAt = now,
        });
        if (spec.WithGrant)
        {
            db.Grants.Add(new Grant
            {
                Id = grantId,
                RequestId = requestId,
                ConvenantId = spec.Convenant,
                SubjectId = spec.SubjectId,
                RecipientPartnerId = spec.Recipient,
                RecipientRole = spec.RecipientRole,
                Purpose = spec.Purpose,
                Categories = spec.Categories,
                Fields = spec.Fields,
                Mode = spec.Mode,
                Approvers = spec.Approvers,
                Clause = spec.Clause,
                GrantedAt = now,
                ExpiresAt = now + spec.Lifetime,
                RevokedAt = spec.RevokedAt,
                RevokedBy = spec.RevokedAt is null ? null : "person:someone",
            });
        }

        await db.SaveChangesAsync();
        return (requestId, grantId);
    }

    /// <summary>Seals content fields into a signal as ingress does (vault record under the subject's vault id, '-' → '_').</summary>
    public static async Task SealContentAsync(HubFactory factory, Guid signalId, IReadOnlyDictionary<string, string> content)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<IdentityVault>();
        var signal = await db.Signals.SingleAsync(s => s.Id == signalId);
        var record = new IdentityRecord(content.Select(c => new KeyValuePair<string, IdentityField>(DisclosureFields.ContentName(c.Key), new IdentityField(c.Value, null))));
        signal.Content = await vault.SealAsync(Subject.VaultIdOf(signal.SubjectId), record);
        await db.SaveChangesAsync();
    }

    public static async Task<HttpResponseMessage> DiscloseAsync(HttpClient http, string token, string requestId, string? format = null) =>
        await Tokens.GetWithTokenAsync(http, $"/api/v1/access-requests/{requestId}/disclosure" + (format is null ? string.Empty : "?format=" + format), token);

    public static async Task<HttpResponseMessage> RevokeAsync(HttpClient http, string token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/access-requests/{requestId}/revoke", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    /// <summary>The audit records appended at or after <paramref name="from"/>.</summary>
    public static async Task<IReadOnlyList<AuditRecord>> AuditSinceAsync(HubFactory factory, long from)
    {
        var log = factory.Services.GetRequiredService<AuditLog>();
        var count = (int)(log.Size - from);
        if (count <= 0)
        {
            return [];
        }

        var entries = await log.Store.ReadEntriesAsync(from, count, CancellationToken.None);
        return [.. entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)];
    }

    public static long AuditSize(HubFactory factory) => factory.Services.GetRequiredService<AuditLog>().Size;

    public static DateTimeOffset TimeOf(HubFactory factory) => factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>A person's access token through the real authorization-code flow of the test portal client.</summary>
    public static Task<string> PersonTokenAsync(HubFactory factory, string userName, string password) =>
        PersonTokens.GetAsync(factory, userName, password, "review audit", DisclosurePartners.Portal, new Uri(DisclosurePartners.RedirectUri));
}

using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Retention;
using SharingHub.Hub.Tests.Retention;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Tests.Pseudonyms;

/// <summary><c>POST /api/v1/convenants/{c}/keys/rotate</c>: rotation, re-pseudonymisation of stored match keys, audit, refusals, and no key material in logs.</summary>
public sealed class KeyRotationTests
{
    private const string RotatePath = "/api/v1/convenants/zvh/keys/rotate";

    [Fact]
    public async Task Rotate_SubmitRotateSubmit_SamePersonKeepsSubjectAndReference()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        var (firstSignal, firstRef) = await hub.SubmitAsync(RetentionTestHub.PersonBody("690702930", "Kees", "Visser", "1969-09-09"));
        var keysBefore = await hub.DbAsync(db => db.SubjectKeys.AsNoTracking().Where(k => k.ConvenantId == "zvh").Select(k => k.Pseudonym).ToListAsync());
        Assert.All(keysBefore, k => Assert.Contains(".1.", k, StringComparison.Ordinal));

        var officer = await hub.PersonTokenAsync(RetentionTestHub.Officer);
        var (status, body) = await hub.CallAsync(HttpMethod.Post, RotatePath, officer, """{"expectedActiveVersion":1}""");
        Assert.True(status == HttpStatusCode.OK, body.ToString() + hub.LoggedErrors());
        Assert.Equal(1, body.GetProperty("previousVersion").GetInt32());
        Assert.Equal(2, body.GetProperty("activeVersion").GetInt32());
        Assert.Equal(1, body.GetProperty("subjectsMigrated").GetInt32());
        Assert.Equal(keysBefore.Count, body.GetProperty("keysAdded").GetInt32());
        Assert.Equal([1, 2], body.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        var keysAfter = await hub.DbAsync(db => db.SubjectKeys.AsNoTracking().Where(k => k.ConvenantId == "zvh").ToListAsync());
        Assert.Equal(2 * keysBefore.Count, keysAfter.Count);
        Assert.Equal(keysBefore.Count, keysAfter.Count(k => Pseudonym.TryParse(k.Pseudonym, out var p) && p.KeyVersion == 2));

        var (secondSignal, secondRef) = await hub.SubmitAsync(RetentionTestHub.PersonBody("690702930", "Kees", "Visser", "1969-09-09"));
        Assert.Equal(firstRef, secondRef);
        var subjects = await hub.DbAsync(db => db.Signals.AsNoTracking().Where(s => s.Id == firstSignal || s.Id == secondSignal).Select(s => s.SubjectId).Distinct().ToListAsync());
        Assert.Single(subjects);

        var log = hub.Factory.Services.GetRequiredService<SharingHub.Hub.Audit.AuditLog>();
        var records = (await log.Store.ReadEntriesAsync(0, (int)log.Size, CancellationToken.None)).Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!).ToList();
        var rotated = Assert.Single(records, r => r.Operation == AuditOperations.KeyRotation);
        Assert.Equal(AuditSubject.TypeNone, rotated.Subject.Type);
        Assert.Equal(["domain:zvh", "from-version:1", "to-version:2"], rotated.DecisionReasons);
        var migrated = Assert.Single(records, r => r.Operation == AuditOperations.KeyMigration);
        Assert.True(migrated.Reidentified);
        var anchor = await hub.DbAsync(db => db.Subjects.Where(s => s.Id == subjects[0]).Select(s => s.Anchor).SingleAsync());
        Assert.Equal(anchor, migrated.Subject.Id);
    }

    [Fact]
    public async Task Rotate_BadInputAndRefusedCallers_CodedAndKeysUnchanged()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));
        var officer = await hub.PersonTokenAsync(RetentionTestHub.Officer);
        var analyst = await hub.PersonTokenAsync(RetentionTestHub.Analyst);
        var system = await hub.SystemTokenAsync(RetentionTestHub.OfficerSystem, "audit");
        var before = await DomainKeysAsync(hub);

        (string Token, string? Body, HttpStatusCode Status, string Code)[] cases =
        [
            (officer, "{", HttpStatusCode.BadRequest, RetentionErrorCodes.MalformedBody),
            (officer, "[1]", HttpStatusCode.BadRequest, RetentionErrorCodes.MalformedBody),
            (officer, """{"expectedActiveVersion":0}""", HttpStatusCode.BadRequest, RetentionErrorCodes.MalformedBody),
            (officer, """{"expectedActiveVersion":"1"}""", HttpStatusCode.BadRequest, RetentionErrorCodes.MalformedBody),
            (officer, """{"version":1}""", HttpStatusCode.BadRequest, RetentionErrorCodes.MalformedBody),
            (officer, """{"expectedActiveVersion":7}""", HttpStatusCode.Conflict, RetentionErrorCodes.VersionMismatch),
            (analyst, null, HttpStatusCode.Forbidden, RetentionErrorCodes.NotPrivacyOfficer),
            (system, null, HttpStatusCode.Forbidden, RetentionErrorCodes.PersonRequired),
        ];
        foreach (var (token, body, status, code) in cases)
        {
            var (actual, problem) = await hub.CallAsync(HttpMethod.Post, RotatePath, token, body);
            Assert.True(actual == status, $"{body}: {actual} {problem}");
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        Assert.Equal(before, await DomainKeysAsync(hub));
    }

    [Fact]
    public async Task Rotate_Logs_NeverContainKeyMaterial()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        await hub.SubmitAsync(RetentionTestHub.PersonBody("215736813"));
        var officer = await hub.PersonTokenAsync(RetentionTestHub.Officer);
        var (status, response) = await hub.CallAsync(HttpMethod.Post, RotatePath, officer);
        Assert.True(status == HttpStatusCode.OK, response.ToString() + hub.LoggedErrors());

        var rows = await hub.DbAsync(db => db.Set<DomainKeyRow>().AsNoTracking().Where(r => r.Domain == "zvh").ToListAsync());
        Assert.Equal(2, rows.Count);
        var protector = hub.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SharingHub.Keys.v1", "zvh");
        var needles = new List<string>();
        foreach (var row in rows)
        {
            var plain = protector.Unprotect(row.WrappedKey);
            foreach (var secret in new[] { plain[21..53], plain[53..85] })
            {
                needles.Add(Convert.ToHexString(secret));
                needles.Add(Convert.ToBase64String(secret).TrimEnd('='));
                needles.Add(Convert.ToBase64String(secret).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            }

            needles.Add(Convert.ToBase64String(row.WrappedKey)[..40]);
        }

        var logs = string.Join('\n', hub.Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Select(r => r.Message + " " + r.Exception + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        Assert.Contains("rotated from version 1 to 2", logs, StringComparison.Ordinal);
        var text = response.ToString();
        foreach (var needle in needles)
        {
            Assert.DoesNotContain(needle, logs, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(needle, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Task<string> DomainKeysAsync(RetentionTestHub hub) => hub.DbAsync(async db =>
        string.Join('\n', (await db.Set<DomainKeyRow>().AsNoTracking().OrderBy(r => r.Domain).ThenBy(r => r.Version).ToListAsync())
            .Select(r => $"{r.Domain}:{r.Version}:{r.Status}:{Convert.ToHexString(r.WrappedKey)}")));
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Retention;

namespace SharingHub.Hub.Tests.Retention;

/// <summary>Who may preview and run retention: a privacy officer of the convenant with a person token and scope audit; everyone else gets a coded 4xx and nothing changes.</summary>
public sealed class RetentionAccessTests
{
    [Fact]
    public async Task PreviewAndRun_RefusedCallers_CodedAndNothingChanged()
    {
        await using var hub = await RetentionTestHub.StartAsync();
        var submitted = hub.Time.GetUtcNow();
        var (signalId, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("405608652"));
        hub.Time.SetUtcNow(submitted.AddMonths(8));
        var before = await hub.StateAsync();

        var analyst = await hub.PersonTokenAsync(RetentionTestHub.Analyst);
        var officerSystem = await hub.SystemTokenAsync(RetentionTestHub.OfficerSystem, "audit");
        var submitter = await hub.SystemTokenAsync(RetentionTestHub.Submitter, "signals");
        var foreigner = await hub.PersonTokenAsync(RetentionTestHub.Foreigner);
        var officer = await hub.PersonTokenAsync(RetentionTestHub.Officer);
        var officerWithoutAudit = await hub.PersonTokenAsync(RetentionTestHub.Officer, "signals");
        (string Path, string Token, HttpStatusCode Status, string Code)[] cases =
        [
            ("/api/v1/convenants/zvh/retention/run", analyst, HttpStatusCode.Forbidden, RetentionErrorCodes.NotPrivacyOfficer),
            ("/api/v1/convenants/zvh/retention/preview", analyst, HttpStatusCode.Forbidden, RetentionErrorCodes.NotPrivacyOfficer),
            ("/api/v1/convenants/zvh/retention/run", officerSystem, HttpStatusCode.Forbidden, RetentionErrorCodes.PersonRequired),
            ("/api/v1/convenants/zvh/retention/run", submitter, HttpStatusCode.Forbidden, "SH3012"),
            ("/api/v1/convenants/zvh/retention/run", officerWithoutAudit, HttpStatusCode.Forbidden, "SH3012"),
            ("/api/v1/convenants/riec/retention/run", officer, HttpStatusCode.Forbidden, "SH3013"),
            ("/api/v1/convenants/elders/retention/run", foreigner, HttpStatusCode.NotFound, RetentionErrorCodes.UnknownConvenant),
            ("/api/v1/convenants/zvh/retention/run", foreigner, HttpStatusCode.Forbidden, RetentionErrorCodes.NotPrivacyOfficer),
            ("/api/v1/convenants/ZVH!/retention/run", officer, HttpStatusCode.BadRequest, "SH3015"),
        ];
        foreach (var (path, token, status, code) in cases)
        {
            var method = path.EndsWith("/run", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;
            var (actual, body) = await hub.CallAsync(method, path, token);
            Assert.True(actual == status, $"{path}: {actual} {body}");
            Assert.Equal(code, body.GetProperty("code").GetString());
        }

        Assert.Equal(before, await hub.StateAsync());
        Assert.True(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == signalId)));
        var log = hub.Factory.Services.GetRequiredService<SharingHub.Hub.Audit.AuditLog>();
        var denied = new List<AuditRecord>();
        for (long i = 0; i < log.Size; i += 256)
        {
            var entries = await log.Store.ReadEntriesAsync(i, 256, CancellationToken.None);
            denied.AddRange(entries.Select(e => AuditRecordSerializer.TryDeserialize(e.Record)!)
                .Where(r => r.Status == AuditStatus.Denied && r.Operation.StartsWith("retention.", StringComparison.Ordinal)));
        }

        Assert.Equal(5, denied.Count);
        Assert.All(denied, r => Assert.Equal(AuditSubject.TypeNone, r.Subject.Type));
    }
}

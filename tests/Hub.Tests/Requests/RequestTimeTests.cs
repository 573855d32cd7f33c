using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Requests;

/// <summary>What time does to requests (TestClock): escalation of overdue reviews, and requests under an expired convenant.</summary>
public sealed class RequestTimeTests
{
    [Fact]
    public async Task Escalation_FourEyesOverdue_MarkedAuditedAndFirstInQueue()
    {
        var hub = new RequestsHub();
        await hub.InitializeAsync();
        try
        {
            var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100617682", minor: false);
            await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
            var token = await hub.SystemTokenAsync(RequestsHub.Politie);
            var (_, older) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef, "\"casusinformatie\",\"identificatie\"", "\"naam\",\"aanmeldreden\""));
            hub.Time.Advance(TimeSpan.FromDays(1));
            token = await hub.SystemTokenAsync(RequestsHub.Politie);
            var (_, newer) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef));
            var olderId = older.GetProperty("id").GetGuid();
            var newerId = newer.GetProperty("id").GetGuid();
            var escalation = hub.Factory.Services.GetRequiredService<RequestEscalation>();

            hub.Time.Advance(TimeSpan.FromDays(1));
            var early = await escalation.RunOnceAsync(CancellationToken.None);
            hub.Time.Advance(TimeSpan.FromDays(1.5));
            var before = hub.Log.Size;
            var due = await escalation.RunOnceAsync(CancellationToken.None);
            var again = await escalation.RunOnceAsync(CancellationToken.None);

            Assert.Equal(0, early);
            Assert.Equal(1, due);
            Assert.Equal(0, again);
            var rows = await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == olderId || r.Id == newerId).ToListAsync());
            Assert.Equal(hub.Time.GetUtcNow(), rows.Single(r => r.Id == olderId).EscalatedAt);
            Assert.Null(rows.Single(r => r.Id == newerId).EscalatedAt);
            var record = Assert.Single(await hub.AuditSinceAsync(before), r => r.Operation == AuditOperations.RequestEscalated);
            Assert.Contains("ZVH-A-03", record.DecisionReasons);
            Assert.Equal("request:" + olderId.ToString("D"), record.ResourceId);

            var (status, queue) = await hub.GetAsync(await hub.PersonTokenAsync(RequestsHub.PoZvh), "/api/v1/convenants/zvh/access-requests?status=pending-review");
            Assert.Equal(HttpStatusCode.OK, status);
            var items = queue.GetProperty("items").EnumerateArray().ToArray();
            Assert.Equal(olderId, items[0].GetProperty("id").GetGuid());
            Assert.True(items[0].GetProperty("escalated").GetBoolean());
            Assert.False(items.Single(i => i.GetProperty("id").GetGuid() == newerId).GetProperty("escalated").GetBoolean());
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task EscalationLoop_TimerOnTheInjectedClock_EscalatesWithoutACall()
    {
        var hub = new RequestsHub();
        hub.Settings["Requests:EscalationEnabled"] = "true";
        hub.Settings["Requests:EscalationInterval"] = "01:00:00";
        await hub.InitializeAsync();
        try
        {
            var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100768143", minor: false);
            await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
            var (_, created) = await hub.CreateRequestAsync(await hub.SystemTokenAsync(RequestsHub.Politie), RequestsHub.RequestBody(subjectRef));
            var id = created.GetProperty("id").GetGuid();

            DateTimeOffset? escalated = null;
            for (var i = 0; i < 100 && escalated is null; i++)
            {
                hub.Time.Advance(TimeSpan.FromHours(1));
                await Task.Delay(50);
                escalated = await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == id).Select(r => r.EscalatedAt).SingleAsync());
            }

            Assert.NotNull(escalated);
            Assert.True(escalated >= created.GetProperty("reviewDeadline").GetDateTimeOffset());
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task Create_ConvenantExpired_DeniedCitingTheConvenant()
    {
        var hub = new RequestsHub();
        await hub.InitializeAsync();
        try
        {
            var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100665196", minor: false);
            await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");

            // zvh.json is valid until 2029-03-01T00:00:00+01:00.
            hub.Time.SetUtcNow(new DateTimeOffset(2029, 3, 2, 9, 0, 0, TimeSpan.Zero));
            var token = await hub.SystemTokenAsync(RequestsHub.Politie);
            var (status, problem) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef, "\"casusinformatie\"", "\"aanmeldreden\"", mode: "pseudonymised"));

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(RequestErrorCodes.Denied, problem.GetProperty("code").GetString());
            Assert.Equal("ZVH-I-01", problem.GetProperty("decidingClause").GetString());
            Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("message").GetString()!.Contains("expired", StringComparison.Ordinal));
            var id = problem.GetProperty("requestId").GetGuid();
            Assert.Equal(AccessRequestStatus.Denied, await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
            Assert.Equal(0, await hub.WithDbAsync(db => db.Grants.CountAsync()));
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task Review_ConvenantExpiredWhilePending_NobodyMayReviewNoGrant()
    {
        var hub = new RequestsHub();
        await hub.InitializeAsync();
        try
        {
            var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100752305", minor: false);
            await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
            var (_, created) = await hub.CreateRequestAsync(await hub.SystemTokenAsync(RequestsHub.Politie), RequestsHub.RequestBody(subjectRef));
            var id = created.GetProperty("id").GetGuid();

            hub.Time.SetUtcNow(new DateTimeOffset(2029, 3, 2, 9, 0, 0, TimeSpan.Zero));
            var (status, problem) = await hub.ReviewAsync(await hub.PersonTokenAsync(RequestsHub.PoZvh), id,
                """{"gate":"four-eyes","verdict":"approve","motivation":"Noodzaak en proportionaliteit zijn voldoende onderbouwd voor deze actie."}""");

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(RequestErrorCodes.ReviewerNotEligible, problem.GetProperty("code").GetString());
            Assert.Equal(AccessRequestStatus.PendingReview, await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
            Assert.Equal(0, await hub.WithDbAsync(db => db.Grants.CountAsync()));
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }
}

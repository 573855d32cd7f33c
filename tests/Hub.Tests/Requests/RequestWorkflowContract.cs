using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Requests;

namespace SharingHub.Hub.Tests.Requests;

/// <summary>Create, review and concurrency of access requests, run against SQLite and PostgreSQL.</summary>
public abstract class RequestWorkflowContract(RequestsHub hub)
{
    private const string Deliberation = """
        {"dilemma":"Mag de politie de identiteit van een minderjarige kennen voor een huisbezoek, gezien de vertrouwensrelatie met de jeugdzorg?",
         "facts":"De jongere (BSN 100039595) is in het casusoverleg besproken; het plan vraagt een gesprek met de wijkagent.",
         "values":["bescherming van de jongere","privacy","veiligheid van de buurt"],
         "options":[{"option":"Niet verstrekken","assessment":"Het plan kan dan niet worden uitgevoerd."},
                    {"option":"Alleen naam en geboortedatum verstrekken","assessment":"Minimaal nodig voor het huisbezoek."}],
         "decision":"Alleen naam en geboortedatum verstrekken voor dertig dagen.",
         "dissent":"Een deelnemer wilde eerst de ouders informeren.",
         "participants":["facilitator.zvh","po.zvh","regisseur.zvh"]}
        """;

    private static string ApproveFourEyes => """{"gate":"four-eyes","verdict":"approve","motivation":"Noodzaak en proportionaliteit zijn voldoende onderbouwd voor deze actie."}""";

    private static string MoreelBeraad => $$"""{"gate":"moreel-beraad","verdict":"approve","motivation":"Het moreel beraad heeft de afweging gemaakt en stemt in met beperkingen.","deliberation":{{Deliberation}}}""";

    [Fact]
    public async Task Create_PseudonymisedCaseInformation_GrantedWithGrantRow()
    {
        var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100023757", minor: false);
        await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var before = hub.Log.Size;

        var (status, body) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef, "\"casusinformatie\"", "\"aanmeldreden\",\"problematiek\"",
            mode: "pseudonymised", duration: "45"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("granted", body.GetProperty("status").GetString());
        Assert.Equal("ZVH-F-07", body.GetProperty("decidingClause").GetString());
        var id = body.GetProperty("id").GetGuid();
        var grant = await hub.WithDbAsync(db => db.Grants.SingleAsync(g => g.RequestId == id));
        var row = await hub.WithDbAsync(db => db.AccessRequests.SingleAsync(r => r.Id == id));
        Assert.Equal("aanmeldreden,problematiek", grant.Fields);
        Assert.Equal("casusinformatie", grant.Categories);
        Assert.Equal(RequestsHub.PolitiePartner, grant.RecipientPartnerId);
        Assert.Equal("medewerker", grant.RecipientRole);
        Assert.Equal(row.SubjectId, grant.SubjectId);
        Assert.Equal(hub.Time.GetUtcNow().AddDays(45), grant.ExpiresAt);
        Assert.Equal("case-meeting", row.Phase);
        var records = await hub.AuditSinceAsync(before);
        Assert.Contains(records, r => r.Operation == AuditOperations.AccessRequest && r.Status == AuditStatus.Ok && r.DecisionReasons.Contains("decision:Permit"));
        Assert.Contains(records, r => r.Operation == AuditOperations.PolicyDecision && r.DecisionReasons.Contains("ZVH-F-07"));
        Assert.All(records, r => Assert.StartsWith("pseudonym:", r.Subject.Type, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ZvhScenario_PoliceRequestsIdentityOfMinor_FourEyesAndMoreelBeraadThenGranted()
    {
        var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100039595", minor: true, surname: "Verhoeven");
        await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var before = hub.Log.Size;

        var (status, created) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("pending-review", created.GetProperty("status").GetString());
        Assert.Equal(["four-eyes", "moreel-beraad"], created.GetProperty("requiredGates").EnumerateArray().Select(g => g.GetString()!));
        Assert.Equal(hub.Time.GetUtcNow().AddDays(3), created.GetProperty("reviewDeadline").GetDateTimeOffset());
        var clauses = created.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("clause").GetString()).ToArray();
        Assert.Contains("ZVH-A-03", clauses);
        Assert.Contains("ZVH-A-04", clauses);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(0, await hub.WithDbAsync(db => db.Grants.CountAsync(g => g.RequestId == id)));

        var fourEyes = await hub.ReviewAsync(await hub.CachedPersonTokenAsync(RequestsHub.PoZvh), id, ApproveFourEyes);
        Assert.Equal(HttpStatusCode.Created, fourEyes.Status);
        Assert.Equal("pending-review", fourEyes.Body.GetProperty("status").GetString());
        Assert.Equal(["moreel-beraad"], fourEyes.Body.GetProperty("remainingGates").EnumerateArray().Select(g => g.GetString()!));

        var beraad = await hub.ReviewAsync(await hub.CachedPersonTokenAsync(RequestsHub.Facilitator), id, MoreelBeraad);
        Assert.Equal(HttpStatusCode.Created, beraad.Status);
        Assert.Equal("granted", beraad.Body.GetProperty("status").GetString());
        var grantId = beraad.Body.GetProperty("grant").GetProperty("id").GetGuid();

        var grant = await hub.WithDbAsync(db => db.Grants.SingleAsync(g => g.RequestId == id));
        Assert.Equal(grantId, grant.Id);
        Assert.Equal("naam,geboortedatum", grant.Fields);
        Assert.Equal("identified", grant.Mode);
        Assert.Equal("ZVH-F-07", grant.Clause);
        Assert.Equal(hub.Time.GetUtcNow().AddDays(30), grant.ExpiresAt);
        var approvers = grant.Approvers.Split(',');
        Assert.Contains("person:facilitator.zvh", approvers);
        Assert.Contains("person:po.zvh", approvers);
        Assert.Contains("person:regisseur.zvh", approvers);
        Assert.Equal(2, approvers.Count(a => a.StartsWith("person:", StringComparison.Ordinal) && a.Length == "person:".Length + 32));
        var review = await hub.WithDbAsync(db => db.Reviews.SingleAsync(r => r.RequestId == id && r.Gate == "moreel-beraad"));
        var record = JsonDocument.Parse(review.Deliberation!).RootElement;
        Assert.Equal(3, record.GetProperty("participants").GetArrayLength());
        Assert.Equal(2, record.GetProperty("options").GetArrayLength());
        Assert.Equal("moreel-beraad-facilitator", review.ReviewerRole);
        Assert.DoesNotContain("100039595", review.Deliberation, StringComparison.Ordinal);
        Assert.Contains("casusoverleg", record.GetProperty("facts").GetString(), StringComparison.Ordinal);

        var records = await hub.AuditSinceAsync(before);
        Assert.Contains(records, r => r.Operation == AuditOperations.AccessRequest && r.DecisionReasons.Contains("decision:NeedsApproval"));
        Assert.Equal(2, records.Count(r => r.Operation == AuditOperations.Review && r.Status == AuditStatus.Ok));
        var granted = Assert.Single(records, r => r.Operation == AuditOperations.Grant);
        Assert.Contains("ZVH-F-07", granted.DecisionReasons);
        Assert.Contains("person:facilitator.zvh", granted.Approvers);
        Assert.Equal(RequestsHub.PolitiePartner, granted.Recipient);
        Assert.Single(records.Select(r => r.Subject.Id).Distinct());

        // Privacy: neither the identifiers nor the free text reach a log line.
        var logs = hub.Factory.Services.GetFakeLogCollector().GetSnapshot();
        Assert.DoesNotContain(logs, l => l.Message.Contains("100039595", StringComparison.Ordinal) || l.Message.Contains("Verhoeven", StringComparison.Ordinal)
            || l.Message.Contains("wijkagent", StringComparison.Ordinal) || l.Message.Contains("vertrouwensrelatie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviews_RacingForTheLastGate_ExactlyOneGrant()
    {
        var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100126704", minor: false);
        await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var first = await hub.CachedPersonTokenAsync(RequestsHub.PoZvh);
        var second = await hub.CachedPersonTokenAsync(RequestsHub.PoZvh2);
        for (var round = 0; round < 3; round++)
        {
            var (status, created) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef));
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(["four-eyes"], created.GetProperty("requiredGates").EnumerateArray().Select(g => g.GetString()!));
            var id = created.GetProperty("id").GetGuid();

            var results = await Task.WhenAll(hub.ReviewAsync(first, id, ApproveFourEyes), hub.ReviewAsync(second, id, ApproveFourEyes));

            Assert.Single(results, r => r.Status == HttpStatusCode.Created);
            var loser = Assert.Single(results, r => r.Status != HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.Conflict, loser.Status);
            Assert.Contains(loser.Body.GetProperty("code").GetString(), new[] { RequestErrorCodes.RequestClosed, RequestErrorCodes.ConcurrentChange });
            Assert.Equal(1, await hub.WithDbAsync(db => db.Grants.CountAsync(g => g.RequestId == id)));
            Assert.Equal(1, await hub.WithDbAsync(db => db.Reviews.CountAsync(r => r.RequestId == id)));
            Assert.Equal("granted", await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        }
    }

    [Fact]
    public async Task Create_ReporterCategory_DeniedByProhibitionAndStored()
    {
        var subjectRef = await hub.SubmitZvhSignalAsync(RequestsHub.Politie, "100174218", minor: false);
        await hub.AddCasusAsync(RequestsHub.PolitiePartner, subjectRef, "case-meeting");
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var before = hub.Log.Size;

        var (status, problem) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef, "\"melder\"", "\"melder-naam\"", mode: "pseudonymised"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(RequestErrorCodes.Denied, problem.GetProperty("code").GetString());
        Assert.Equal("ZVH-X-01", problem.GetProperty("decidingClause").GetString());
        Assert.Contains("ZVH-X-01", problem.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
        var id = problem.GetProperty("requestId").GetGuid();
        var row = await hub.WithDbAsync(db => db.AccessRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(AccessRequestStatus.Denied, row.Status);
        Assert.Equal("ZVH-X-01", row.DecidingClause);
        Assert.Equal(0, await hub.WithDbAsync(db => db.Grants.CountAsync(g => g.RequestId == id)));
        var records = await hub.AuditSinceAsync(before);
        Assert.Contains(records, r => r.Operation == AuditOperations.AccessRequest && r.Status == AuditStatus.Denied && r.DecisionReasons.Contains("ZVH-X-01"));
        Assert.Contains(records, r => r.Operation == AuditOperations.PolicyDecision && r.DecisionReasons.Contains("decision:Deny"));

        var identified = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(subjectRef, "\"melder\"", "\"melder-naam\""));
        Assert.Equal(HttpStatusCode.Forbidden, identified.Status);
        Assert.Equal("ZVH-C-09", identified.Body.GetProperty("decidingClause").GetString());
    }
}

public sealed class SqliteRequestWorkflowTests(RequestsHub hub) : RequestWorkflowContract(hub), IClassFixture<RequestsHub>;

public sealed class PostgresRequestWorkflowTests(PostgresRequestsHub hub) : RequestWorkflowContract(hub), IClassFixture<PostgresRequestsHub>;

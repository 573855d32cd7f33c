using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Requests;

namespace SharingHub.Hub.Tests.Requests;

/// <summary>
/// Review refusals (each a coded 4xx that changes nothing and is audited), rejection, double reviews, and who sees which
/// request (pseudonymised only; everyone else gets the same 404).
/// </summary>
public sealed class ReviewAndViewTests(ReviewAndViewTests.Hub hub) : IClassFixture<ReviewAndViewTests.Hub>
{
    public const string Bsn = "100601844";
    public const string Surname = "Kersten";

    public sealed class Hub : RequestsHub
    {
        public string SubjectRef { get; private set; } = string.Empty;

        /// <summary>Police (system) asks identity of a minor: four-eyes + moreel beraad pending.</summary>
        public Guid Pending { get; private set; }

        /// <summary>The police person agent.politie asks police data: privacy-officer gate pending.</summary>
        public Guid ByPerson { get; private set; }

        /// <summary>A granted (closed) request.</summary>
        public Guid Closed { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            SubjectRef = await SubmitZvhSignalAsync(Politie, Bsn, minor: true, surname: Surname);
            await AddCasusAsync(PolitiePartner, SubjectRef, "case-meeting");
            Pending = await CreateAsync(await SystemTokenAsync(Politie), RequestBody(SubjectRef), "pending-review");
            ByPerson = await CreateAsync(await CachedPersonTokenAsync(Agent),
                RequestBody(SubjectRef, "\"politiegegevens\"", "\"incidenten\"", mode: "pseudonymised", counterpart: "politie"), "pending-review");
            Closed = await CreateAsync(await SystemTokenAsync(Politie), RequestBody(SubjectRef, "\"casusinformatie\"", "\"aanmeldreden\"", mode: "pseudonymised"), "granted");
        }

        public async Task<Guid> CreateAsync(string token, string body, string expectedStatus)
        {
            var (status, created) = await CreateRequestAsync(token, body);
            Assert.True(status == HttpStatusCode.Created, "request refused: " + created);
            Assert.Equal(expectedStatus, created.GetProperty("status").GetString());
            return created.GetProperty("id").GetGuid();
        }
    }

    private const string Motivation = "Noodzaak en proportionaliteit zijn voldoende onderbouwd voor deze actie.";

    private static string Review(string gate, string verdict = "approve", string motivation = Motivation, string? deliberation = null, string? role = null) =>
        $$"""{"gate":"{{gate}}","verdict":"{{verdict}}","motivation":{{JsonSerializer.Serialize(motivation)}}{{(role is null ? "" : $",\"role\":{JsonSerializer.Serialize(role)}")}}{{(deliberation is null ? "" : ",\"deliberation\":" + deliberation)}}}""";

    private static string Deliberation(string participants = "\"facilitator.zvh\",\"po.zvh\",\"regisseur.zvh\"", string dilemma = "Mag de identiteit van de minderjarige naar de politie?") =>
        $$"""
        {"dilemma":{{JsonSerializer.Serialize(dilemma)}},"facts":"Besproken in het casusoverleg.","values":["privacy","veiligheid"],
         "options":[{"option":"Niet verstrekken","assessment":"Plan niet uitvoerbaar."}],"decision":"Verstrekken voor dertig dagen.","participants":[{{participants}}]}
        """;

    public static TheoryData<string, string, string, string, HttpStatusCode, string> Refusals() => new()
    {
        { "malformed json", RequestsHub.PoZvh, "pending", "{\"gate\":", HttpStatusCode.BadRequest, RequestErrorCodes.MalformedJson },
        { "missing gate", RequestsHub.PoZvh, "pending", "{\"verdict\":\"approve\",\"motivation\":\"" + Motivation + "\"}", HttpStatusCode.BadRequest, RequestErrorCodes.MissingField },
        { "unknown gate", RequestsHub.PoZvh, "pending", Review("steering"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidField },
        { "unknown verdict", RequestsHub.PoZvh, "pending", Review("four-eyes", verdict: "maybe"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidField },
        { "injection in role", RequestsHub.PoZvh, "pending", Review("four-eyes", role: "x'); DROP TABLE reviews;--"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidField },
        { "trivial motivation", RequestsHub.PoZvh, "pending", Review("four-eyes", motivation: "ok"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
        { "gate not required", RequestsHub.PoZvh, "pending", Review("privacy-officer"), HttpStatusCode.Conflict, RequestErrorCodes.GateNotRequired },
        { "role not held", RequestsHub.PoZvh, "pending", Review("four-eyes", role: "casusregisseur"), HttpStatusCode.Forbidden, RequestErrorCodes.ReviewerNotEligible },
        { "same party as requester", RequestsHub.PoPolitie, "pending", Review("four-eyes"), HttpStatusCode.Forbidden, RequestErrorCodes.ReviewerNotEligible },
        { "moreel beraad not by facilitator", RequestsHub.PoZvh, "pending", Review("moreel-beraad", deliberation: Deliberation()), HttpStatusCode.Forbidden, RequestErrorCodes.FacilitatorRequired },
        { "moreel beraad without record", RequestsHub.Facilitator, "pending", Review("moreel-beraad"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidDeliberation },
        { "record without dilemma", RequestsHub.Facilitator, "pending", Review("moreel-beraad", deliberation: Deliberation(dilemma: " ")), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidDeliberation },
        { "too few participants", RequestsHub.Facilitator, "pending", Review("moreel-beraad", deliberation: Deliberation("\"facilitator.zvh\",\"po.zvh\"")), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidParticipants },
        { "ineligible participant", RequestsHub.Facilitator, "pending", Review("moreel-beraad", deliberation: Deliberation("\"facilitator.zvh\",\"po.zvh\",\"medewerker.gemeente\"")), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidParticipants },
        { "unknown participant", RequestsHub.Facilitator, "pending", Review("moreel-beraad", deliberation: Deliberation("\"facilitator.zvh\",\"po.zvh\",\"nobody.zvh\"")), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidParticipants },
        { "participant twice", RequestsHub.Facilitator, "pending", Review("moreel-beraad", deliberation: Deliberation("\"facilitator.zvh\",\"po.zvh\",\"PO.ZVH\"")), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidParticipants },
        { "record on another gate", RequestsHub.PoZvh, "pending", Review("four-eyes", deliberation: Deliberation()), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidDeliberation },
        { "reviewer who may not see it", RequestsHub.Medewerker, "pending", Review("four-eyes"), HttpStatusCode.NotFound, RequestErrorCodes.RequestNotFound },
        { "unknown request", RequestsHub.PoZvh, "unknown", Review("four-eyes"), HttpStatusCode.NotFound, RequestErrorCodes.RequestNotFound },
        { "party the convenant does not let review", RequestsHub.PoPolitie, "person", Review("privacy-officer"), HttpStatusCode.Forbidden, RequestErrorCodes.ReviewerNotEligible },
        { "review by the requester", RequestsHub.Agent, "person", Review("privacy-officer"), HttpStatusCode.Forbidden, RequestErrorCodes.RequesterMayNotReview },
        { "review of a closed request", RequestsHub.PoZvh, "closed", Review("four-eyes"), HttpStatusCode.Conflict, RequestErrorCodes.RequestClosed },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Review_Refused_CodedNothingChangedAttemptAudited(string name, string reviewer, string target, string body, HttpStatusCode expectedStatus, string expectedCode)
    {
        var id = target switch
        {
            "pending" => hub.Pending,
            "person" => hub.ByPerson,
            "closed" => hub.Closed,
            _ => Guid.NewGuid(),
        };
        var token = await hub.CachedPersonTokenAsync(reviewer);
        var counts = await hub.CountsAsync();
        var version = await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == id).Select(r => (int?)r.Version).SingleOrDefaultAsync());
        var before = hub.Log.Size;

        var (status, problem) = await hub.ReviewAsync(token, id, body);

        Assert.True(expectedStatus == status, name + ": " + problem);
        Assert.Equal(expectedCode, problem.GetProperty("code").GetString());
        Assert.Equal(counts, await hub.CountsAsync());
        Assert.Equal(version, await hub.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == id).Select(r => (int?)r.Version).SingleOrDefaultAsync()));
        var records = await hub.AuditSinceAsync(before);
        var attempt = Assert.Single(records, r => r.Operation == AuditOperations.Review);
        Assert.Equal(AuditStatus.Denied, attempt.Status);
        Assert.Contains(expectedCode, attempt.DecisionReasons);
        Assert.DoesNotContain("DROP TABLE", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_BySystemClient_403PersonRequiredNothingChanged()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Infrastructure.Tokens.GetAsync(http, RequestsHub.ZvhReviewSystem, Infrastructure.TestAccounts.Secret, "review");
        var counts = await hub.CountsAsync();

        var (status, problem) = await hub.ReviewAsync(token, hub.Pending, Review("four-eyes"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(RequestErrorCodes.PersonRequired, problem.GetProperty("code").GetString());
        Assert.Equal(counts, await hub.CountsAsync());
    }

    [Fact]
    public async Task Review_SameReviewerTwice_409AlreadyReviewed()
    {
        var id = await hub.CreateAsync(await hub.SystemTokenAsync(RequestsHub.Politie), RequestsHub.RequestBody(hub.SubjectRef), "pending-review");
        var token = await hub.CachedPersonTokenAsync(RequestsHub.Regisseur);

        var first = await hub.ReviewAsync(token, id, Review("four-eyes"));
        var counts = await hub.CountsAsync();
        var second = await hub.ReviewAsync(token, id, Review("four-eyes"));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal(RequestErrorCodes.AlreadyReviewed, second.Body.GetProperty("code").GetString());
        Assert.Equal(counts, await hub.CountsAsync());
    }

    [Fact]
    public async Task Review_Reject_RequestDeniedWithTheGateClauseAndClosed()
    {
        var id = await hub.CreateAsync(await hub.SystemTokenAsync(RequestsHub.Politie), RequestsHub.RequestBody(hub.SubjectRef), "pending-review");

        var rejected = await hub.ReviewAsync(await hub.CachedPersonTokenAsync(RequestsHub.PoZvh2), id,
            Review("four-eyes", verdict: "reject", motivation: "De subsidiariteit is onvoldoende: eerst gepseudonimiseerd werken."));
        var later = await hub.ReviewAsync(await hub.CachedPersonTokenAsync(RequestsHub.PoZvh), id, Review("four-eyes"));
        var hidden = await hub.ReviewAsync(await hub.CachedPersonTokenAsync(RequestsHub.Facilitator), id, Review("moreel-beraad", deliberation: Deliberation()));

        Assert.Equal(HttpStatusCode.Created, rejected.Status);
        Assert.Equal("denied", rejected.Body.GetProperty("status").GetString());
        var row = await hub.WithDbAsync(db => db.AccessRequests.SingleAsync(r => r.Id == id));
        Assert.Equal("ZVH-A-03", row.DecidingClause);
        Assert.NotNull(row.DecidedAt);
        Assert.Equal(RequestErrorCodes.RequestClosed, later.Body.GetProperty("code").GetString());

        // A closed request is no longer in a facilitator's view: the same 404 as for an unknown id.
        Assert.Equal(RequestErrorCodes.RequestNotFound, hidden.Body.GetProperty("code").GetString());
        Assert.Equal(0, await hub.WithDbAsync(db => db.Grants.CountAsync(g => g.RequestId == id)));
    }

    [Fact]
    public async Task Get_Requester_SeesItsOwnReferenceAndNoIdentity()
    {
        var (status, view) = await hub.GetAsync(await hub.SystemTokenAsync(RequestsHub.Politie), $"/api/v1/access-requests/{hub.Pending}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(hub.SubjectRef, view.GetProperty("subject").GetString());
        Assert.Equal(["four-eyes", "moreel-beraad"], view.GetProperty("requiredGates").EnumerateArray().Select(g => g.GetString()!));
        Assert.Equal("case-meeting", view.GetProperty("phase").GetString());
        AssertNoIdentity(view);
    }

    [Fact]
    public async Task Get_PrivacyOfficerOfAnotherPartner_SeesOpaqueLabel()
    {
        var (status, view) = await hub.GetAsync(await hub.CachedPersonTokenAsync(RequestsHub.PoZvh), $"/api/v1/access-requests/{hub.Pending}");

        Assert.Equal(HttpStatusCode.OK, status);
        var subject = view.GetProperty("subject").GetString()!;
        Assert.NotEqual(hub.SubjectRef, subject);
        Assert.StartsWith("request-subject-", subject, StringComparison.Ordinal);
        AssertNoIdentity(view);
    }

    [Fact]
    public async Task Get_OthersAndUnknownIds_SameNotFound()
    {
        var otherPartner = await hub.GetAsync(await hub.SystemTokenAsync(RequestsHub.Gemeente), $"/api/v1/access-requests/{hub.Pending}");
        var noReviewerRole = await hub.GetAsync(await hub.CachedPersonTokenAsync(RequestsHub.Medewerker), $"/api/v1/access-requests/{hub.Pending}");
        var unknown = await hub.GetAsync(await hub.SystemTokenAsync(RequestsHub.Politie), $"/api/v1/access-requests/{Guid.NewGuid()}");

        foreach (var (status, problem) in new[] { otherPartner, noReviewerRole, unknown })
        {
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal(RequestErrorCodes.RequestNotFound, problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Queue_EligibleReviewersSeePendingOthersDoNot()
    {
        const string Path = "/api/v1/convenants/zvh/access-requests?status=pending-review";
        var po = await hub.GetAsync(await hub.CachedPersonTokenAsync(RequestsHub.PoZvh), Path);
        var facilitator = await hub.GetAsync(await hub.CachedPersonTokenAsync(RequestsHub.Facilitator), Path);
        var medewerker = await hub.GetAsync(await hub.CachedPersonTokenAsync(RequestsHub.Medewerker), Path);
        var bad = await hub.GetAsync(await hub.CachedPersonTokenAsync(RequestsHub.PoZvh), "/api/v1/convenants/zvh/access-requests?status=open");

        Assert.Contains(Ids(po.Body), id => id == hub.Pending);
        Assert.Contains(Ids(po.Body), id => id == hub.ByPerson);
        Assert.DoesNotContain(Ids(po.Body), id => id == hub.Closed);
        Assert.Contains(Ids(facilitator.Body), id => id == hub.Pending);
        Assert.DoesNotContain(Ids(facilitator.Body), id => id == hub.ByPerson);
        Assert.Empty(Ids(medewerker.Body));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(RequestErrorCodes.InvalidStatusFilter, bad.Body.GetProperty("code").GetString());
        foreach (var item in po.Body.GetProperty("items").EnumerateArray())
        {
            AssertNoIdentity(item);
        }
    }

    private static Guid[] Ids(JsonElement queue) => queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();

    private static void AssertNoIdentity(JsonElement view)
    {
        var text = view.ToString();
        Assert.DoesNotContain(Bsn, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Surname, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2010-05-17", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", text, StringComparison.Ordinal);
    }
}

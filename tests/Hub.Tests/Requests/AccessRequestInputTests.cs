using System.Net;
using System.Text.Json;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Requests;

namespace SharingHub.Hub.Tests.Requests;

/// <summary>The bad-input matrix of <c>POST /access-requests</c>: every case is a coded 4xx, nothing is stored, the attempt is audited.</summary>
public sealed class AccessRequestInputTests(AccessRequestInputTests.Hub hub) : IClassFixture<AccessRequestInputTests.Hub>
{
    public sealed class Hub : RequestsHub
    {
        public string SubjectRef { get; private set; } = string.Empty;

        public string GemeenteRef { get; private set; } = string.Empty;

        public string RiecRef { get; private set; } = string.Empty;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            SubjectRef = await SubmitZvhSignalAsync(Politie, "100372193", minor: true);
            await AddCasusAsync(PolitiePartner, SubjectRef, "case-meeting");
            GemeenteRef = await SubmitZvhSignalAsync(Gemeente, "100419707", minor: false);
            RiecRef = await SubmitRiecSignalAsync("100475140");
        }
    }

    public static TheoryData<string, string, HttpStatusCode, string> Cases()
    {
        const string Ref = "{ref}";
        return new TheoryData<string, string, HttpStatusCode, string>
        {
            { "malformed json", "{\"subjectRef\":", HttpStatusCode.BadRequest, RequestErrorCodes.MalformedJson },
            { "not an object", "[1,2,3]", HttpStatusCode.BadRequest, RequestErrorCodes.MalformedJson },
            { "unknown member", RequestsHub.RequestBody(Ref).Replace("\"mode\"", "\"role\":\"analist\",\"mode\"", StringComparison.Ordinal), HttpStatusCode.BadRequest, RequestErrorCodes.MalformedJson },
            { "number as text", RequestsHub.RequestBody(Ref, duration: "\"30\""), HttpStatusCode.BadRequest, RequestErrorCodes.MalformedJson },
            { "missing subject", RequestsHub.RequestBody(string.Empty), HttpStatusCode.BadRequest, RequestErrorCodes.MissingField },
            { "missing categories", RequestsHub.RequestBody(Ref, categories: string.Empty), HttpStatusCode.BadRequest, RequestErrorCodes.MissingField },
            { "missing fields", RequestsHub.RequestBody(Ref, fields: string.Empty), HttpStatusCode.BadRequest, RequestErrorCodes.MissingField },
            { "missing necessity", RequestsHub.RequestBody(Ref, necessity: " "), HttpStatusCode.BadRequest, RequestErrorCodes.MissingField },
            { "bad mode", RequestsHub.RequestBody(Ref, mode: "hit-no-hit"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidField },
            { "unknown subject", RequestsHub.RequestBody("s1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, RequestErrorCodes.SubjectNotFound },
            { "another partner's subject", RequestsHub.RequestBody("{gemeente}"), HttpStatusCode.NotFound, RequestErrorCodes.SubjectNotFound },
            { "another convenant's subject", RequestsHub.RequestBody("{riec}"), HttpStatusCode.NotFound, RequestErrorCodes.SubjectNotFound },
            { "injection in subject", RequestsHub.RequestBody("x'); DROP TABLE access_requests;--"), HttpStatusCode.NotFound, RequestErrorCodes.SubjectNotFound },
            { "unknown purpose", RequestsHub.RequestBody(Ref, purpose: "opsporing-en-vervolging"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.UnknownPurpose },
            { "injection in purpose", RequestsHub.RequestBody(Ref, purpose: "<script>alert(1)</script>"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.UnknownPurpose },
            { "unknown category", RequestsHub.RequestBody(Ref, categories: "\"identificatie\",\"'; DELETE FROM grants;--\""), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.UnknownCategory },
            { "field outside categories", RequestsHub.RequestBody(Ref, fields: "\"naam\",\"bsn\""), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.FieldOutsideCategories },
            { "field of no category", RequestsHub.RequestBody(Ref, fields: "\"naam\",\"wachtwoord\""), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.FieldOutsideCategories },
            { "unknown counterpart", RequestsHub.RequestBody(Ref, counterpart: "fiod"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.UnknownCounterpart },
            { "placeholder necessity", RequestsHub.RequestBody(Ref, necessity: "n.v.t."), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "dash proportionality", RequestsHub.RequestBody(Ref, proportionality: "-"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "see above subsidiarity", RequestsHub.RequestBody(Ref, subsidiarity: "zie boven"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "short necessity", RequestsHub.RequestBody(Ref, necessity: "Nodig voor het plan."), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "repeated characters", RequestsHub.RequestBody(Ref, necessity: string.Join(' ', Enumerable.Repeat("xxxxxx", 10))), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "purpose name only", RequestsHub.RequestBody(Ref, necessity: "Persoonsgerichte aanpak van complexe, domeinoverstijgende casuïstiek in het zorg- en veiligheidsdomein"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "copied into all three", RequestsHub.RequestBody(Ref, proportionality: RequestsHub.Necessity, subsidiarity: RequestsHub.Necessity), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.TrivialMotivation },
            { "too long", RequestsHub.RequestBody(Ref, necessity: string.Concat(Enumerable.Repeat(RequestsHub.Necessity + " ", 40))), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidField },
            { "duration above max", RequestsHub.RequestBody(Ref, duration: "91"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidDuration },
            { "duration zero", RequestsHub.RequestBody(Ref, duration: "0"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.InvalidDuration },
            { "fields not shared by the flow", RequestsHub.RequestBody(Ref, fields: "\"adres\"", categories: "\"identificatie\"", mode: "identified", counterpart: "politie"), HttpStatusCode.UnprocessableEntity, RequestErrorCodes.FieldsNotShared },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Create_BadInput_CodedRefusalNothingStoredAttemptAudited(string name, string template, HttpStatusCode expectedStatus, string expectedCode)
    {
        var body = template.Replace("{ref}", hub.SubjectRef, StringComparison.Ordinal).Replace("{gemeente}", hub.GemeenteRef, StringComparison.Ordinal)
            .Replace("{riec}", hub.RiecRef, StringComparison.Ordinal);
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var counts = await hub.CountsAsync();
        var before = hub.Log.Size;

        var (status, problem) = await hub.CreateRequestAsync(token, body);

        Assert.True(expectedStatus == status, name + ": " + problem);
        Assert.Equal(expectedCode, problem.GetProperty("code").GetString());
        var records = await hub.AuditSinceAsync(before);
        Assert.Contains(records, r => r.Operation == AuditOperations.AccessRequest && r.Status == AuditStatus.Denied
            && r.DecisionReasons.Contains(expectedCode));
        var text = problem.ToString();
        Assert.DoesNotContain("DROP TABLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        if (expectedStatus == HttpStatusCode.Forbidden)
        {
            // A policy denial is itself stored (status denied), but never as a grant.
            var after = await hub.CountsAsync();
            Assert.Equal(counts.Requests + 1, after.Requests);
            Assert.Equal(counts.Grants, after.Grants);
        }
        else
        {
            Assert.Equal(counts, await hub.CountsAsync());
        }
    }

    [Fact]
    public async Task Create_WrongContentType_415NothingStored()
    {
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var counts = await hub.CountsAsync();
        using var http = hub.Factory.CreateApiClient();
        using var response = await RequestsHub.PostAsync(http, "/api/v1/convenants/zvh/access-requests", token, RequestsHub.RequestBody(hub.SubjectRef), "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(counts, await hub.CountsAsync());
    }

    [Fact]
    public async Task Create_WrongPurpose_DeniedCitingTheProhibitedPurpose()
    {
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var (status, problem) = await hub.CreateRequestAsync(token, RequestsHub.RequestBody(hub.SubjectRef, purpose: "opsporing"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(RequestErrorCodes.Denied, problem.GetProperty("code").GetString());
        Assert.Equal("ZVH-P-05", problem.GetProperty("decidingClause").GetString());
        Assert.NotEqual(JsonValueKind.Undefined, problem.GetProperty("reasons").ValueKind);
    }

    [Fact]
    public async Task Create_IdentifiersInJustifications_StoredScrubbed()
    {
        var token = await hub.SystemTokenAsync(RequestsHub.Politie);
        var body = RequestsHub.RequestBody(hub.SubjectRef, necessity: RequestsHub.Necessity + " Zijn BSN is 123456782 en hij mailt via jan.jansen@example.nl.",
            subsidiarity: RequestsHub.Subsidiarity + " Bel hem op 0612345678.");

        var (status, created) = await hub.CreateRequestAsync(token, body);

        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetGuid();
        var row = await hub.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.AccessRequests, r => r.Id == id));
        var stored = row.Necessity + row.Proportionality + row.Subsidiarity;
        Assert.DoesNotContain("123456782", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("jan.jansen@example.nl", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("0612345678", stored, StringComparison.Ordinal);
        Assert.Contains("huisbezoek", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WithoutReviewScope_403()
    {
        var (status, problem) = await hub.GetAsync(await hub.SystemTokenAsync(RequestsHub.Politie), "/api/v1/convenants/zvh/access-requests?status=pending-review");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("SH3012", problem.GetProperty("code").GetString());
    }
}

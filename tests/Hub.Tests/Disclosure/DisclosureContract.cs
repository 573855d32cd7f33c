using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Audit;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.HubCtl.Audit;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Vault;
using P = SharingHub.Hub.Tests.Disclosure.DisclosurePartners;

namespace SharingHub.Hub.Tests.Disclosure;

/// <summary>
/// Disclosure and revocation through the real API, on one provider: signals (with a reporter) go in through the signals API,
/// the access request and grant rows are inserted as the requests workflow will write them.
/// </summary>
public abstract class DisclosureContract(IDisclosureHub hub)
{
    private HubFactory Factory => hub.Factory;

    [Fact]
    public async Task Disclose_ValidGrant_ReturnsOnlyGrantedFieldsDeduplicatedWithVerifiableReceipt()
    {
        var person = await PersonAsync();
        var before = DisclosureApi.AuditSize(Factory);
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");

        using var response = await DisclosureApi.DiscloseAsync(http, token, person.RequestId.ToString());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(person.RequestId, body.GetProperty("requestId").GetGuid());
        Assert.Equal(person.GrantId, body.GetProperty("grantId").GetGuid());
        Assert.Equal(P.Purpose, body.GetProperty("purpose").GetString());
        var fields = body.GetProperty("fields");
        Assert.Equal(["aanmeldreden", "geboortedatum", "naam"], fields.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal([$"{person.Given} de {person.Surname}", $"{person.Variant} de {person.Surname}"],
            fields.GetProperty("naam").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("1980-05-17", fields.GetProperty("geboortedatum").GetString());
        Assert.Equal(person.Reason, fields.GetProperty("aanmeldreden").GetString());
        foreach (var absent in new[] { person.Bsn, person.Postcode, person.Street, person.Problem }.Concat(person.Reporter.Needles()))
        {
            Assert.DoesNotContain(absent, text, StringComparison.OrdinalIgnoreCase);
        }

        var records = await DisclosureApi.AuditSinceAsync(Factory, before);
        var record = Assert.Single(records, r => r.Operation == AuditOperations.Disclosure);
        Assert.Equal(AuditStatus.Ok, record.Status);
        Assert.Equal(person.Anchor, record.Subject.Id);
        Assert.True(record.Reidentified);
        Assert.Equal(P.PolitiePartner, record.Recipient);
        Assert.Equal("medewerker", record.RecipientRole);
        Assert.Equal(["person:po-approver-1", "person:mb-facilitator-2"], record.Approvers);
        Assert.Equal(P.Purpose, record.Purpose);
        Assert.Equal(P.LegalGround, record.LegalGround);
        Assert.Equal(["identificatie", "casusinformatie"], record.DataCategories);
        Assert.Contains("ZVH-F-07", record.DecisionReasons);
        Assert.Equal("grant:" + person.GrantId, record.ResourceId);
        Assert.Equal("zvh:disclosure", record.ProcessingActivityId);
        Assert.StartsWith("sha256:", record.ConvenantVersion, StringComparison.Ordinal);

        var receipt = body.GetProperty("receipt").GetString()!;
        Assert.StartsWith(AuditReceipt.Header, receipt, StringComparison.Ordinal);
        await AssertReceiptVerifiesAsync(receipt, record);

        var logs = string.Join('\n', Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Select(r => r.Message + " " + r.Exception + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        foreach (var secret in new[] { person.Given, person.Variant, person.Surname, person.Reason })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Export_Csv_SameValuesAsCsvAuditedAsExportWithReceipt()
    {
        var person = await PersonAsync();
        var before = DisclosureApi.AuditSize(Factory);
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");

        using var response = await DisclosureApi.DiscloseAsync(http, token, person.RequestId.ToString(), "csv");

        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("field,value", lines[0]);
        Assert.Equal(
            [$"aanmeldreden,{person.Reason}", "geboortedatum,1980-05-17", $"naam,{person.Given} de {person.Surname}", $"naam,{person.Variant} de {person.Surname}"],
            lines.Skip(1).Order(StringComparer.Ordinal));
        var record = Assert.Single(await DisclosureApi.AuditSinceAsync(Factory, before));
        Assert.Equal(AuditOperations.Export, record.Operation);
        Assert.True(record.Reidentified);
        var receipt = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues(DisclosureEndpoints.ReceiptHeader).Single()));
        await AssertReceiptVerifiesAsync(receipt, record);
    }

    [Fact]
    public async Task Disclose_ClusterMemberAndPseudonymisedMode_IdentityOnlyWhenIdentified()
    {
        var person = await PersonAsync(mode: "pseudonymised");
        var before = DisclosureApi.AuditSize(Factory);
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");

        using var response = await DisclosureApi.DiscloseAsync(http, token, person.RequestId.ToString());

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = JsonDocument.Parse(text).RootElement.GetProperty("fields");
        Assert.Equal(0, fields.GetProperty("naam").GetArrayLength());
        Assert.Equal(0, fields.GetProperty("geboortedatum").GetArrayLength());
        Assert.Equal(person.Reason, fields.GetProperty("aanmeldreden").GetString());
        Assert.DoesNotContain(person.Surname, text, StringComparison.OrdinalIgnoreCase);
        Assert.False(Assert.Single(await DisclosureApi.AuditSinceAsync(Factory, before)).Reidentified);

        // A subject linkage merged into the root: its signal's identity is disclosed with the root's.
        var identified = await PersonAsync();
        var other = TestPeople.Name("Linked");
        using var submitter = Factory.CreateApiClient();
        var gemeente = await DisclosureApi.TokenAsync(submitter, P.Gemeente, "signals");
        var (_, reference) = await DisclosureApi.SubmitAsync(submitter, gemeente, P.Convenant,
            DisclosureApi.ZvhPerson(TestPeople.Bsn(), other, identified.Surname, "1980-05-17"));
        var member = await DisclosureApi.ResolveAsync(Factory, P.Convenant, P.GemeentePartner, reference);
        Assert.NotEqual(identified.SubjectId, member.Id);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var row = await db.Subjects.SingleAsync(s => s.Id == member.Id);
            row.MergedIntoId = identified.SubjectId;
            await db.SaveChangesAsync();
        }

        using var merged = await DisclosureApi.DiscloseAsync(http, token, identified.RequestId.ToString());
        var names = JsonDocument.Parse(await merged.Content.ReadAsStringAsync()).RootElement.GetProperty("fields").GetProperty("naam")
            .EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains($"{other} de {identified.Surname}", names);
        Assert.Equal(3, names.Count);
    }

    [Fact]
    public async Task Disclose_GroupSignalMembers_MemberIdentityDisclosedAndAuditedPerDataSubject()
    {
        var group = await PersonAsync();
        var memberName = TestPeople.Name("Lid");
        using var http = Factory.CreateApiClient();
        var gemeente = await DisclosureApi.TokenAsync(http, P.Gemeente, "signals");
        var (_, reference) = await DisclosureApi.SubmitAsync(http, gemeente, P.Convenant,
            DisclosureApi.ZvhPerson(TestPeople.Bsn(), memberName, group.Surname, "1990-01-02"));
        var member = await DisclosureApi.ResolveAsync(Factory, P.Convenant, P.GemeentePartner, reference);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // As ingress stores a group-level signal: the member's identity sealed under the member's own vault id.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var vault = scope.ServiceProvider.GetRequiredService<IdentityVault>();
            var signal = await db.Signals.Where(s => s.SubjectId == group.SubjectId).OrderBy(s => s.SubmittedAt).FirstAsync();
            var identity = new IdentityRecord(new Dictionary<string, IdentityField>
            {
                [IdentityFieldNames.GivenNames] = new(memberName, null),
                [IdentityFieldNames.Surname] = new("Groepslid", null),
            });
            db.SignalMembers.Add(new SignalMember
            {
                SignalId = signal.Id,
                SubjectId = member.Id,
                Position = 0,
                Identity = await vault.SealAsync(Subject.VaultIdOf(member.Id), identity),
            });
            await db.SaveChangesAsync();
        }

        var before = DisclosureApi.AuditSize(Factory);
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");
        using var response = await DisclosureApi.DiscloseAsync(http, token, group.RequestId.ToString());

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{memberName} Groepslid", body.GetProperty("fields").GetProperty("naam").EnumerateArray().Select(v => v.GetString()));
        var records = (await DisclosureApi.AuditSinceAsync(Factory, before)).Where(r => r.Operation == AuditOperations.Disclosure).ToList();
        Assert.Equal([group.Anchor, member.Anchor], records.Select(r => r.Subject.Id));
        var receipts = body.GetProperty("receipts").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(2, receipts.Count);
        Assert.Equal(body.GetProperty("receipt").GetString(), receipts[0]);
        await AssertReceiptVerifiesAsync(receipts[1], records[1]);
    }

    [Fact]
    public async Task Disclose_RevokedNotGrantedReporterAndOutOfScopeGrants_CodedDenialNothingDisclosedAttemptAudited()
    {
        var person = await PersonAsync();
        var revoked = await DisclosureApi.InsertAsync(Factory, person.Spec with { RevokedAt = DisclosureApi.TimeOf(Factory) });
        var pending = await DisclosureApi.InsertAsync(Factory, person.Spec with { Status = AccessRequestStatus.PendingReview, WithGrant = false });
        var denied = await DisclosureApi.InsertAsync(Factory, person.Spec with { Status = AccessRequestStatus.Denied, WithGrant = false });
        var melderCategory = await DisclosureApi.InsertAsync(Factory, person.Spec with { Categories = "identificatie,melder", Fields = "naam,melder-naam" });
        var melderField = await DisclosureApi.InsertAsync(Factory, person.Spec with { Fields = "naam,melder-contact" });
        var outside = await DisclosureApi.InsertAsync(Factory, person.Spec with { Fields = "naam,strafzaken" });
        var unknownCategory = await DisclosureApi.InsertAsync(Factory, person.Spec with { Categories = "identificatie,geheimen" });
        var bsnIdentified = await DisclosureApi.InsertAsync(Factory, person.Spec with { Categories = "identificatie,bsn", Fields = "naam,bsn" });
        var healthToPolice = await DisclosureApi.InsertAsync(Factory, person.Spec with { Categories = "gezondheid", Fields = "zorgbehoefte" });
        (Guid Id, HttpStatusCode Status, string Code)[] cases =
        [
            (bsnIdentified.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.Prohibited),
            (healthToPolice.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.Prohibited),
            (revoked.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.GrantRevoked),
            (pending.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.NotGranted),
            (denied.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.NotGranted),
            (melderCategory.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.ReporterIdentity),
            (melderField.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.ReporterIdentity),
            (outside.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.GrantInvalid),
            (unknownCategory.RequestId, HttpStatusCode.Forbidden, DisclosureErrorCodes.GrantInvalid),
        ];
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");

        foreach (var (id, status, code) in cases)
        {
            var before = DisclosureApi.AuditSize(Factory);
            using var response = await DisclosureApi.DiscloseAsync(http, token, id.ToString());
            var text = await response.Content.ReadAsStringAsync();
            await DisclosureApi.AssertProblemAsync(response, status, code);
            AssertNothingDisclosed(text, person);
            var record = Assert.Single(await DisclosureApi.AuditSinceAsync(Factory, before));
            Assert.Equal(AuditStatus.Denied, record.Status);
            Assert.Equal(AuditOperations.PolicyDecision, record.Operation);
            Assert.Equal(person.Anchor, record.Subject.Id);
            Assert.Contains(code, record.DecisionReasons);
            Assert.False(record.Reidentified);
            if (id == bsnIdentified.RequestId || id == healthToPolice.RequestId)
            {
                var clause = id == bsnIdentified.RequestId ? "ZVH-X-03" : "ZVH-X-02";
                Assert.Contains(clause, record.DecisionReasons);
                Assert.Contains(clause, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Disclose_WrongCallerUnknownOrMalformedId_SameNotFoundOrBadRequestAndAudited()
    {
        var person = await PersonAsync();
        var otherRole = await DisclosureApi.InsertAsync(Factory, person.Spec with { RecipientRole = "stuurgroep" });
        using var http = Factory.CreateApiClient();
        var politie = await DisclosureApi.TokenAsync(http, P.Politie, "requests");
        (string Client, string Id, HttpStatusCode Status, string Code)[] cases =
        [
            (P.Gemeente, person.RequestId.ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (P.Bureau, person.RequestId.ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (P.RiecOnly, person.RequestId.ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (P.Politie, otherRole.RequestId.ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (P.Politie, Guid.NewGuid().ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (P.Politie, "not-a-request", HttpStatusCode.BadRequest, DisclosureErrorCodes.MalformedId),
            (P.Politie, person.RequestId.ToString("N"), HttpStatusCode.BadRequest, DisclosureErrorCodes.MalformedId),
        ];

        foreach (var (client, id, status, code) in cases)
        {
            var token = client == P.Politie ? politie : await DisclosureApi.TokenAsync(http, client, "requests");
            var before = DisclosureApi.AuditSize(Factory);
            using var response = await DisclosureApi.DiscloseAsync(http, token, id);
            var text = await response.Content.ReadAsStringAsync();
            await DisclosureApi.AssertProblemAsync(response, status, code);
            AssertNothingDisclosed(text, person);
            var record = Assert.Single(await DisclosureApi.AuditSinceAsync(Factory, before));
            Assert.Equal(AuditStatus.Denied, record.Status);
            Assert.Contains(code, record.DecisionReasons);
        }

        using var noScope = await DisclosureApi.DiscloseAsync(http, await DisclosureApi.TokenAsync(http, P.Politie, "signals"), person.RequestId.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        AssertNothingDisclosed(await noScope.Content.ReadAsStringAsync(), person);
        using var format = await DisclosureApi.DiscloseAsync(http, politie, person.RequestId.ToString(), "xml");
        await DisclosureApi.AssertProblemAsync(format, HttpStatusCode.BadRequest, DisclosureErrorCodes.UnknownFormat);
    }

    [Fact]
    public async Task Revoke_ByRequester_ThenTwice409AndDisclosure403Revoked()
    {
        var person = await PersonAsync();
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");
        var before = DisclosureApi.AuditSize(Factory);

        using var revoke = await DisclosureApi.RevokeAsync(http, token, person.RequestId.ToString());

        var body = JsonDocument.Parse(await revoke.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(person.GrantId, body.GetProperty("grantId").GetGuid());
        Assert.Equal("client:" + P.Politie, body.GetProperty("revokedBy").GetString());
        var record = Assert.Single(await DisclosureApi.AuditSinceAsync(Factory, before));
        Assert.Equal(AuditOperations.RequestRevoked, record.Operation);
        Assert.Equal(AuditStatus.Ok, record.Status);
        Assert.Equal(person.Anchor, record.Subject.Id);
        Assert.Equal("grant:" + person.GrantId, record.ResourceId);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var grant = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Grants.AsNoTracking().SingleAsync(g => g.Id == person.GrantId);
            Assert.NotNull(grant.RevokedAt);
            Assert.Equal("client:" + P.Politie, grant.RevokedBy);
        }

        using var twice = await DisclosureApi.RevokeAsync(http, token, person.RequestId.ToString());
        await DisclosureApi.AssertProblemAsync(twice, HttpStatusCode.Conflict, DisclosureErrorCodes.AlreadyRevoked);
        using var disclose = await DisclosureApi.DiscloseAsync(http, token, person.RequestId.ToString());
        await DisclosureApi.AssertProblemAsync(disclose, HttpStatusCode.Forbidden, DisclosureErrorCodes.GrantRevoked);
    }

    [Fact]
    public async Task Revoke_OthersOfficerSystemAndPerson_CodedOrAllowedAndNothingChangedOnRefusal()
    {
        var person = await PersonAsync();
        var pending = await DisclosureApi.InsertAsync(Factory, person.Spec with { Status = AccessRequestStatus.PendingReview, WithGrant = false });
        using var http = Factory.CreateApiClient();
        (string Token, string Id, HttpStatusCode Status, string Code)[] refusals =
        [
            (await DisclosureApi.TokenAsync(http, P.Gemeente, "requests"), person.RequestId.ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (await DisclosureApi.TokenAsync(http, P.RiecOnly, "requests"), person.RequestId.ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
            (await DisclosureApi.TokenAsync(http, P.OfficerSystem, "audit review"), person.RequestId.ToString(), HttpStatusCode.Forbidden, DisclosureErrorCodes.PersonTokenRequired),
            (await DisclosureApi.TokenAsync(http, P.Politie, "requests"), pending.RequestId.ToString(), HttpStatusCode.Conflict, DisclosureErrorCodes.NothingToRevoke),
            (await DisclosureApi.TokenAsync(http, P.Politie, "requests"), "x" + person.RequestId, HttpStatusCode.BadRequest, DisclosureErrorCodes.MalformedId),
            (await DisclosureApi.TokenAsync(http, P.Politie, "requests"), Guid.NewGuid().ToString(), HttpStatusCode.NotFound, DisclosureErrorCodes.NotFound),
        ];
        foreach (var (token, id, status, code) in refusals)
        {
            var before = DisclosureApi.AuditSize(Factory);
            using var response = await DisclosureApi.RevokeAsync(http, token, id);
            await DisclosureApi.AssertProblemAsync(response, status, code);
            var record = Assert.Single(await DisclosureApi.AuditSinceAsync(Factory, before));
            Assert.Equal(AuditStatus.Denied, record.Status);
            Assert.Contains(code, record.DecisionReasons);
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var grant = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Grants.AsNoTracking().SingleAsync(g => g.Id == person.GrantId);
            Assert.Null(grant.RevokedAt);
        }

        var officer = await DisclosureApi.PersonTokenAsync(Factory, P.OfficerUser, P.OfficerPassword);
        using var revoke = await DisclosureApi.RevokeAsync(http, officer, person.RequestId.ToString());
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.StartsWith("person:", JsonDocument.Parse(await revoke.Content.ReadAsStringAsync()).RootElement.GetProperty("revokedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectAccessReport_AfterDisclosure_ListsRecipientPurposeLegalGroundApprovers()
    {
        var person = await PersonAsync();
        using var http = Factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");
        using (var disclosed = await DisclosureApi.DiscloseAsync(http, token, person.RequestId.ToString()))
        {
            Assert.Equal(HttpStatusCode.OK, disclosed.StatusCode);
        }

        using (var refused = await DisclosureApi.DiscloseAsync(http, await DisclosureApi.TokenAsync(http, P.Gemeente, "requests"), person.RequestId.ToString()))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var officer = await DisclosureApi.PersonTokenAsync(Factory, P.OfficerUser, P.OfficerPassword);
        using var report = await Tokens.GetWithTokenAsync(http, $"/api/v1/audit/subjects/{person.Anchor}/disclosures", officer);

        var text = await report.Content.ReadAsStringAsync();
        Assert.True(report.StatusCode == HttpStatusCode.OK, text);
        var entry = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("disclosures").EnumerateArray());
        Assert.Equal(AuditOperations.Disclosure, entry.GetProperty("operation").GetString());
        Assert.Equal(P.PolitiePartner, entry.GetProperty("recipient").GetString());
        Assert.Equal("medewerker", entry.GetProperty("recipientRole").GetString());
        Assert.Equal(P.Purpose, entry.GetProperty("purpose").GetString());
        Assert.Equal(P.LegalGround, entry.GetProperty("legalGround").GetString());
        Assert.Equal(["person:po-approver-1", "person:mb-facilitator-2"], entry.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));
        Assert.True(entry.GetProperty("reidentified").GetBoolean());
        AssertNothingDisclosed(text, person);
    }

    internal static void AssertNothingDisclosed(string text, TestPerson person)
    {
        foreach (var secret in new[] { person.Given, person.Variant, person.Surname, person.Bsn, person.Reason, person.Problem, person.Postcode }.Concat(person.Reporter.Needles()))
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task AssertReceiptVerifiesAsync(string receipt, AuditRecord record)
    {
        var log = Factory.Services.GetRequiredService<AuditLog>();
        using var directory = new ScratchDirectory();
        var file = Path.Combine(directory.Path, "disclosure.tlog-proof");
        await File.WriteAllTextAsync(file, receipt);
        using var http = Factory.CreateApiClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AuditCli.RunAsync(["verify", "--receipt", file, "--key", log.VerifierKey], output, error, http, TimeProvider.System);
        Assert.True(code == 0, error.ToString());
        Assert.True(TlogProof.TryParse(receipt, out var proof, out var parseError), parseError);
        Assert.Equal(AuditRecordSerializer.Serialize(record), proof.Extra);

        var tampered = receipt.Replace("index " + proof.Index, "index " + (proof.Index + 1), StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, tampered);
        code = await AuditCli.RunAsync(["verify", "--receipt", file, "--key", log.VerifierKey], output, error, http, TimeProvider.System);
        Assert.Equal(1, code);
    }

    /// <summary>
    /// A person under ZVH with two signals (municipality with a reporter and an address; police with a spelling variant of the
    /// given name), content on both, and a granted access request of the police for naam, geboortedatum and aanmeldreden.
    /// </summary>
    private async Task<TestPerson> PersonAsync(string mode = "identified")
    {
        var person = new TestPerson(TestPeople.Bsn(), TestPeople.Name("Marl"), TestPeople.Name("Marv"), TestPeople.Name("Vermeul"),
            "9" + TestPeople.Bsn()[..3] + "XK", TestPeople.Name("Lindenlaan"), TestPeople.Name("Reden"), TestPeople.Name("Schuld"), TestPeople.NewReporter());
        using var http = Factory.CreateApiClient();
        var gemeente = await DisclosureApi.TokenAsync(http, P.Gemeente, "signals");
        var politie = await DisclosureApi.TokenAsync(http, P.Politie, "signals");
        var address = $$"""
            "address":{"postcode":"{{person.Postcode}}","houseNumber":"12","street":"{{person.Street}}","city":"Maastricht"}
            """;
        var (first, reference) = await DisclosureApi.SubmitAsync(http, gemeente, P.Convenant,
            DisclosureApi.ZvhPerson(person.Bsn, person.Given, person.Surname, "1980-05-17", TestPeople.ReporterJson(person.Reporter), address));
        var (second, _) = await DisclosureApi.SubmitAsync(http, politie, P.Convenant,
            DisclosureApi.ZvhPerson(person.Bsn, person.Variant, person.Surname, "1980-05-17"));
        await DisclosureApi.SealContentAsync(Factory, first, new Dictionary<string, string> { ["aanmeldreden"] = person.Reason, ["problematiek"] = person.Problem });
        await DisclosureApi.SealContentAsync(Factory, second, new Dictionary<string, string> { ["aanmeldreden"] = person.Reason });
        var subject = await DisclosureApi.ResolveAsync(Factory, P.Convenant, P.GemeentePartner, reference);
        var spec = new GrantSpec(subject.Id, reference) { Mode = mode };
        var (requestId, grantId) = await DisclosureApi.InsertAsync(Factory, spec);
        return person with { SubjectId = subject.Id, Anchor = subject.Anchor, RequestId = requestId, GrantId = grantId, Spec = spec };
    }
}

/// <summary>One test person, its reporter, and the grant made for it.</summary>
internal sealed record TestPerson(string Bsn, string Given, string Variant, string Surname, string Postcode, string Street, string Reason, string Problem,
    Reporter Reporter)
{
    public Guid SubjectId { get; init; }

    public string Anchor { get; init; } = string.Empty;

    public Guid RequestId { get; init; }

    public Guid GrantId { get; init; }

    internal GrantSpec Spec { get; init; } = null!;
}

public sealed class SqliteDisclosureTests(SqliteDisclosureHub hub) : DisclosureContract(hub), IClassFixture<SqliteDisclosureHub>;

public sealed class PostgresDisclosureTests(PostgresDisclosureHub hub) : DisclosureContract(hub), IClassFixture<PostgresDisclosureHub>;

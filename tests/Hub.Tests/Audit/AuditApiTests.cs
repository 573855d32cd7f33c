using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Tests.Infrastructure;
using SharingHub.HubCtl.Audit;

namespace SharingHub.Hub.Tests.Audit;

public sealed class AuditApiTests(AuditHub hub) : IClassFixture<AuditHub>
{
    [Fact]
    public async Task Checkpoint_Anonymous_IsSignedByThePublishedKey()
    {
        await hub.AppendAsync(3, firstSeed: 100);
        using var http = hub.Factory.CreateApiClient();
        var note = await http.GetStringAsync(new Uri("/api/v1/audit/checkpoint", UriKind.Relative));
        var vkey = await http.GetStringAsync(new Uri("/api/v1/audit/key", UriKind.Relative));
        Assert.True(SignedCheckpoint.TryParse(note, out var checkpoint, out _));
        Assert.True(NoteVerifierKey.TryParse(vkey, out var key));
        Assert.True(checkpoint.IsSignedBy(key));
        Assert.Equal("sharinghub.local/audit", checkpoint.Origin);
        Assert.Equal(hub.Log.Tree.Root(checkpoint.Size), checkpoint.Root);
    }

    [Fact]
    public async Task Checkpoint_IsPublishedToTheDocumentStore()
    {
        await hub.AppendAsync(2, firstSeed: 200);
        var documents = hub.Factory.Services.GetRequiredService<SharingHub.Hub.Documents.IDocumentStore>();
        var size = hub.Log.LatestCheckpoint!.Size;
        await using var latest = await documents.GetAsync(SharingHub.Hub.Documents.DocumentName.Parse("audit/checkpoint-latest"));
        Assert.NotNull(latest);
        Assert.True(await documents.ExistsAsync(SharingHub.Hub.Documents.DocumentName.Parse($"audit/checkpoints/{size}")));
    }

    [Fact]
    public async Task Entries_WithoutToken_Is401_AndWithoutAuditRole_Is403()
    {
        await hub.AppendAsync(1, firstSeed: 300);
        using var anonymous = hub.Factory.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/audit/entries?from=0&count=1", UriKind.Relative))).StatusCode);
        using var other = await hub.AuthorisedClientAsync(AuditHub.NonAuditorClient);
        var response = await other.GetAsync(new Uri("/api/v1/audit/entries?from=0&count=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SH3506", (await Tokens.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/v1/audit/entries?from=x&count=1", "SH3500")]
    [InlineData("/api/v1/audit/entries?from=-1&count=1", "SH3500")]
    [InlineData("/api/v1/audit/entries?from=0&count=0", "SH3504")]
    [InlineData("/api/v1/audit/entries?from=0&count=1001", "SH3504")]
    [InlineData("/api/v1/audit/entries?from=999999&count=1", "SH3501")]
    [InlineData("/api/v1/audit/proofs/inclusion?index=0&size=999999", "SH3502")]
    [InlineData("/api/v1/audit/proofs/inclusion?index=3&size=3", "SH3501")]
    [InlineData("/api/v1/audit/proofs/inclusion?index=&size=3", "SH3500")]
    [InlineData("/api/v1/audit/proofs/consistency?from=3&to=2", "SH3503")]
    [InlineData("/api/v1/audit/proofs/consistency?from=0&to=2", "SH3503")]
    [InlineData("/api/v1/audit/proofs/consistency?from=1&to=999999", "SH3502")]
    [InlineData("/api/v1/audit/subjects/123456782/disclosures", "SH3508")]
    public async Task BadInput_IsCoded400(string path, string code)
    {
        await hub.AppendAsync(5, firstSeed: 400);
        using var http = await hub.AuthorisedClientAsync();
        var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Tokens.ReadJsonAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.DoesNotContain("123456782", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proofs_FromApi_VerifyIndependently()
    {
        await hub.AppendAsync(11, firstSeed: 500);
        using var http = await hub.AuthorisedClientAsync();
        var client = new AuditHubClient(http, new Uri("http://localhost/"));
        var size = hub.Log.Size;
        var root = hub.Log.Tree.Root(size);
        var entries = await client.GetEntriesAsync(size - 3, 3, CancellationToken.None);
        Assert.NotNull(entries);
        foreach (var (index, leaf, record) in entries)
        {
            Assert.Equal(MerkleVerification.HashLeaf(record), leaf);
            var proof = await client.GetInclusionProofAsync(index, size, CancellationToken.None);
            Assert.True(MerkleVerification.VerifyInclusion(index, size, leaf, proof!, root));
        }

        var consistency = await client.GetConsistencyProofAsync(size - 7, size, CancellationToken.None);
        Assert.True(MerkleVerification.VerifyConsistency(size - 7, size, hub.Log.Tree.Root(size - 7), root, consistency!));
    }

    [Fact]
    public async Task SubjectAccessReport_PrivacyOfficer_ListsDisclosuresAndIsAudited()
    {
        var subject = AuditSubject.From(AuditSamples.Pseudonym(777_001));
        await hub.Log.AppendAsync([AuditSamples.Disclosure(1, subject), AuditSamples.Disclosure(2, subject, convenant: "zvh"), AuditSamples.Disclosure(3)]);
        using var http = await hub.AuthorisedClientAsync();
        var before = hub.Log.Size;
        var response = await http.GetAsync(new Uri($"/api/v1/audit/subjects/{subject.Id}/disclosures", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<SharingHub.Hub.Audit.Api.SubjectAccessReport>();
        var disclosure = Assert.Single(report!.Disclosures); // the zvh one is outside the officer's convenants
        Assert.Equal("politie-test", disclosure.Recipient);
        Assert.Equal("analist", disclosure.RecipientRole);
        Assert.Equal("RIEC-G-01", disclosure.LegalGround);
        Assert.Equal(["person:p-17", "person:p-23"], disclosure.Approvers);
        Assert.Equal(before + 1, hub.Log.Size);
        var last = (await hub.Log.Store.ReadEntriesAsync(before, 1, CancellationToken.None))[0];
        var logged = AuditRecordSerializer.TryDeserialize(last.Record)!;
        Assert.Equal(AuditOperations.SubjectAccessReport, logged.Operation);
        Assert.Equal(subject.Id, logged.Subject.Id);
        Assert.Equal("client:riec-auditor", logged.Actor);

        var csv = await http.GetStringAsync(new Uri($"/api/v1/audit/subjects/{subject.Id}/disclosures?format=csv", UriKind.Relative));
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("index,time,operation,convenant,recipient,recipient_role,purpose,legal_ground,approvers", lines[0], StringComparison.Ordinal);
        Assert.Contains(",riec,politie-test,analist,bestuurlijke-aanpak,RIEC-G-01,person:p-17;person:p-23,", lines[1], StringComparison.Ordinal);
        var xml = await http.GetAsync(new Uri($"/api/v1/audit/subjects/{subject.Id}/disclosures?format=xml", UriKind.Relative));
        Assert.Equal("SH3509", (await Tokens.ReadJsonAsync(xml)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Entries_ReadByAuditor_IsItselfAudited()
    {
        await hub.AppendAsync(2, firstSeed: 800);
        using var http = await hub.AuthorisedClientAsync();
        var before = hub.Log.Size;
        var response = await http.GetAsync(new Uri("/api/v1/audit/entries?from=0&count=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, hub.Log.Size);
        var logged = AuditRecordSerializer.TryDeserialize((await hub.Log.Store.ReadEntriesAsync(before, 1, CancellationToken.None))[0].Record)!;
        Assert.Equal(AuditOperations.AuditLogin, logged.Operation);
        Assert.Equal("client:riec-auditor", logged.Actor);
        Assert.Equal("endpoint:GetAuditEntries", logged.ResourceId);
        Assert.Equal(AuditSubject.TypeNone, logged.Subject.Type);
    }

    [Fact]
    public async Task SubjectAccessReport_NotPrivacyOfficer_Is403()
    {
        using var http = await hub.AuthorisedClientAsync(AuditHub.NonAuditorClient);
        var response = await http.GetAsync(new Uri($"/api/v1/audit/subjects/{AuditSubject.From(AuditSamples.Pseudonym(1)).Id}/disclosures", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SH3507", (await Tokens.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ProcessingLog_IsTheAuditLog_AndRecordsDurably()
    {
        var log = hub.Factory.Services.GetRequiredService<IProcessingLog>();
        Assert.IsType<AuditProcessingLog>(log);
        var before = hub.Log.Size;
        var now = AuditSamples.Start;
        await log.RecordAsync(new ProcessingRecord("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "signal.submitted", "succeeded", now, now,
            "riec", "ab12", "bestuurlijke-aanpak", "gemeente-test", "casusregisseur", "gemeente-system", "system", ["identificerend"],
            AuditSubject.From(AuditSamples.Pseudonym(9)).Id, "person", "Permit", ["RIEC-F-01"], "3f2504e0-4f89-11d3-9a0c-0305e82c3301", null), CancellationToken.None);
        Assert.Equal(before + 1, hub.Log.Size);
        var record = AuditRecordSerializer.TryDeserialize((await hub.Log.Store.ReadEntriesAsync(before, 1, CancellationToken.None))[0].Record)!;
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", record.TraceId.ToHexString());
        Assert.Equal("system:gemeente-system", record.Actor);
        Assert.Equal(["decision:Permit", "RIEC-F-01"], record.DecisionReasons);
        Assert.Equal("sha256:ab12", record.ConvenantVersion);
    }

    [Fact]
    public async Task ProcessingLog_PlaintextInAField_IsDroppedNotStored()
    {
        var log = hub.Factory.Services.GetRequiredService<IProcessingLog>();
        var before = hub.Log.Size;
        var now = AuditSamples.Start;
        await log.RecordAsync(new ProcessingRecord("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "signal.submitted", "succeeded", now, now,
            "riec", null, "Jan de Vries", "gemeente-test", null, "gemeente-system", "system", [], "123456782", "person", null, [], null, null), CancellationToken.None);
        var bytes = (await hub.Log.Store.ReadEntriesAsync(before, 1, CancellationToken.None))[0].Record;
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("123456782", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jan de Vries", text, StringComparison.Ordinal);
        Assert.Contains("dropped:subject", text, StringComparison.Ordinal);
        Assert.Contains("dropped:purpose", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_FromAppend_VerifiesOfflineAndTamperingFails()
    {
        var receipts = await hub.Log.AppendWithReceiptsAsync([AuditSamples.Disclosure(600), AuditSamples.Disclosure(601)]);
        var key = hub.Log.VerifierKey;
        using var directory = new ScratchDirectory();
        var file = Path.Combine(directory.Path, "r.tlog-proof");
        await File.WriteAllTextAsync(file, receipts[1].ToString());
        var (code, _, _) = await Cli.RunAsync(hub, ["verify", "--receipt", file, "--key", key]);
        Assert.Equal(0, code);

        var lines = receipts[1].ToString().Split('\n');
        var path = Array.FindIndex(lines, l => l.StartsWith("index ", StringComparison.Ordinal)) + 1;
        var hash = Convert.FromBase64String(lines[path]);
        hash[0] ^= 1;
        lines[path] = Convert.ToBase64String(hash);
        await File.WriteAllTextAsync(file, string.Join('\n', lines));
        (code, _, var error) = await Cli.RunAsync(hub, ["verify", "--receipt", file, "--key", key]);
        Assert.Equal(1, code);
        Assert.Contains("does not verify", error, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, "c2sp.org/tlog-proof@v1\nindex x\n\n");
        (code, _, _) = await Cli.RunAsync(hub, ["verify", "--receipt", file, "--key", key]);
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Witness_CosignsAfterConsistency_AndHubServesTheCosignature()
    {
        await hub.AppendAsync(4, firstSeed: 700);
        using var directory = new ScratchDirectory();
        var keyFile = Path.Combine(directory.Path, "witness.key");
        await File.WriteAllTextAsync(keyFile, hub.WitnessKeyText);
        var state = Path.Combine(directory.Path, "witness.json");
        var output = Path.Combine(directory.Path, "cosigned.txt");
        var (code, _, error) = await Cli.RunAsync(hub, ["witness", "--url", "http://localhost/", "--state", state, "--key-file", keyFile,
            "--key", hub.Log.VerifierKey, "--post", "--out", output]);
        Assert.True(code == 0, error);
        using var http = hub.Factory.CreateApiClient();
        var note = await http.GetStringAsync(new Uri("/api/v1/audit/checkpoint", UriKind.Relative));
        Assert.True(SignedCheckpoint.TryParse(note, out var checkpoint, out _));
        Assert.NotNull(checkpoint.CosignatureTime(hub.Witness.VerifierKey));
        Assert.True(SignedCheckpoint.TryParse(await File.ReadAllTextAsync(output), out var written, out _));
        Assert.NotNull(written.CosignatureTime(hub.Witness.VerifierKey));

        // A key the hub was not configured with is refused.
        var stranger = WitnessKey.Generate("witness.test/stranger", out _);
        var post = await http.PostAsJsonAsync(new Uri("/api/v1/audit/cosignatures", UriKind.Relative),
            new { size = checkpoint.Size, cosignature = stranger.Cosign(checkpoint.Body, 1) });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("SH3511", (await Tokens.ReadJsonAsync(post)).GetProperty("code").GetString());
    }
}

/// <summary>Runs <c>hubctl audit ...</c> in process against a hub.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(AuditHub hub, string[] args)
    {
        using var http = hub.Factory.CreateApiClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AuditCli.RunAsync(args, output, error, http, TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>A temp directory deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = TempDirectory.Create("audit-scratch");

    public void Dispose() => TempDirectory.Delete(Path);
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Api;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Audit.Api;

/// <summary>
/// The audit API. Public (witnesses, anyone holding a receipt): <c>GET /api/v1/audit/checkpoint</c>,
/// <c>GET /api/v1/audit/key</c>, <c>GET /api/v1/audit/proofs/consistency</c> (hashes only) and
/// <c>POST /api/v1/audit/cosignatures</c> (only configured witness keys are accepted).
/// With a token holding the <c>audit</c> scope and a privacy-officer or auditor role: entries and proofs; the
/// subject-access report needs the privacy-officer role.
/// </summary>
internal sealed class AuditEndpoints : IHubEndpoints
{
    public const int MaxEntries = 1000;
    private const string TextPlain = "text/plain; charset=utf-8";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/v1/audit").WithTags("Audit").AllowAnonymous();
        open.MapGet("/checkpoint", GetCheckpointAsync).WithName("GetAuditCheckpoint").WithSummary("The latest signed checkpoint (C2SP tlog-checkpoint) with witness cosignatures.");
        open.MapGet("/key", GetKey).WithName("GetAuditKey").WithSummary("The checkpoint verifier key (C2SP vkey).");
        open.MapPost("/cosignatures", PostCosignatureAsync).WithName("PostAuditCosignature")
            .WithSummary("Stores a configured witness's cosignature of a checkpoint.").WithRequestBodyLimit(4096);
        open.MapGet("/proofs/consistency", GetConsistency).WithName("GetAuditConsistencyProof")
            .WithSummary("RFC 6962 consistency proof (hashes only; public so witnesses can check append-only growth).");

        var audit = endpoints.MapApiV1().MapGroup("/audit").RequireAuthorization(HubPolicies.Scope(HubScopes.Audit)).WithTags("Audit");
        audit.MapGet("/entries", GetEntriesAsync).WithName("GetAuditEntries").WithSummary("Canonical records with their leaf hashes.")
            .AddEndpointFilter<AuditAccessLogging>();
        audit.MapGet("/proofs/inclusion", GetInclusion).WithName("GetAuditInclusionProof").WithSummary("RFC 6962 inclusion proof.")
            .AddEndpointFilter<AuditAccessLogging>();
        audit.MapGet("/subjects/{subjectRef}/disclosures", SubjectAccessEndpoint.GetAsync).WithName("GetSubjectDisclosures")
            .WithSummary("Subject-access report (AVG art. 15); privacy officers only; ?format=json|csv.");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCheckpointAsync(AuditLog log, CancellationToken cancellationToken)
    {
        if (log.LatestCheckpoint is not { } checkpoint)
        {
            return HubProblems.Result(404, AuditErrorCodes.NoCheckpoint, "No checkpoint has been signed yet.");
        }

        var cosignatures = await log.Store.CosignaturesAsync(checkpoint.Size, cancellationToken).ConfigureAwait(false);
        var note = checkpoint.Note + string.Concat(cosignatures.Select(c => c + "\n"));
        return TypedResults.Text(note, TextPlain);
    }

    internal static ContentHttpResult GetKey(AuditLog log) => TypedResults.Text(log.VerifierKey + "\n", TextPlain);

    internal static async Task<Results<NoContent, ProblemHttpResult>> PostCosignatureAsync(
        AuditLog log, CosignatureRequest? request, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrEmpty(request.Cosignature) || request.Size < 1 || request.Cosignature.Length > 1024)
        {
            return HubProblems.Result(400, AuditErrorCodes.MalformedCosignature, "Send {size, cosignature}.");
        }

        var checkpoint = await log.Store.FindCheckpointAsync(request.Size, cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            return HubProblems.Result(404, AuditErrorCodes.UnknownCheckpoint, "No checkpoint of that size.");
        }

        var body = checkpoint.Note[..(checkpoint.Note.IndexOf("\n\n", StringComparison.Ordinal) + 1)];
        var witness = CosignatureVerifier.Verify(request.Cosignature, body, log.Options.Witnesses);
        if (witness is null)
        {
            return HubProblems.Result(403, AuditErrorCodes.UnknownWitness, "Not a valid cosignature by a configured witness.");
        }

        await log.Store.SaveCosignatureAsync(checkpoint.Size, witness, request.Cosignature, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<AuditEntriesResponse>, ProblemHttpResult>> GetEntriesAsync(
        AuditLog log, HubCaller caller, string? from, string? count, CancellationToken cancellationToken)
    {
        if (!AuditRoles.IsAuditor(caller))
        {
            return HubProblems.Result(403, AuditErrorCodes.NotAnAuditor, "Only privacy officers and auditors read the audit trail.");
        }

        if (!TryParse(from, out var start) || !TryParse(count ?? "100", out var take))
        {
            return Malformed("from and count must be non-negative integers.");
        }

        if (take is < 1 or > MaxEntries)
        {
            return HubProblems.Result(400, AuditErrorCodes.CountOutOfRange, $"count must be 1..{MaxEntries}.");
        }

        var size = log.Size;
        if (start >= size)
        {
            return HubProblems.Result(400, AuditErrorCodes.IndexOutOfRange, "from is beyond the last entry.");
        }

        var entries = await log.Store.ReadEntriesAsync(start, (int)take, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AuditEntriesResponse(size, entries
            .Select(e => new AuditEntryResponse(e.Index, Convert.ToBase64String(e.LeafHash), Convert.ToBase64String(e.Record))).ToList()));
    }

    internal static Results<Ok<InclusionProofResponse>, ProblemHttpResult> GetInclusion(AuditLog log, HubCaller caller, string? index, string? size)
    {
        if (!AuditRoles.IsAuditor(caller))
        {
            return HubProblems.Result(403, AuditErrorCodes.NotAnAuditor, "Only privacy officers and auditors read the audit trail.");
        }

        if (!TryParse(index, out var i) || !TryParse(size, out var n))
        {
            return Malformed("index and size must be non-negative integers.");
        }

        if (n > log.Size)
        {
            return HubProblems.Result(400, AuditErrorCodes.SizeBeyondTree, "size is larger than the tree.");
        }

        if (i >= n)
        {
            return HubProblems.Result(400, AuditErrorCodes.IndexOutOfRange, "index must be smaller than size.");
        }

        var proof = log.Tree.InclusionProof(i, n);
        return TypedResults.Ok(new InclusionProofResponse(i, n, Convert.ToBase64String(log.Tree.LeafHash(i)), proof.Select(Convert.ToBase64String).ToList()));
    }

    internal static Results<Ok<ConsistencyProofResponse>, ProblemHttpResult> GetConsistency(AuditLog log, string? from, string? to)
    {
        if (!TryParse(from, out var m) || !TryParse(to, out var n))
        {
            return Malformed("from and to must be non-negative integers.");
        }

        if (n > log.Size)
        {
            return HubProblems.Result(400, AuditErrorCodes.SizeBeyondTree, "to is larger than the tree.");
        }

        if (m < 1 || m > n)
        {
            return HubProblems.Result(400, AuditErrorCodes.FromAfterTo, "from must be 1..to.");
        }

        var proof = log.Tree.ConsistencyProof(m, n);
        return TypedResults.Ok(new ConsistencyProofResponse(m, n, proof.Select(Convert.ToBase64String).ToList()));
    }

    private static ProblemHttpResult Malformed(string detail) => HubProblems.Result(400, AuditErrorCodes.MalformedParameter, detail);

    private static bool TryParse(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0;
}

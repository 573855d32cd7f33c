using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// Disclosure under a grant: re-identifies exactly the granted fields of the granted subject (identity fields from the vault
/// records of every signal in the subject's cluster and of group memberships; content fields only from signals carrying the
/// field's category), only for the grant's recipient partner in the grant's role, only while the grant is valid, never any
/// reporter (melder) data. Every call is audited before anything is returned; when the audit append fails nothing is
/// disclosed. Refusals are audited with status denied.
/// </summary>
public sealed partial class DisclosureService(
    HubDbContext db, SubjectDirectory directory, IdentityVault vault, HubConvenants convenants, AuditLog audit, TimeProvider time,
    ILogger<DisclosureService> logger)
{
    public const string ModeIdentified = "identified";

    /// <summary>Discloses the grant of access request <paramref name="requestId"/> to <paramref name="caller"/> (export: the CSV variant).</summary>
    public async Task<DisclosureOutcome> DiscloseAsync(HubCaller caller, string? requestId, bool export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var start = time.GetUtcNow();
        var operation = export ? AuditOperations.Export : AuditOperations.Disclosure;
        if (!Guid.TryParseExact(requestId, "D", out var id))
        {
            return await RefuseAsync(Denied(caller, start, null, null, DisclosureErrorCodes.MalformedId), null,
                400, DisclosureErrorCodes.MalformedId, "The access request id is not a well-formed id.", cancellationToken).ConfigureAwait(false);
        }

        var request = await db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.RequestId == id, cancellationToken).ConfigureAwait(false);
        var root = request is null ? null
            : await directory.GetRootAsync(grant?.SubjectId ?? request.SubjectId, cancellationToken).ConfigureAwait(false);
        var anchor = root?.Anchor;
        if (request is null || !IsRecipient(caller, request, grant))
        {
            return await RefuseAsync(Denied(caller, start, request, grant, DisclosureErrorCodes.NotFound), anchor,
                404, DisclosureErrorCodes.NotFound, "No such access request.", cancellationToken).ConfigureAwait(false);
        }

        var compiled = convenants.Catalog.Get(request.ConvenantId);
        if (compiled is null || compiled.Document.Status != ConvenantStatus.Active || start > compiled.Document.ValidTo || start < compiled.Document.ValidFrom)
        {
            return await RefuseAsync(Denied(caller, start, request, grant, DisclosureErrorCodes.ConvenantUnavailable), anchor,
                403, DisclosureErrorCodes.ConvenantUnavailable, "The grant's convenant is not in force.", cancellationToken).ConfigureAwait(false);
        }

        if (grant is null || request.Status != AccessRequestStatus.Granted)
        {
            return await RefuseAsync(Denied(caller, start, request, grant, DisclosureErrorCodes.NotGranted), anchor,
                403, DisclosureErrorCodes.NotGranted, "The access request is not granted.", cancellationToken).ConfigureAwait(false);
        }

        if (grant.RevokedAt is not null)
        {
            return await RefuseAsync(Denied(caller, start, request, grant, DisclosureErrorCodes.GrantRevoked), anchor,
                403, DisclosureErrorCodes.GrantRevoked, "The grant was revoked.", cancellationToken).ConfigureAwait(false);
        }

        if (start >= grant.ExpiresAt)
        {
            return await RefuseAsync(Denied(caller, start, request, grant, DisclosureErrorCodes.GrantExpired), anchor,
                403, DisclosureErrorCodes.GrantExpired, "The grant has expired.", cancellationToken).ConfigureAwait(false);
        }

        var scope = GrantScope.Check(compiled, grant, caller.PartyType, request.SubjectType, export);
        if (scope.Error is { } error)
        {
            var detail = error switch
            {
                DisclosureErrorCodes.ReporterIdentity => "The reporter's identity is never disclosed.",
                DisclosureErrorCodes.Prohibited => $"The convenant prohibits this disclosure ({scope.Clause}).",
                _ => "The grant names a field or category outside the convenant.",
            };
            var denial = Denied(caller, start, request, grant, error);
            return await RefuseAsync(scope.Clause is null ? denial : denial with { Reasons = [error, scope.Clause, "decision:Deny"] }, anchor,
                403, error, detail, cancellationToken).ConfigureAwait(false);
        }

        if (root is null)
        {
            return await RefuseAsync(Denied(caller, start, request, grant, DisclosureErrorCodes.IdentityErased), null,
                410, DisclosureErrorCodes.IdentityErased, "The subject no longer exists.", cancellationToken).ConfigureAwait(false);
        }

        var identified = string.Equals(grant.Mode, ModeIdentified, StringComparison.Ordinal);
        Disclosed opened;
        try
        {
            opened = await ReidentifyAsync(root, scope, identified, cancellationToken).ConfigureAwait(false);
        }
        catch (VaultException e)
        {
            var erased = e.Code == VaultErrorCodes.DataKeyNotFound;
            var code = erased ? DisclosureErrorCodes.IdentityErased : DisclosureErrorCodes.VaultFailed;
            LogVaultFailed(logger, id, e.Code);
            return await RefuseAsync(Context(caller, operation, AuditStatus.Error, start, request, grant, compiled, false, [code]), anchor,
                erased ? 410 : 500, code, erased ? "The subject's identity was erased." : "The vault could not open the subject's records.",
                cancellationToken).ConfigureAwait(false);
        }

        var context = Context(caller, operation, AuditStatus.Ok, start, request, grant, compiled, opened.Reidentified, [grant.Clause, "decision:Permit"]);
        IReadOnlyList<AuditReceipt> receipts;
        try
        {
            var records = opened.Subjects.Select(a => DisclosureAudit.Build(context, DisclosureAudit.SubjectOf(a))).ToList();
            receipts = await audit.AppendWithReceiptsAsync(records, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to audit must end in "nothing disclosed", whatever its type.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogAuditFailed(logger, id, e.GetType().Name);
            return DisclosureOutcome.Problem(500, DisclosureErrorCodes.AuditFailed, "The disclosure could not be audited; nothing was disclosed.");
        }

        var subjectRef = await directory.FindReferenceAsync(request.ConvenantId, caller.PartnerId, root.Id, cancellationToken).ConfigureAwait(false)
            ?? request.SubjectRef;
        var texts = receipts.Select(r => r.ToString()).ToList();
        var response = new DisclosureResponse(request.Id, grant.Id, subjectRef, grant.Purpose, grant.ExpiresAt, opened.ToJson(), texts[0], texts);
        return new DisclosureOutcome(200, null, null, response, opened.Rows());
    }

    /// <summary>The recipient of a grant (or, before a grant exists, the requester) in the role the grant (request) names.</summary>
    internal static bool IsRecipient(HubCaller caller, AccessRequest request, Grant? grant)
    {
        var partner = grant?.RecipientPartnerId ?? request.RequesterPartnerId;
        var role = grant?.RecipientRole ?? request.RequesterRole;
        var convenant = grant?.ConvenantId ?? request.ConvenantId;
        return string.Equals(caller.PartnerId, partner, StringComparison.Ordinal)
            && caller.RolesIn(convenant).Contains(role, StringComparer.Ordinal);
    }

    /// <summary>The legal ground the audit records: the clause id of the purpose (or of the ancestor that carries the legal ground).</summary>
    internal static string? LegalGroundOf(CompiledConvenant? compiled, string? purpose)
    {
        if (compiled is null)
        {
            return null;
        }

        var handle = compiled.FindPurpose(purpose);
        return handle.IsNone ? null : compiled.GetPurpose(handle).ClauseId;
    }

    internal DisclosureAudit.Context Context(HubCaller caller, string operation, string status, DateTimeOffset start, AccessRequest request, Grant? grant,
        CompiledConvenant? compiled, bool reidentified, IReadOnlyList<string> reasons)
    {
        var convenant = grant?.ConvenantId ?? request.ConvenantId;
        var purpose = grant?.Purpose ?? request.Purpose;
        var ok = status == AuditStatus.Ok;
        return new DisclosureAudit.Context(
            caller, operation, status, DisclosureAudit.DisclosureActivity, start, time.GetUtcNow(),
            ConvenantId: convenant,
            ConvenantVersion: convenants.VersionHash(convenant) is { } hash ? "sha256:" + hash : null,
            Purpose: purpose,
            LegalGround: LegalGroundOf(compiled, purpose),
            Role: caller.RolesIn(convenant).Contains(grant?.RecipientRole ?? request.RequesterRole, StringComparer.Ordinal) ? grant?.RecipientRole ?? request.RequesterRole : null,
            Approvers: DisclosureAudit.Split(grant?.Approvers),
            Recipient: ok ? grant?.RecipientPartnerId : null,
            RecipientRole: ok ? grant?.RecipientRole : null,
            Categories: DisclosureAudit.Split(grant?.Categories ?? request.Categories),
            Reidentified: reidentified,
            Reasons: reasons,
            Resource: grant is null ? "request:" + request.Id.ToString("D") : "grant:" + grant.Id.ToString("D"));
    }

    private DisclosureAudit.Context Denied(HubCaller caller, DateTimeOffset start, AccessRequest? request, Grant? grant, string code)
    {
        if (request is null)
        {
            return new DisclosureAudit.Context(caller, AuditOperations.PolicyDecision, AuditStatus.Denied, DisclosureAudit.DisclosureActivity,
                start, time.GetUtcNow(), Reasons: [code, "decision:Deny"]);
        }

        return Context(caller, AuditOperations.PolicyDecision, AuditStatus.Denied, start, request, grant, convenants.Catalog.Get(request.ConvenantId),
            false, [code, "decision:Deny"]);
    }

    /// <summary>Audits a refusal (best effort: the refusal stands even when the audit append fails) and answers it.</summary>
    private async Task<DisclosureOutcome> RefuseAsync(DisclosureAudit.Context context, string? anchor, int status, string code, string detail,
        CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(DisclosureAudit.Build(context, DisclosureAudit.SubjectOf(anchor)), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A refusal discloses nothing; it is answered even when its audit record cannot be written.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogRefusalNotAudited(logger, code, e.GetType().Name);
        }

        return DisclosureOutcome.Problem(status, code, detail);
    }

    private async Task<Disclosed> ReidentifyAsync(ResolvedSubject root, GrantScope scope, bool identified, CancellationToken cancellationToken)
    {
        var result = new Disclosed(scope.Fields);
        result.Subjects.Add(root.Anchor);
        var cluster = await directory.GetClusterAsync(root.Id, cancellationToken).ConfigureAwait(false);

        // Never select the Reporter column: the reporter's sealed identity does not even enter this process.
        var signals = await db.Signals.AsNoTracking().Where(s => cluster.Contains(s.SubjectId)).OrderBy(s => s.SubmittedAt)
            .Select(s => new { s.Id, s.SubjectId, s.Categories, s.Identity, s.Content })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var identityFields = identified ? scope.Fields.Where(DisclosureFields.IsIdentity).ToList() : [];
        var vaultFields = identityFields.SelectMany(f => DisclosureFields.Identity[f]).Distinct(StringComparer.Ordinal).ToList();
        if (vaultFields.Count > 0)
        {
            result.Reidentified = true;
            foreach (var signal in signals)
            {
                var record = await vault.OpenFieldsAsync(Subject.VaultIdOf(signal.SubjectId), signal.Identity, vaultFields, cancellationToken).ConfigureAwait(false);
                result.AddIdentity(identityFields, record);
            }

            var signalIds = signals.Select(s => s.Id).ToList();
            var members = await db.SignalMembers.AsNoTracking()
                .Where(m => signalIds.Contains(m.SignalId) || cluster.Contains(m.SubjectId))
                .OrderBy(m => m.SignalId).ThenBy(m => m.Position)
                .Select(m => new { m.SubjectId, m.Identity }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var member in members)
            {
                var record = await vault.OpenFieldsAsync(Subject.VaultIdOf(member.SubjectId), member.Identity, vaultFields, cancellationToken).ConfigureAwait(false);
                result.AddIdentity(identityFields, record);
                if (!cluster.Contains(member.SubjectId)
                    && await directory.GetRootAsync(member.SubjectId, cancellationToken).ConfigureAwait(false) is { } memberRoot
                    && !result.Subjects.Contains(memberRoot.Anchor, StringComparer.Ordinal))
                {
                    result.Subjects.Add(memberRoot.Anchor);
                }
            }
        }

        foreach (var signal in signals)
        {
            if (signal.Content is null)
            {
                continue;
            }

            var categories = DisclosureAudit.Split(signal.Categories);
            var fields = scope.ContentFields.Where(f => scope.CategoriesOf(f).Any(c => categories.Contains(c, StringComparer.Ordinal))).ToList();
            if (fields.Count == 0)
            {
                continue;
            }

            var record = await vault.OpenFieldsAsync(Subject.VaultIdOf(signal.SubjectId), signal.Content, fields.Select(DisclosureFields.ContentName).ToList(),
                cancellationToken).ConfigureAwait(false);
            foreach (var field in fields)
            {
                if (record[DisclosureFields.ContentName(field)]?.Raw is { Length: > 0 } value)
                {
                    result.Add(field, value);
                }
            }
        }

        return result;
    }

    [LoggerMessage(EventId = 3170, Level = LogLevel.Error, Message = "Disclosure of access request {RequestId} could not be audited ({ExceptionType}); nothing was disclosed")]
    private static partial void LogAuditFailed(ILogger logger, Guid requestId, string exceptionType);

    [LoggerMessage(EventId = 3171, Level = LogLevel.Warning, Message = "Disclosure refusal {Code} could not be audited ({ExceptionType})")]
    private static partial void LogRefusalNotAudited(ILogger logger, string code, string exceptionType);

    [LoggerMessage(EventId = 3172, Level = LogLevel.Warning, Message = "Disclosure of access request {RequestId} failed in the vault ({VaultCode})")]
    private static partial void LogVaultFailed(ILogger logger, Guid requestId, string vaultCode);

    /// <summary>The values re-identified for one disclosure, per granted field, deduplicated, in first-seen order.</summary>
    private sealed class Disclosed(IReadOnlyList<string> fields)
    {
        private readonly Dictionary<string, List<string>> _values = fields.ToDictionary(f => f, _ => new List<string>(), StringComparer.Ordinal);

        public List<string> Subjects { get; } = [];

        public bool Reidentified { get; set; }

        public void Add(string field, string value)
        {
            var list = _values[field];
            if (!list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }

        public void AddIdentity(IReadOnlyList<string> identityFields, IdentityRecord record)
        {
            foreach (var field in identityFields)
            {
                if (DisclosureFields.Compose(field, record) is { } value)
                {
                    Add(field, value);
                }
            }
        }

        public JsonObject ToJson()
        {
            var json = new JsonObject();
            foreach (var field in fields)
            {
                var values = _values[field];
                json[field] = values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
            }

            return json;
        }

        public IReadOnlyList<KeyValuePair<string, string>> Rows() =>
            [.. fields.SelectMany(f => _values[f].Select(v => new KeyValuePair<string, string>(f, v)))];
    }
}

/// <summary>What a disclosure call answers: a problem (status, code, detail) or, with status 200, the disclosure and its CSV rows.</summary>
public sealed record DisclosureOutcome(int Status, string? Code, string? Detail, DisclosureResponse? Response, IReadOnlyList<KeyValuePair<string, string>> Rows)
{
    public static DisclosureOutcome Problem(int status, string code, string detail) => new(status, code, detail, null, []);

    public override string ToString() => $"DisclosureOutcome({Status}, {Code})";
}

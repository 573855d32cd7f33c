using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;

namespace SharingHub.Hub.Requests;

/// <summary>A stored request with what the workflow needs around it: its convenant, the requester's party, and each required gate's requirement.</summary>
internal sealed record LoadedRequest(AccessRequest Row, CompiledConvenant Convenant, string RequesterParty, IReadOnlyList<GateRequirement> Gates)
{
    public int RemainingGates => Row.RequiredGates & ~Row.ApprovedGates;

    public IEnumerable<GateRequirement> Open => Gates.Where(g => (RemainingGates & (int)g.Gate) != 0);

    public bool IsPending => Row.Status == AccessRequestStatus.PendingReview;
}

/// <summary>
/// Loads requests with their gate requirements (re-derived from the convenant as decided when the request was made) and
/// decides who may see them: the requester's partner (scope requests), privacy officers of the convenant and eligible
/// reviewers (scope review). Everyone else gets the same 404 as for an id that does not exist.
/// </summary>
internal sealed class RequestReader(HubDbContext db, HubConvenants convenants, SubjectDirectory directory, TimeProvider time)
{
    public const string PrivacyOfficerRole = "privacy-officer";
    public const string FacilitatorRole = "moreel-beraad-facilitator";

    public async Task<LoadedRequest?> LoadAsync(Guid id, bool track, CancellationToken cancellationToken)
    {
        var query = track ? db.AccessRequests : db.AccessRequests.AsNoTracking();
        var row = await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : await CompleteAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LoadedRequest?> CompleteAsync(AccessRequest row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var convenant = convenants.Catalog.Get(row.ConvenantId);
        if (convenant is null)
        {
            return null;
        }

        var party = await db.Partners.AsNoTracking().Where(p => p.Id == row.RequesterPartnerId).Select(p => p.PartyType)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        return Complete(row, convenant, party);
    }

    public LoadedRequest Complete(AccessRequest row, CompiledConvenant convenant, string requesterParty)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(convenant);
        var gates = new List<GateRequirement>();
        if (RequestPolicy.Rebuild(convenants.Catalog, convenant, row, requesterParty, row.CreatedAt, ApprovalGates.None) is { } request)
        {
            var decision = convenants.Catalog.Decide(request);
            foreach (var gate in RequestPolicy.AllGates)
            {
                if ((row.RequiredGates & (int)gate) != 0 && RequestPolicy.ForGate(decision.Requirements, gate) is { } requirement)
                {
                    gates.Add(requirement);
                }
            }
        }

        return new LoadedRequest(row, convenant, requesterParty, gates);
    }

    /// <summary>
    /// The caller's roles in the request's convenant that are eligible for <paramref name="gate"/>: named by the quorum, held by
    /// the caller's party, from another partner and party where the quorum says so, and permitted by the convenant to review
    /// the request now (<see cref="RequestPolicy.PermitsReview"/>).
    /// </summary>
    public IReadOnlyList<string> EligibleRoles(LoadedRequest request, HubCaller caller, GateRequirement gate)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.FromOtherParty && caller.PartnerId == request.Row.RequesterPartnerId)
        {
            return [];
        }

        var party = caller.PartyType ?? string.Empty;
        return [.. caller.RolesIn(request.Row.ConvenantId).Where(role => IsEligible(request, gate, party, role))];
    }

    /// <summary>Eligibility of one party + role for a gate (also used for moreel-beraad participants).</summary>
    public bool IsEligible(LoadedRequest request, GateRequirement gate, string party, string role)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestPolicy.IsEligible(request.Convenant, gate, party, role, request.RequesterParty)
            && RequestPolicy.PermitsReview(convenants.Catalog, request.Convenant, request.Row, request.RequesterParty, party, role, time.GetUtcNow());
    }

    public static bool IsPrivacyOfficer(HubCaller caller, string convenant) =>
        caller.HasScope(HubScopes.Review) && caller.RolesIn(convenant).Contains(PrivacyOfficerRole, StringComparer.Ordinal);

    /// <summary>Whether the caller may work on the request as a reviewer: eligible for an open gate and not the requester.</summary>
    public bool MayReview(LoadedRequest request, HubCaller caller) =>
        caller.HasScope(HubScopes.Review) && request.IsPending && RequestAudit.ActorOf(caller) != request.Row.RequesterActor
        && request.Open.Any(g => EligibleRoles(request, caller, g).Count > 0);

    public async Task<bool> MaySeeAsync(LoadedRequest request, HubCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var row = request.Row;
        if (caller.RolesIn(row.ConvenantId).Count == 0)
        {
            return false;
        }

        if ((caller.HasScope(HubScopes.Requests) && caller.PartnerId == row.RequesterPartnerId) || IsPrivacyOfficer(caller, row.ConvenantId) || MayReview(request, caller))
        {
            return true;
        }

        if (!caller.HasScope(HubScopes.Review))
        {
            return false;
        }

        var actor = RequestAudit.ActorOf(caller);
        return await db.Reviews.AsNoTracking().AnyAsync(r => r.RequestId == row.Id && r.ReviewerActor == actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pseudonymised view: no identity; the subject as the viewer's own reference, or a label valid for this request only.</summary>
    public async Task<AccessRequestView> ViewAsync(LoadedRequest request, HubCaller viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        var row = request.Row;
        var root = await directory.GetRootAsync(row.SubjectId, cancellationToken).ConfigureAwait(false);
        var reference = await directory.FindReferenceAsync(row.ConvenantId, viewer.PartnerId, root?.Id ?? row.SubjectId, cancellationToken).ConfigureAwait(false);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.RequestId == row.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.RequestId == row.Id, cancellationToken).ConfigureAwait(false);
        return new AccessRequestView(
            row.Id,
            row.ConvenantId,
            row.Status,
            reference ?? "request-subject-" + row.Id.ToString("N"),
            row.Purpose,
            RequestPolicy.Split(row.Categories),
            RequestPolicy.Split(row.Fields),
            row.Mode,
            row.Phase,
            row.Level,
            row.Counterpart,
            row.RequesterPartnerId,
            row.RequesterRole,
            row.Necessity,
            row.Proportionality,
            row.Subsidiarity,
            row.DecidingClause,
            RequestPolicy.LoadReasons(row.Reasons),
            RequestPolicy.GateNames(row.RequiredGates),
            RequestPolicy.GateNames(row.ApprovedGates),
            request.IsPending ? RequestPolicy.GateNames(request.RemainingGates) : [],
            row.CreatedAt,
            row.DecidedAt,
            request.IsPending ? RequestPolicy.Deadline(request.Open, row.CreatedAt) : null,
            row.EscalatedAt is not null,
            [.. reviews.Select(r => new ReviewView(r.Gate, r.ReviewerPartnerId, r.ReviewerRole, r.Verdict, r.Motivation, r.CreatedAt,
                r.Deliberation is null ? null : JsonDocument.Parse(r.Deliberation).RootElement.Clone()))],
            grant is null ? null : new GrantView(grant.Id, RequestPolicy.Split(grant.Categories), RequestPolicy.Split(grant.Fields), grant.Purpose, grant.RecipientPartnerId,
                grant.RecipientRole, grant.Mode, grant.Clause, grant.GrantedAt, grant.ExpiresAt, grant.RevokedAt));
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Api;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Api;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Decisions;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Linkage;

/// <summary>
/// <c>GET /api/v1/convenants/{convenant}/subjects/{subjectRef}/hits</c> (scope <c>linkage</c>, a role in the convenant): which other
/// partners (and in which roles) hold signals about the caller's subject — every member of its cluster, as the subject or as a
/// member of a group signal; a reporter (melder) never counts. Hit/no-hit is itself a policy decision (action hit-check, mode
/// hit-no-hit, category identificatie, phase and level from the subject's casus) asked per counterpart party: only partners whose
/// party the convenant permits appear, never content, never counts of signals. No permitted counterpart at all → 403 with the
/// deny clauses. Every request, answered or refused, is audited once (<see cref="AuditOperations.HitNoHit"/>).
/// </summary>
internal sealed class HitsEndpoints : IHubEndpoints
{
    public const string Category = "identificatie";
    private const string HitCheck = "hit-check";
    private const string HitNoHit = "hit-no-hit";
    private const string NoCasusPhase = "signal";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}/subjects")
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Linkage))
            .RequireConvenantRole()
            .WithTags("Linkage")
            .MapGet("/{subjectRef}/hits", GetAsync).WithName("GetSubjectHits")
            .WithSummary("Hit/no-hit: which other partner roles hold signals about this subject (no content, no counts).")
            .Produces<HitsResponse>();
    }

    internal static async Task<IResult> GetAsync(
        ConvenantAccess access, string subjectRef, SubjectDirectory directory, HubDbContext db, HubConvenants convenants, AuditLog audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var context = new HitAudit(access, convenants, audit, time, started);
        if (!SubjectReference.TryParse(subjectRef, out var reference))
        {
            await context.WriteAsync(AuditSubject.None, AuditStatus.Error, null, null, ["malformed-reference"], cancellationToken).ConfigureAwait(false);
            return HubProblems.Result(StatusCodes.Status400BadRequest, LinkageErrorCodes.MalformedReference, "Not a subject reference.");
        }

        var compiled = convenants.Catalog.Get(access.Convenant);
        if (compiled is null)
        {
            await context.WriteAsync(AuditSubject.From(reference), AuditStatus.Error, null, null, ["unknown-convenant"], cancellationToken).ConfigureAwait(false);
            return HubProblems.Result(StatusCodes.Status404NotFound, LinkageErrorCodes.UnknownConvenant, "This hub does not run that convenant.");
        }

        var subject = await directory.ResolveReferenceAsync(access.Convenant, access.Caller.PartnerId, reference.ToString(), cancellationToken).ConfigureAwait(false);
        if (subject is null)
        {
            await context.WriteAsync(AuditSubject.From(reference), AuditStatus.Error, null, null, ["unknown-subject"], cancellationToken).ConfigureAwait(false);
            return HubProblems.Result(StatusCodes.Status404NotFound, LinkageErrorCodes.SubjectNotFound, "No such subject reference for this partner under this convenant.");
        }

        var anchor = Pseudonym.TryParse(subject.Anchor, out var pseudonym) ? AuditSubject.From(pseudonym) : AuditSubject.From(reference);
        var cluster = await directory.GetClusterAsync(subject.Id, cancellationToken).ConfigureAwait(false);
        var casus = await db.Cases.AsNoTracking()
            .Where(c => c.ConvenantId == access.Convenant && c.State != CasusStates.Closed && EF.Parameter(cluster).Contains(c.SubjectId))
            .OrderByDescending(c => c.UpdatedAt).Select(c => new { c.Phase, c.Level })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var decisions = Decide(compiled, access, SubjectTypeName(subject.SubjectType), casus?.Phase ?? NoCasusPhase, casus?.Level, started);
        if (decisions.Permitted.Count == 0)
        {
            await context.WriteAsync(anchor, AuditStatus.Denied, null, null, [.. decisions.DenyClauses, "decision:Deny"], cancellationToken).ConfigureAwait(false);
            var problem = HubProblems.Create(StatusCodes.Status403Forbidden, LinkageErrorCodes.HitCheckDenied,
                "The convenant permits none of the caller's roles a hit/no-hit check on this subject now.");
            problem.Extensions["decidingClause"] = decisions.DenyClauses.Count > 0 ? decisions.DenyClauses[0] : null;
            problem.Extensions["clauses"] = decisions.DenyClauses;
            return TypedResults.Problem(problem);
        }

        var holders = await HoldersAsync(db, access.Convenant, cluster, cancellationToken).ConfigureAwait(false);
        var partners = holders.Select(h => h.PartnerId).Where(p => p != access.Caller.PartnerId).Distinct().ToList();
        var parties = await db.Partners.AsNoTracking().Where(p => EF.Parameter(partners).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.PartyType, cancellationToken).ConfigureAwait(false);
        var hits = holders.Where(h => h.PartnerId != access.Caller.PartnerId && parties.TryGetValue(h.PartnerId, out var party) && decisions.Permitted.ContainsKey(party))
            .GroupBy(h => h.PartnerId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Hit(g.Key, parties[g.Key], [.. g.Select(h => h.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        var clauses = hits.Count > 0
            ? hits.Select(h => decisions.Permitted[h.Party].Clause).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : decisions.Permitted.Values.Select(p => p.Clause).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var first = hits.Count > 0 ? decisions.Permitted[hits[0].Party] : decisions.Permitted.Values.OrderBy(p => p.Clause, StringComparer.Ordinal).First();
        await context.WriteAsync(anchor, AuditStatus.Ok, first, compiled, [hits.Count > 0 ? "hit" : "no-hit", .. clauses, "decision:Permit"], cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(new HitsResponse(reference.ToString(), hits));
    }

    /// <summary>
    /// Per counterpart party, the first permitting (role, purpose) of the caller; and the clauses of the denials when none permits.
    /// NeedsApproval is not a permit: a hit-check that needs a prior review is not answered here.
    /// </summary>
    internal static HitDecisions Decide(CompiledConvenant compiled, ConvenantAccess access, string subjectType, string phase, string? level, DateTimeOffset at)
    {
        var permitted = new Dictionary<string, PermittedBy>(StringComparer.Ordinal);
        var deny = new List<string>();
        foreach (var role in access.Roles.Order(StringComparer.Ordinal))
        {
            foreach (var purpose in compiled.Document.Purposes)
            {
                var query = new PolicyQuery
                {
                    Convenant = compiled.Id,
                    Partner = access.Caller.PartyType ?? string.Empty,
                    Role = role,
                    Purpose = purpose.Id,
                    Action = HitCheck,
                    Categories = [Category],
                    SubjectType = subjectType,
                    Mode = HitNoHit,
                    Phase = phase,
                    Level = level,
                    At = at,
                };
                if (!compiled.TryResolve(query, default, out var request, out var denial))
                {
                    deny.Add(denial.DecidingClauseId);
                    continue;
                }

                var parties = compiled.PermittedCounterparts(request);
                if (parties.IsEmpty)
                {
                    deny.Add(compiled.Decide(request).DecidingClauseId);
                    continue;
                }

                foreach (var party in parties)
                {
                    if (!permitted.ContainsKey(party.Id))
                    {
                        var decision = compiled.Decide(request with { Counterpart = compiled.FindParty(party.Id) });
                        permitted[party.Id] = new PermittedBy(role, purpose.Id, purpose.ClauseId, decision.DecidingClauseId);
                    }
                }
            }
        }

        return new HitDecisions(permitted, [.. deny.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Partner and role of every signal about a cluster member (as the subject, or as a member of a group signal).</summary>
    private static async Task<List<Holder>> HoldersAsync(HubDbContext db, string convenant, IReadOnlyList<Guid> cluster, CancellationToken cancellationToken)
    {
        var direct = await db.Signals.AsNoTracking()
            .Where(s => s.ConvenantId == convenant && EF.Parameter(cluster).Contains(s.SubjectId))
            .Select(s => new Holder(s.PartnerId, s.Role)).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var members = await (from m in db.SignalMembers
                             join s in db.Signals on m.SignalId equals s.Id
                             where s.ConvenantId == convenant && EF.Parameter(cluster).Contains(m.SubjectId)
                             select new Holder(s.PartnerId, s.Role)).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. direct.Concat(members).Distinct()];
    }

    /// <summary>The convenant's subject-type name for a stored <see cref="Subjects.Subject.SubjectType"/> value.</summary>
    internal static string SubjectTypeName(int value) => value switch
    {
        (int)SubjectType.Person => "person",
        (int)SubjectType.Address => "address",
        (int)SubjectType.Company => "company",
        (int)SubjectType.Vehicle => "vehicle",
        _ => "group",
    };

    internal sealed record Holder(string PartnerId, string Role);

    internal sealed record PermittedBy(string Role, string Purpose, string LegalGround, string Clause);

    internal sealed record HitDecisions(IReadOnlyDictionary<string, PermittedBy> Permitted, IReadOnlyList<string> DenyClauses);

    /// <summary>Writes the one audit record of a hit/no-hit request.</summary>
    private sealed class HitAudit(ConvenantAccess access, HubConvenants convenants, AuditLog audit, TimeProvider time, DateTimeOffset started)
    {
        public async Task WriteAsync(
            AuditSubject subject, string status, PermittedBy? permit, CompiledConvenant? compiled, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
        {
            var activity = Activity.Current;
            var caller = access.Caller;
            var partner = AuditId.IsValid(caller.PartnerId) ? caller.PartnerId : null;
            var role = permit?.Role ?? access.Roles.Order(StringComparer.Ordinal).FirstOrDefault();
            var record = new AuditRecord
            {
                TraceId = activity?.TraceId ?? ActivityTraceId.CreateRandom(),
                SpanId = activity?.SpanId ?? ActivitySpanId.CreateRandom(),
                ParentSpanId = activity?.ParentSpanId is { } parent && parent != default ? parent : null,
                Operation = AuditOperations.HitNoHit,
                Status = status,
                StartTime = started,
                EndTime = time.GetUtcNow(),
                ProcessingActivityId = access.Convenant + ":" + AuditOperations.HitNoHit,
                Subject = subject,
                ConvenantId = access.Convenant,
                ConvenantVersion = convenants.VersionHash(access.Convenant) is { } hash ? "sha256:" + hash : null,
                Purpose = permit?.Purpose,
                LegalGround = compiled is null || permit is null ? null : permit.LegalGround,
                Partner = partner,
                Role = AuditId.IsValid(role) ? role : null,
                Actor = SubjectAccessEndpoint.ActorOf(caller),
                Recipient = status == AuditStatus.Ok ? partner : null,
                RecipientRole = status == AuditStatus.Ok && AuditId.IsValid(role) ? role : null,
                DataCategories = [Category],
                DecisionReasons = [.. reasons.Where(AuditId.IsValid)],
            };
            await audit.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The hit/no-hit answer: the caller's own reference and the permitted partners that hold signals about the subject.</summary>
public sealed record HitsResponse(string SubjectRef, IReadOnlyList<Hit> Hits);

/// <summary>One partner that holds signals about the subject: its id, its convenant party and the roles it submitted them in.</summary>
public sealed record Hit(string Partner, string Party, IReadOnlyList<string> Roles);

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Convenants;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Hub.Requests;

/// <summary>
/// Records reviews of pending access requests. A review passes every check before anything is written: a person (never a
/// system), not the requester, holding a role the convenant makes eligible for a gate that is still open, once per gate; a
/// moreel beraad comes from a facilitator with a complete deliberation record whose participants are eligible hub people.
/// A rejection denies the request; the last approval re-decides with every gate passed and creates the grant. Concurrent
/// reviews serialise on the request's <see cref="AccessRequest.Version"/>: the loser re-reads and is checked again, so at
/// most one grant is ever made.
/// </summary>
internal sealed class ReviewService(
    HubDbContext db,
    HubConvenants convenants,
    RequestReader reader,
    SubjectDirectory directory,
    Scrubber scrubber,
    RequestAudit audit,
    GrantFactory grants,
    TimeProvider time)
{
    public const int MaxAttempts = 4;
    public const int MaxText = 4000;
    public const int MaxListItems = 20;
    public const int MaxValueLength = 500;

    public async Task<IResult> ReviewAsync(HubCaller caller, Guid id, HttpRequest http, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var attempt = new RequestAuditStep
        {
            Operation = AuditOperations.Review,
            Status = AuditStatus.Denied,
            Convenant = "hub",
            Partner = caller.PartnerId,
            Actor = RequestAudit.ActorOf(caller),
            Resource = "request:" + id.ToString("D"),
            Start = start,
        };
        var loaded = await reader.LoadAsync(id, track: false, cancellationToken).ConfigureAwait(false);
        if (loaded is null || !await reader.MaySeeAsync(loaded, caller, cancellationToken).ConfigureAwait(false))
        {
            return await RefuseAsync(attempt, StatusCodes.Status404NotFound, RequestErrorCodes.RequestNotFound, "No such access request.", null, cancellationToken).ConfigureAwait(false);
        }

        attempt = await ForRequestAsync(attempt, loaded.Row, cancellationToken).ConfigureAwait(false);
        if (!RequestJson.IsJson(http.ContentType))
        {
            return await RefuseAsync(attempt, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Send application/json.", null, cancellationToken).ConfigureAwait(false);
        }

        var bytes = await RequestJson.ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
        if (!RequestJson.TryRead<ReviewBody>(bytes, out var body, out var path))
        {
            return await RefuseAsync(attempt, StatusCodes.Status400BadRequest, RequestErrorCodes.MalformedJson, "The body is not a valid review.", path, cancellationToken).ConfigureAwait(false);
        }

        if (ValidateShape(body, out var gate) is { } shape)
        {
            return await RefuseAsync(attempt, shape.Status, shape.Code, shape.Detail, shape.Field, cancellationToken).ConfigureAwait(false);
        }

        attempt = attempt with { Reasons = [PolicyNames.Gate.ToName(gate)] };
        if (!caller.IsPerson)
        {
            return await RefuseAsync(attempt, StatusCodes.Status403Forbidden, RequestErrorCodes.PersonRequired, "Reviews are made by people signed in through the portal.", null, cancellationToken).ConfigureAwait(false);
        }

        for (var round = 0; ; round++)
        {
            db.ChangeTracker.Clear();
            var request = await reader.LoadAsync(id, track: true, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return await RefuseAsync(attempt, StatusCodes.Status404NotFound, RequestErrorCodes.RequestNotFound, "No such access request.", null, cancellationToken).ConfigureAwait(false);
            }

            var check = await CheckAsync(request, caller, body, gate, cancellationToken).ConfigureAwait(false);
            if (check.Refusal is { } refusal)
            {
                var clause = request.Gates.FirstOrDefault(g => g.Gate == gate)?.ClauseId;
                return await RefuseAsync(attempt with { Reasons = clause is null ? attempt.Reasons : [.. attempt.Reasons, clause] },
                    refusal.Status, refusal.Code, refusal.Detail, refusal.Field, cancellationToken).ConfigureAwait(false);
            }

            var outcome = await ApplyAsync(request, caller, body, check, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (round + 1 < MaxAttempts)
            {
                // Another review changed the request first (Version) or recorded the same review (unique index): read again and re-check.
                continue;
            }
            catch (DbUpdateException)
            {
                return await RefuseAsync(attempt, StatusCodes.Status409Conflict, RequestErrorCodes.ConcurrentChange, "The request changed while the review was recorded; retry.", null, cancellationToken).ConfigureAwait(false);
            }

            await AuditAsync(attempt, request, check, outcome, cancellationToken).ConfigureAwait(false);
            var row = request.Row;
            var answer = new ReviewRecorded(row.Id, row.Status, RequestPolicy.GateNames(row.ApprovedGates),
                row.Status == AccessRequestStatus.PendingReview ? RequestPolicy.GateNames(row.RequiredGates & ~row.ApprovedGates) : [],
                outcome.Grant is null ? null : new GrantSummary(outcome.Grant.Id, outcome.Grant.ExpiresAt, RequestPolicy.Split(outcome.Grant.Fields)));
            return TypedResults.Created("/api/v1/access-requests/" + row.Id.ToString("D"), answer);
        }
    }

    private async Task<ReviewCheck> CheckAsync(LoadedRequest request, HubCaller caller, ReviewBody body, ApprovalGates gate, CancellationToken cancellationToken)
    {
        var row = request.Row;
        if (!request.IsPending)
        {
            return Refused(StatusCodes.Status409Conflict, RequestErrorCodes.RequestClosed, "The request is closed.");
        }

        var requirement = request.Gates.FirstOrDefault(g => g.Gate == gate);
        if (requirement is null)
        {
            return Refused(StatusCodes.Status409Conflict, RequestErrorCodes.GateNotRequired, "That gate is not required for this request.");
        }

        var actor = RequestAudit.ActorOf(caller);
        if (actor == row.RequesterActor)
        {
            return Refused(StatusCodes.Status403Forbidden, RequestErrorCodes.RequesterMayNotReview, "The requester may not review its own request.");
        }

        var held = caller.RolesIn(row.ConvenantId);
        if (body.Role is not null && !held.Contains(body.Role, StringComparer.Ordinal))
        {
            return Refused(StatusCodes.Status403Forbidden, RequestErrorCodes.ReviewerNotEligible, "The caller does not hold that role in this convenant.");
        }

        var eligible = reader.EligibleRoles(request, caller, requirement).Where(r => body.Role is null || r == body.Role).ToArray();
        if (gate == ApprovalGates.MoreelBeraad)
        {
            if (eligible.Length > 0 && !eligible.Contains(RequestReader.FacilitatorRole, StringComparer.Ordinal))
            {
                return Refused(StatusCodes.Status403Forbidden, RequestErrorCodes.FacilitatorRequired, "A moreel beraad is recorded by its facilitator.");
            }

            eligible = eligible.Where(r => r == RequestReader.FacilitatorRole).ToArray();
        }

        if (eligible.Length == 0)
        {
            return Refused(StatusCodes.Status403Forbidden, RequestErrorCodes.ReviewerNotEligible, "The convenant does not make the caller an eligible reviewer for this gate.");
        }

        if (await db.Reviews.AsNoTracking().AnyAsync(r => r.RequestId == row.Id && r.ReviewerActor == actor && r.Gate == requirement.Name, cancellationToken).ConfigureAwait(false))
        {
            return Refused(StatusCodes.Status409Conflict, RequestErrorCodes.AlreadyReviewed, "The caller already reviewed this gate of this request.");
        }

        if ((row.ApprovedGates & (int)gate) != 0)
        {
            return Refused(StatusCodes.Status409Conflict, RequestErrorCodes.GateNotRequired, "That gate has already been approved.");
        }

        if (gate != ApprovalGates.MoreelBeraad)
        {
            return body.Deliberation is null
                ? new ReviewCheck(null, requirement, eligible[0], null, [])
                : new ReviewCheck(new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidDeliberation, "A deliberation record belongs to a moreel beraad only.", "deliberation"), requirement, eligible[0], null, []);
        }

        if (ValidateDeliberation(body.Deliberation) is { } invalid)
        {
            return new ReviewCheck(invalid, requirement, eligible[0], null, []);
        }

        var (participants, problem) = await CheckParticipantsAsync(request, requirement, body.Deliberation!, cancellationToken).ConfigureAwait(false);
        return problem is not null ? new ReviewCheck(problem, requirement, eligible[0], null, []) : new ReviewCheck(null, requirement, eligible[0], body.Deliberation, participants);
    }

    private async Task<(IReadOnlyList<string> Participants, Refusal? Problem)> CheckParticipantsAsync(LoadedRequest request, GateRequirement requirement,
        DeliberationBody deliberation, CancellationToken cancellationToken)
    {
        var names = deliberation.Participants!.Select(p => p!.Trim()).ToArray();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
        {
            return ([], new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidParticipants, "A participant is named twice.", "deliberation.participants"));
        }

        if (names.Length < requirement.Reviewers)
        {
            return ([], new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidParticipants,
                $"A moreel beraad needs at least {RequestPolicy.Days(requirement.Reviewers)} eligible participants.", "deliberation.participants"));
        }

        var convenant = request.Row.ConvenantId;
        var people = await db.People.AsNoTracking().Where(p => names.Contains(p.UserName) && p.Enabled)
            .Select(p => new { p.Id, p.UserName, Party = p.Partner!.PartyType, PartnerEnabled = p.Partner.Enabled })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = people.Select(p => p.Id).ToArray();
        var roles = await db.PersonRoles.AsNoTracking().Where(r => ids.Contains(r.PersonId) && r.ConvenantId == convenant)
            .Select(r => new { r.PersonId, r.Role }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in names)
        {
            var person = people.FirstOrDefault(p => string.Equals(p.UserName, name, StringComparison.Ordinal));
            var eligible = person is not null && person.PartnerEnabled
                && "person:" + person.Id.ToString("N") != request.Row.RequesterActor
                && roles.Where(r => r.PersonId == person.Id).Any(r => reader.IsEligible(request, requirement, person.Party, r.Role));
            if (!eligible)
            {
                return ([], new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidParticipants,
                    "A participant is not a hub person holding an eligible role in this convenant.", "deliberation.participants"));
            }
        }

        return (names, null);
    }

    private async Task<ReviewOutcome> ApplyAsync(LoadedRequest request, HubCaller caller, ReviewBody body, ReviewCheck check, CancellationToken cancellationToken)
    {
        var row = request.Row;
        var now = time.GetUtcNow();
        var requirement = check.Requirement;
        var approve = body.Verdict == "approve";
        db.Reviews.Add(new Review
        {
            Id = Guid.NewGuid(),
            RequestId = row.Id,
            Gate = requirement.Name,
            ReviewerPartnerId = caller.PartnerId,
            ReviewerRole = check.Role,
            ReviewerActor = RequestAudit.ActorOf(caller),
            Verdict = body.Verdict!,
            Motivation = Scrub(body.Motivation!),
            Deliberation = check.Deliberation is null ? null : JsonSerializer.Serialize(ScrubRecord(check.Deliberation, check.Participants), RequestJson.Options),
            CreatedAt = now,
        });
        row.Version++;
        if (!approve)
        {
            row.Status = AccessRequestStatus.Denied;
            row.DecidedAt = now;
            row.DecidingClause = requirement.ClauseId;
            row.Reasons = "review-rejected:" + requirement.ClauseId;
            return new ReviewOutcome(null, null, [requirement.ClauseId, "verdict:reject"]);
        }

        var actor = RequestAudit.ActorOf(caller);
        var earlier = await db.Reviews.AsNoTracking().Where(r => r.RequestId == row.Id && r.Verdict == "approve")
            .Select(r => new { r.Gate, r.ReviewerActor, r.Deliberation }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var approvals = earlier.Where(r => r.Gate == requirement.Name).Select(r => r.ReviewerActor).Append(actor).Distinct(StringComparer.Ordinal).Count();
        if (requirement.Gate == ApprovalGates.MoreelBeraad || approvals >= requirement.Reviewers)
        {
            row.ApprovedGates |= (int)requirement.Gate;
        }

        if ((row.RequiredGates & ~row.ApprovedGates) != 0)
        {
            return new ReviewOutcome(null, null, [requirement.ClauseId, "verdict:approve"]);
        }

        var decisionRequest = RequestPolicy.Rebuild(convenants.Catalog, request.Convenant, row, request.RequesterParty, now, (ApprovalGates)row.ApprovedGates);
        var decision = decisionRequest is { } r ? convenants.Catalog.Decide(r) : default;
        row.DecidedAt = now;
        row.DecidingClause = decision.DecidingClauseId;
        row.Reasons = RequestPolicy.StoreReasons(decision.Reasons);
        if (!decision.IsPermit)
        {
            // The convenant no longer permits it (expired, suspended, changed): every gate passed, still denied.
            row.Status = AccessRequestStatus.Denied;
            return new ReviewOutcome(decision, null, [requirement.ClauseId, "verdict:approve"]);
        }

        var approvers = earlier.Select(x => x.ReviewerActor)
            .Append(actor)
            .Concat(check.Participants.Select(p => "person:" + p))
            .Concat(earlier.SelectMany(x => Participants(x.Deliberation)))
            .Distinct(StringComparer.Ordinal).ToArray();
        row.Status = AccessRequestStatus.Granted;
        var grant = grants.Add(row, decision, approvers, now);
        return new ReviewOutcome(decision, grant, [requirement.ClauseId, "verdict:approve"]);
    }

    private static IEnumerable<string> Participants(string? deliberation) =>
        deliberation is null ? [] : (JsonSerializer.Deserialize<DeliberationRecord>(deliberation, RequestJson.Options)?.Participants ?? []).Select(p => "person:" + p);

    private async Task AuditAsync(RequestAuditStep attempt, LoadedRequest request, ReviewCheck check, ReviewOutcome outcome, CancellationToken cancellationToken)
    {
        var row = request.Row;
        var approvers = outcome.Grant is null ? [] : RequestPolicy.Split(outcome.Grant.Approvers);
        var reviewed = attempt with
        {
            Status = AuditStatus.Ok,
            Role = check.Role,
            Reasons = [.. outcome.Reasons, "gate:" + check.Requirement.Name],
            Approvers = check.Participants.Select(p => "person:" + p).ToArray(),
        };
        var steps = new List<RequestAuditStep> { reviewed };
        if (outcome.Decision is { } decision)
        {
            var decided = attempt with
            {
                Operation = AuditOperations.PolicyDecision,
                Status = decision.IsPermit ? AuditStatus.Ok : AuditStatus.Denied,
                Partner = row.RequesterPartnerId,
                Role = row.RequesterRole,
                Actor = row.RequesterActor,
                Approvers = approvers,
                Recipient = row.RequesterPartnerId,
                RecipientRole = row.RequesterRole,
                Reasons = [.. RequestPolicy.Clauses(decision), RequestPolicy.Outcome(decision.Outcome)],
            };
            steps.Add(decided);
            if (outcome.Grant is { } grant)
            {
                steps.Add(decided with { Operation = AuditOperations.Grant, Resource = "grant:" + grant.Id.ToString("D") });
            }
        }
        else if (row.Status == AccessRequestStatus.Denied)
        {
            steps.Add(attempt with
            {
                Operation = AuditOperations.PolicyDecision,
                Status = AuditStatus.Denied,
                Role = check.Role,
                Reasons = [check.Requirement.ClauseId, "decision:Deny"],
            });
        }

        await audit.AppendAsync(steps, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RequestAuditStep> ForRequestAsync(RequestAuditStep attempt, AccessRequest row, CancellationToken cancellationToken)
    {
        var root = await directory.GetRootAsync(row.SubjectId, cancellationToken).ConfigureAwait(false);
        var purpose = convenants.Catalog.Get(row.ConvenantId) is { } convenant && !convenant.FindPurpose(row.Purpose).IsNone
            ? convenant.GetPurpose(convenant.FindPurpose(row.Purpose)).ClauseId : null;
        return attempt with
        {
            Convenant = row.ConvenantId,
            Anchor = root?.Anchor,
            Purpose = row.Purpose,
            LegalGround = purpose,
            Categories = RequestPolicy.Split(row.Categories),
        };
    }

    private static Refusal? ValidateShape(ReviewBody body, out ApprovalGates gate)
    {
        gate = ApprovalGates.None;
        if (string.IsNullOrWhiteSpace(body.Gate))
        {
            return Refusal.Missing("gate");
        }

        if (!PolicyNames.Gate.TryParse(body.Gate, out gate) || !RequestPolicy.AllGates.Contains(gate))
        {
            return Refusal.Invalid("gate");
        }

        if (string.IsNullOrWhiteSpace(body.Verdict))
        {
            return Refusal.Missing("verdict");
        }

        if (body.Verdict is not ("approve" or "reject"))
        {
            return Refusal.Invalid("verdict");
        }

        if (body.Role is not null && !Accounts.ConvenantRole.IsId(body.Role))
        {
            return Refusal.Invalid("role");
        }

        if (string.IsNullOrWhiteSpace(body.Motivation))
        {
            return Refusal.Missing("motivation");
        }

        if (body.Motivation.Length > MaxText)
        {
            return Refusal.Invalid("motivation");
        }

        return MotivationRules.CheckReview(body.Motivation) is { } why
            ? new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.TrivialMotivation, $"The motivation is not acceptable ({why}).", "motivation")
            : null;
    }

    private static Refusal? ValidateDeliberation(DeliberationBody? record)
    {
        const string Prefix = "deliberation.";
        if (record is null)
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidDeliberation, "A moreel beraad needs its deliberation record.", "deliberation");
        }

        foreach (var (name, text) in new[] { ("dilemma", record.Dilemma), ("facts", record.Facts), ("decision", record.Decision) })
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
            {
                return Deliberation(Prefix + name);
            }
        }

        if (record.Dissent is { Length: > MaxText })
        {
            return Deliberation(Prefix + "dissent");
        }

        if (record.Values is null || record.Values.Count is 0 or > MaxListItems || record.Values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxValueLength))
        {
            return Deliberation(Prefix + "values");
        }

        if (record.Options is null || record.Options.Count is 0 or > MaxListItems
            || record.Options.Any(o => o is null || string.IsNullOrWhiteSpace(o.Option) || string.IsNullOrWhiteSpace(o.Assessment)
                || o.Option.Length > MaxValueLength || o.Assessment.Length > MaxText))
        {
            return Deliberation(Prefix + "options");
        }

        if (record.Participants is null || record.Participants.Count is 0 or > MaxListItems
            || record.Participants.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > Accounts.Person.UserNameMaxLength))
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidParticipants, "The participants are missing or malformed.", Prefix + "participants");
        }

        return null;
    }

    private static Refusal Deliberation(string field) =>
        new(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidDeliberation, "A part of the deliberation record is missing or too long.", field);

    private DeliberationRecord ScrubRecord(DeliberationBody record, IReadOnlyList<string> participants) => new(
        Scrub(record.Dilemma!),
        Scrub(record.Facts!),
        [.. record.Values!.Select(v => Scrub(v!))],
        [.. record.Options!.Select(o => new DeliberationOptionRecord(Scrub(o!.Option!), Scrub(o.Assessment!)))],
        Scrub(record.Decision!),
        string.IsNullOrWhiteSpace(record.Dissent) ? null : Scrub(record.Dissent),
        participants);

    private string Scrub(string text)
    {
        var scrubbed = scrubber.Scrub(text.Trim()).Text;
        return scrubbed.Length <= MaxText ? scrubbed : scrubbed[..MaxText];
    }

    private static ReviewCheck Refused(int status, string code, string detail) => new(new Refusal(status, code, detail, null), null!, string.Empty, null, []);

    private async Task<ProblemHttpResult> RefuseAsync(RequestAuditStep attempt, int status, string code, string detail, string? field, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(attempt with { Status = AuditStatus.Denied, Reasons = [code, .. attempt.Reasons] }, cancellationToken).ConfigureAwait(false);
        var problem = HubProblems.Create(status, code, detail);
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }

    private sealed record ReviewCheck(Refusal? Refusal, GateRequirement Requirement, string Role, DeliberationBody? Deliberation, IReadOnlyList<string> Participants);

    private sealed record ReviewOutcome(Policies.Decisions.PolicyDecision? Decision, Grant? Grant, IReadOnlyList<string> Reasons);
}

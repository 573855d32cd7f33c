using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Hub.Requests;

/// <summary>
/// Creates access requests: validates the body (nothing is stored on bad input, but the attempt is audited), takes phase,
/// level and the minor fact from the subject's casus and signals, lets the convenant decide, and stores the request with its
/// outcome: granted (with a <see cref="Disclosure.Grant"/>), pending review, or denied.
/// </summary>
internal sealed class AccessRequestService(
    HubDbContext db,
    HubConvenants convenants,
    SubjectDirectory directory,
    Scrubber scrubber,
    RequestAudit audit,
    GrantFactory grants,
    IOptions<RequestsOptions> options,
    TimeProvider time)
{
    public const int MaxCategories = 16;
    public const int MaxFields = 64;
    public const int MaxInputMotivation = 3000;

    public async Task<IResult> CreateAsync(ConvenantAccess access, HttpRequest http, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var caller = access.Caller;
        var attempt = new RequestAuditStep
        {
            Operation = AuditOperations.AccessRequest,
            Status = AuditStatus.Denied,
            Convenant = access.Convenant,
            Partner = caller.PartnerId,
            Actor = RequestAudit.ActorOf(caller),
            Start = start,
        };

        var convenant = convenants.Catalog.Get(access.Convenant);
        if (convenant is null || convenants.VersionHash(access.Convenant) is null)
        {
            return await RefuseAsync(attempt, StatusCodes.Status404NotFound, RequestErrorCodes.UnknownConvenant, "This hub does not run under that convenant.", null, cancellationToken).ConfigureAwait(false);
        }

        if (!RequestJson.IsJson(http.ContentType))
        {
            return await RefuseAsync(attempt, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Send application/json.", null, cancellationToken).ConfigureAwait(false);
        }

        var bytes = await RequestJson.ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
        if (!RequestJson.TryRead<AccessRequestBody>(bytes, out var body, out var path))
        {
            return await RefuseAsync(attempt, StatusCodes.Status400BadRequest, RequestErrorCodes.MalformedJson, "The body is not a valid access request.", path, cancellationToken).ConfigureAwait(false);
        }

        if (ValidateShape(body) is { } shape)
        {
            return await RefuseAsync(attempt, shape.Status, shape.Code, shape.Detail, shape.Field, cancellationToken).ConfigureAwait(false);
        }

        var subject = await directory.ResolveReferenceAsync(access.Convenant, caller.PartnerId, body.SubjectRef!, cancellationToken).ConfigureAwait(false);
        if (subject is null || subject.ConvenantId != access.Convenant)
        {
            return await RefuseAsync(attempt, StatusCodes.Status404NotFound, RequestErrorCodes.SubjectNotFound, "No such subject reference for this partner under this convenant.", null, cancellationToken).ConfigureAwait(false);
        }

        attempt = attempt with { Anchor = subject.Anchor };
        if (ValidateAgainstConvenant(convenant, body) is { } semantic)
        {
            return await RefuseAsync(attempt, semantic.Status, semantic.Code, semantic.Detail, semantic.Field, cancellationToken).ConfigureAwait(false);
        }

        var purposeHandle = convenant.FindPurpose(body.Purpose);
        var purpose = convenant.GetPurpose(purposeHandle);
        var categories = body.Categories!.Select(c => c!).Distinct(StringComparer.Ordinal).ToArray();
        var fields = body.Fields!.Select(f => f!).Distinct(StringComparer.Ordinal).ToArray();
        attempt = attempt with { Purpose = purpose.Id, LegalGround = purpose.ClauseId, Categories = categories };
        if (ValidateMotivations(body, purpose) is { } trivial)
        {
            return await RefuseAsync(attempt, trivial.Status, trivial.Code, trivial.Detail, trivial.Field, cancellationToken).ConfigureAwait(false);
        }

        var facts = await SubjectFacts.LoadAsync(db, directory, access.Convenant, subject.Id, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var (role, decision) = Decide(convenant, access, body, categories, subject, facts, now);
        attempt = attempt with { Role = role };
        string[] grantedFields = [];
        if (!decision.IsDeny)
        {
            grantedFields = [.. fields.Where(f => decision.AllowedFields.Contains(f, StringComparer.Ordinal))];
            if (grantedFields.Length == 0)
            {
                return await RefuseAsync(attempt with { Reasons = [RequestErrorCodes.FieldsNotShared, decision.DecidingClauseId] }, StatusCodes.Status422UnprocessableEntity,
                    RequestErrorCodes.FieldsNotShared, "None of the requested fields is shared by the flow that would permit this request.", "fields", cancellationToken).ConfigureAwait(false);
            }
        }

        var scrubbed = new[] { body.Necessity!, body.Proportionality!, body.Subsidiarity! }.Select(t => scrubber.Scrub(t.Trim()).Text).ToArray();
        if (scrubbed.Any(t => t.Length > AccessRequest.MotivationMaxLength))
        {
            return await RefuseAsync(attempt, StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidField, "A justification is too long.", "necessity", cancellationToken).ConfigureAwait(false);
        }

        var requirements = RequestPolicy.AllGates.Select(g => RequestPolicy.ForGate(decision.Requirements, g)).OfType<GateRequirement>().ToArray();
        var row = new AccessRequest
        {
            Id = Guid.NewGuid(),
            ConvenantId = access.Convenant,
            ConvenantVersionHash = convenants.VersionHash(access.Convenant)!,
            RequesterPartnerId = caller.PartnerId,
            RequesterRole = role,
            RequesterActor = RequestAudit.ActorOf(caller),
            SubjectId = subject.Id,
            SubjectRef = body.SubjectRef!,
            SubjectType = PolicyNames.SubjectType.ToName((SubjectType)subject.SubjectType),
            Purpose = purpose.Id,
            Categories = string.Join(',', categories),
            Fields = string.Join(',', decision.IsDeny ? fields : grantedFields),
            Mode = body.Mode!,
            Phase = facts.Phase,
            Level = facts.Level,
            Counterpart = body.Counterpart,
            IsMinor = facts.IsMinor,
            GrantDays = body.DurationDays ?? options.Value.DefaultGrantDays,
            Necessity = scrubbed[0],
            Proportionality = scrubbed[1],
            Subsidiarity = scrubbed[2],
            Status = decision.Outcome switch
            {
                DecisionOutcome.Permit => AccessRequestStatus.Granted,
                DecisionOutcome.NeedsApproval => AccessRequestStatus.PendingReview,
                _ => AccessRequestStatus.Denied,
            },
            DecidingClause = decision.DecidingClauseId,
            Reasons = Truncate(RequestPolicy.StoreReasons(decision.Reasons)),
            RequiredGates = (int)decision.Gates,
            ApprovedGates = 0,
            CreatedAt = now,
            DecidedAt = decision.NeedsApproval ? null : now,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
            Version = 1,
        };
        db.AccessRequests.Add(row);
        var grant = decision.IsPermit ? grants.Add(row, decision, [], now) : null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var status = decision.IsDeny ? AuditStatus.Denied : AuditStatus.Ok;
        var reasons = RequestPolicy.Clauses(decision).Append(RequestPolicy.Outcome(decision.Outcome)).ToArray();
        var created = attempt with
        {
            Status = status,
            Reasons = reasons,
            Resource = "request:" + row.Id.ToString("D"),
            Recipient = caller.PartnerId,
            RecipientRole = role,
        };
        var steps = new List<RequestAuditStep> { created, created with { Operation = AuditOperations.PolicyDecision } };
        if (grant is not null)
        {
            steps.Add(created with { Operation = AuditOperations.Grant, Resource = "grant:" + grant.Id.ToString("D") });
        }

        await audit.AppendAsync(steps, cancellationToken).ConfigureAwait(false);
        if (decision.IsDeny)
        {
            var problem = HubProblems.Create(StatusCodes.Status403Forbidden, RequestErrorCodes.Denied, "The convenant does not permit this request.");
            problem.Extensions["requestId"] = row.Id;
            problem.Extensions["decidingClause"] = decision.DecidingClauseId;
            problem.Extensions["clauses"] = RequestPolicy.Clauses(decision);
            problem.Extensions["reasons"] = RequestPolicy.Views(decision.Reasons);
            problem.Extensions[HubProblems.TraceIdExtension] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.HttpContext.TraceIdentifier;
            // Written as JSON directly: the shared problem customiser drops a "requestId" extension (ASP.NET's own), and here it is ours.
            return TypedResults.Json(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", StatusCodes.Status403Forbidden);
        }

        var answer = new AccessRequestCreated(
            row.Id,
            row.Status,
            decision.DecidingClauseId,
            RequestPolicy.Views(decision.Reasons),
            RequestPolicy.GateNames(row.RequiredGates),
            [],
            decision.NeedsApproval ? RequestPolicy.Deadline(requirements, now) : null,
            grant is null ? null : new GrantSummary(grant.Id, grant.ExpiresAt, RequestPolicy.Split(grant.Fields)));
        return TypedResults.Created("/api/v1/access-requests/" + row.Id.ToString("D"), answer);
    }

    /// <summary>
    /// Decides under each of the caller's roles in the convenant and keeps the most favourable outcome (permit, then needs
    /// approval, then the first role's denial): the requester acts in the role that the convenant lets it act in.
    /// </summary>
    private (string Role, PolicyDecision Decision) Decide(CompiledConvenant convenant, ConvenantAccess access, AccessRequestBody body, string[] categories,
        ResolvedSubject subject, SubjectFacts facts, DateTimeOffset now)
    {
        _ = convenant.TryGetCategories(categories, out var set, out _);
        _ = PolicyNames.Mode.TryParse(body.Mode, out var mode);
        _ = PolicyNames.Phase.TryParse(facts.Phase, out var phase);
        (string Role, PolicyDecision Decision)? best = null;
        foreach (var role in access.Roles.Order(StringComparer.Ordinal))
        {
            var request = new DecisionRequest(convenants.Catalog.Find(convenant.Id), convenant.FindParty(access.Caller.PartyType), convenant.FindRole(role),
                convenant.FindPurpose(body.Purpose), PolicyAction.Request, set, (SubjectType)subject.SubjectType, mode, now)
            {
                Phase = phase,
                Level = convenant.FindLevel(facts.Level),
                Facts = facts.IsMinor ? RequestFacts.Minor : RequestFacts.None,
                Counterpart = convenant.FindParty(body.Counterpart),
            };
            var decision = convenants.Catalog.Decide(request);
            if (best is null || Rank(decision.Outcome) > Rank(best.Value.Decision.Outcome))
            {
                best = (role, decision);
            }
        }

        return best ?? (access.Roles.Count > 0 ? access.Roles[0] : string.Empty, default);
    }

    private static int Rank(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Permit => 2,
        DecisionOutcome.NeedsApproval => 1,
        _ => 0,
    };

    private Refusal? ValidateShape(AccessRequestBody body)
    {
        if (string.IsNullOrWhiteSpace(body.SubjectRef))
        {
            return Refusal.Missing("subjectRef");
        }

        if (body.SubjectRef.Length > SubjectRef.ReferenceMaxLength)
        {
            return Refusal.Invalid("subjectRef");
        }

        if (string.IsNullOrWhiteSpace(body.Purpose))
        {
            return Refusal.Missing("purpose");
        }

        if (body.Categories is null || body.Categories.Count == 0 || body.Categories.Any(string.IsNullOrWhiteSpace))
        {
            return Refusal.Missing("categories");
        }

        if (body.Fields is null || body.Fields.Count == 0 || body.Fields.Any(string.IsNullOrWhiteSpace))
        {
            return Refusal.Missing("fields");
        }

        if (body.Categories.Count > MaxCategories)
        {
            return Refusal.Invalid("categories");
        }

        if (body.Fields.Count > MaxFields)
        {
            return Refusal.Invalid("fields");
        }

        if (string.IsNullOrWhiteSpace(body.Mode))
        {
            return Refusal.Missing("mode");
        }

        if (body.Mode is not ("identified" or "pseudonymised"))
        {
            return Refusal.Invalid("mode");
        }

        foreach (var (name, text) in Motivations(body))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return Refusal.Missing(name);
            }

            if (text.Length > MaxInputMotivation)
            {
                return Refusal.Invalid(name);
            }
        }

        if (body.DurationDays is { } days && (days < 1 || days > options.Value.MaxGrantDays))
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidDuration,
                $"durationDays must be between 1 and {RequestPolicy.Days(options.Value.MaxGrantDays)}.", "durationDays");
        }

        return null;
    }

    private static Refusal? ValidateAgainstConvenant(CompiledConvenant convenant, AccessRequestBody body)
    {
        if (convenant.FindPurpose(body.Purpose).IsNone)
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.UnknownPurpose, "The purpose is not defined in the convenant.", "purpose");
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in body.Categories!)
        {
            var index = convenant.FindCategory(category);
            if (index < 0)
            {
                return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.UnknownCategory, "A category is not defined in the convenant.", "categories");
            }

            named.UnionWith(convenant.GetCategory(index).Fields);
        }

        if (body.Fields!.Any(f => !named.Contains(f!)))
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.FieldOutsideCategories, "A field does not belong to any of the named categories.", "fields");
        }

        if (body.Counterpart is not null && convenant.FindParty(body.Counterpart).IsNone)
        {
            return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.UnknownCounterpart, "The counterpart is not a party of the convenant.", "counterpart");
        }

        return null;
    }

    private static Refusal? ValidateMotivations(AccessRequestBody body, Purpose purpose)
    {
        var texts = Motivations(body).ToArray();
        foreach (var (name, text) in texts)
        {
            if (MotivationRules.Check(text!, purpose.Id, purpose.Name) is { } why)
            {
                return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.TrivialMotivation, $"The {name} justification is not acceptable ({why}).", name);
            }
        }

        for (var i = 0; i < texts.Length; i++)
        {
            for (var j = i + 1; j < texts.Length; j++)
            {
                if (MotivationRules.SameText(texts[i].Text!, texts[j].Text!))
                {
                    return new Refusal(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.TrivialMotivation,
                        $"The {texts[j].Name} justification repeats the {texts[i].Name} justification (copied).", texts[j].Name);
                }
            }
        }

        return null;
    }

    private static IEnumerable<(string Name, string? Text)> Motivations(AccessRequestBody body)
    {
        yield return ("necessity", body.Necessity);
        yield return ("proportionality", body.Proportionality);
        yield return ("subsidiarity", body.Subsidiarity);
    }

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

    private static string Truncate(string list) =>
        list.Length <= AccessRequest.ListMaxLength ? list : list[..list.LastIndexOf(',', AccessRequest.ListMaxLength - 1)];
}

/// <summary>A refused request: status, code, a safe detail and the offending field.</summary>
internal sealed record Refusal(int Status, string Code, string Detail, string? Field)
{
    public static Refusal Missing(string field) => new(StatusCodes.Status400BadRequest, RequestErrorCodes.MissingField, "A required field is missing or empty.", field);

    public static Refusal Invalid(string field) => new(StatusCodes.Status422UnprocessableEntity, RequestErrorCodes.InvalidField, "A field has a value that is not allowed here.", field);
}

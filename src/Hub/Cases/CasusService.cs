using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Cases;

/// <summary>The answer of a casus operation: a value, or a status with its <see cref="CasusErrorCodes"/> code.</summary>
internal readonly record struct CasusOutcome<T>(T? Value, int Status, string? Code)
{
    public static CasusOutcome<T> Refused(int status, string code) => new(default, status, code);
}

/// <summary>
/// The casus lifecycle: bring a subject in, move it through states, phases and levels (<see cref="CasusLifecycle"/>), and show
/// each caller what the convenant lets it see (<see cref="CasusVisibility"/>). Every attempt, refused or not, is audited.
/// <para>
/// Who sees a casus at all: its owner partner and the convenant's casusregisseurs (they run the lifecycle) always see the
/// casus itself; anyone else only when the convenant lets one of its roles view at least one category of one signal of the
/// cluster in the casus's phase and level. Everyone else gets 404 with the code for an unknown casus, so a casus's
/// existence does not leak.
/// </para>
/// </summary>
internal sealed class CasusService(HubDbContext db, HubConvenants convenants, SubjectDirectory directory, AuditLog audit, TimeProvider time)
{
    /// <summary>The convenant role that directs casus (procesregie) and may move any casus of the convenant.</summary>
    public const string RegisseurRole = "casusregisseur";

    /// <summary>At most this many casus are listed, and at most <see cref="MaxScanned"/> (most recently updated) are looked at to find them.</summary>
    public const int MaxListed = 200;

    public const int MaxScanned = 2000;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static readonly CasusVisibilityResult Nothing = new([], [], []);

    public async Task<CasusOutcome<CasusView>> BringInAsync(ConvenantAccess access, BringInRequest? request, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var context = Context(access.Convenant);
        if (context is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusCreated, start, 404, CasusErrorCodes.UnknownConvenant, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(request?.SubjectRef))
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusCreated, start, 400, CasusErrorCodes.MissingField, null, null, cancellationToken).ConfigureAwait(false);
        }

        var subject = request.SubjectRef.Length > SubjectRef.ReferenceMaxLength ? null
            : await directory.ResolveReferenceAsync(access.Convenant, access.Caller.PartnerId, request.SubjectRef, cancellationToken).ConfigureAwait(false);
        var convenant = context.Convenant;
        var party = convenant.FindParty(access.Caller.PartyType);
        var ownerRole = convenant.Document.Roles.FirstOrDefault(r => access.Roles.Contains(r.Id, StringComparer.Ordinal) && r.Parties.Contains(access.Caller.PartyType ?? string.Empty, StringComparer.Ordinal));
        if (!convenant.MayBringInCases(party) || ownerRole is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusCreated, start, 403, CasusErrorCodes.MayNotBringIn, subject?.Anchor, null, cancellationToken).ConfigureAwait(false);
        }

        if (subject is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusCreated, start, 404, CasusErrorCodes.SubjectNotFound, null, null, cancellationToken).ConfigureAwait(false);
        }

        var partyClause = convenant.GetParty(party).ClauseId;
        Casus? casus;
        var gate = Gates.GetOrAdd(access.Convenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            casus = await CreateAsync(access, subject, ownerRole.Id, partyClause, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
            db.ChangeTracker.Clear();
        }

        if (casus is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusCreated, start, 409, CasusErrorCodes.OpenCasusExists, subject.Anchor, null, cancellationToken).ConfigureAwait(false);
        }

        var (view, visibility) = await ViewAsync(access, context, casus, subject, withSignals: true, evaluate: true, cancellationToken).ConfigureAwait(false);
        var purposes = await PurposeOfAsync(context, subject, cancellationToken).ConfigureAwait(false);
        var records = new List<AuditRecord>
        {
            CasusAudit.Build(access.Caller, Entry(context, AuditOperations.CasusCreated, AuditStatus.Ok, start, subject.Anchor, ownerRole.Id, casus.Id, purposes)
                with { Reasons = [partyClause, "to:" + CasusStates.Signal, "phase:" + casus.Phase] }),
        };
        if (visibility.SeesAnything)
        {
            records.Add(ViewRecord(access, context, start, subject.Anchor, casus.Id, visibility, purposes));
        }

        await audit.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        return new CasusOutcome<CasusView>(view, 201, null);
    }

    public async Task<CasusOutcome<CasusView>> GetAsync(ConvenantAccess access, Guid id, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var context = Context(access.Convenant);
        if (context is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.View, start, 404, CasusErrorCodes.UnknownConvenant, null, null, cancellationToken).ConfigureAwait(false);
        }

        var casus = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.ConvenantId == access.Convenant, cancellationToken).ConfigureAwait(false);
        var subject = casus is null ? null : await directory.GetRootAsync(casus.SubjectId, cancellationToken).ConfigureAwait(false);
        if (casus is null || subject is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.View, start, 404, CasusErrorCodes.CasusNotFound, null, null, cancellationToken).ConfigureAwait(false);
        }

        var (view, visibility) = await ViewAsync(access, context, casus, subject, withSignals: true, evaluate: true, cancellationToken).ConfigureAwait(false);
        if (!IsOwner(access, casus) && !IsRegisseur(access, context.Convenant) && !visibility.SeesAnything)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.View, start, 404, CasusErrorCodes.CasusNotFound, subject.Anchor, id, cancellationToken).ConfigureAwait(false);
        }

        var purposes = await PurposeOfAsync(context, subject, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(ViewRecord(access, context, start, subject.Anchor, casus.Id, visibility, purposes), cancellationToken).ConfigureAwait(false);
        return new CasusOutcome<CasusView>(await WithOwnReferenceAsync(access, view, subject, cancellationToken).ConfigureAwait(false), 200, null);
    }

    public async Task<CasusOutcome<CasusList>> ListAsync(ConvenantAccess access, string? state, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var context = Context(access.Convenant);
        if (context is null)
        {
            return await RefuseAsync<CasusList>(access, AuditOperations.View, start, 404, CasusErrorCodes.UnknownConvenant, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (state is not null && !CasusLifecycle.IsState(state))
        {
            return await RefuseAsync<CasusList>(access, AuditOperations.View, start, 400, CasusErrorCodes.InvalidValue, null, null, cancellationToken).ConfigureAwait(false);
        }

        var query = db.Cases.AsNoTracking().Where(c => c.ConvenantId == access.Convenant);
        if (state is not null)
        {
            query = query.Where(c => c.State == state);
        }

        var candidates = await query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Version).Take(MaxScanned)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var regisseur = IsRegisseur(access, context.Convenant);
        var listed = new List<CasusView>();
        var records = new List<AuditRecord>();
        foreach (var casus in candidates)
        {
            if (listed.Count == MaxListed)
            {
                break;
            }

            var subject = await directory.GetRootAsync(casus.SubjectId, cancellationToken).ConfigureAwait(false);
            if (subject is null)
            {
                continue;
            }

            var known = regisseur || IsOwner(access, casus);
            var (view, visibility) = await ViewAsync(access, context, casus, subject, withSignals: false, evaluate: !known, cancellationToken).ConfigureAwait(false);
            if (known || visibility.SeesAnything)
            {
                listed.Add(await WithOwnReferenceAsync(access, view, subject, cancellationToken).ConfigureAwait(false));
                records.Add(CasusAudit.Build(access.Caller, Entry(context, AuditOperations.View, AuditStatus.Ok, start, subject.Anchor, FirstRole(access), casus.Id, default)
                    with { Reasons = ["casus-list"] }));
            }
        }

        if (records.Count == 0)
        {
            records.Add(CasusAudit.Build(access.Caller, Entry(context, AuditOperations.View, AuditStatus.Ok, start, null, FirstRole(access), null, default)
                with { Reasons = ["casus-list", "empty"] }));
        }

        await audit.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        return new CasusOutcome<CasusList>(new CasusList(listed), 200, null);
    }

    public async Task<CasusOutcome<CasusView>> TransitionAsync(ConvenantAccess access, Guid id, TransitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = time.GetUtcNow();
        var context = Context(access.Convenant);
        if (context is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 404, CasusErrorCodes.UnknownConvenant, null, null, cancellationToken).ConfigureAwait(false);
        }

        var casus = await db.Cases.FirstOrDefaultAsync(c => c.Id == id && c.ConvenantId == access.Convenant, cancellationToken).ConfigureAwait(false);
        var subject = casus is null ? null : await directory.GetRootAsync(casus.SubjectId, cancellationToken).ConfigureAwait(false);
        if (casus is null || subject is null)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 404, CasusErrorCodes.CasusNotFound, null, null, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await TransitionAsync(access, context, casus, subject, request, start, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<CasusOutcome<CasusView>> TransitionAsync(
        ConvenantAccess access, ConvenantContext context, Casus casus, ResolvedSubject subject, TransitionRequest request, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var convenant = context.Convenant;
        var owner = IsOwner(access, casus);
        var regisseur = IsRegisseur(access, convenant);
        if (!owner && !regisseur)
        {
            var (_, visibility) = await ViewAsync(access, context, casus, subject, withSignals: true, evaluate: true, cancellationToken).ConfigureAwait(false);
            return visibility.SeesAnything
                ? await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 403, CasusErrorCodes.MayNotTransition, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false)
                : await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 404, CasusErrorCodes.CasusNotFound, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false);
        }

        if (request.Version is { } expected && expected != casus.Version)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 409, CasusErrorCodes.VersionConflict, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false);
        }

        CasePhase? phase = null;
        if (request.Phase is not null)
        {
            if (!PolicyNames.Phase.TryParse(request.Phase, out var parsed))
            {
                return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 400, CasusErrorCodes.InvalidValue, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false);
            }

            phase = parsed;
        }

        if ((request.State is not null && !CasusLifecycle.IsState(request.State)) || !PolicyNames.Phase.TryParse(casus.Phase, out var currentPhase))
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 400, CasusErrorCodes.InvalidValue, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false);
        }

        var current = new CasusSnapshot(casus.State, currentPhase, casus.Level);
        var change = CasusLifecycle.Apply(current, new CasusTransition(request.State, phase, request.Level), context.Ladder);
        if (!change.Ok)
        {
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, change.Status, change.Code!, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false);
        }

        var role = owner
            ? (access.Roles.Contains(casus.OwnerRole, StringComparer.Ordinal) ? casus.OwnerRole : access.Roles[0])
            : RegisseurRole;
        var clauses = new List<string> { AuthorityClause(access, convenant, owner) };
        var next = change.Next;
        if (next.Level is { } level && level != current.Level)
        {
            clauses.Add(convenant.Document.EscalationLevels.First(l => l.Id == level).ClauseId);
        }

        var now = time.GetUtcNow();
        var nextPhase = PolicyNames.Phase.ToName(next.Phase);
        db.CasusEvents.Add(new CasusEvent
        {
            Id = Guid.CreateVersion7(now),
            CasusId = casus.Id,
            At = now,
            PartnerId = access.Caller.PartnerId,
            Role = role,
            Actor = CasusAudit.Actor(access.Caller),
            FromState = casus.State,
            ToState = next.State,
            FromPhase = casus.Phase,
            ToPhase = nextPhase,
            FromLevel = casus.Level,
            ToLevel = next.Level,
            Clauses = string.Join(',', clauses),
        });
        var from = casus.State;
        casus.State = next.State;
        casus.Phase = nextPhase;
        casus.Level = next.Level;
        casus.UpdatedAt = now;
        casus.Version++;
        if (next.State == CasusStates.Closed)
        {
            casus.ClosedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, start, 409, CasusErrorCodes.VersionConflict, subject.Anchor, casus.Id, cancellationToken).ConfigureAwait(false);
        }

        var purposes = await PurposeOfAsync(context, subject, cancellationToken).ConfigureAwait(false);
        List<string> reasons = [.. clauses, "from:" + from, "to:" + next.State, "phase:" + nextPhase];
        if (next.Level is not null)
        {
            reasons.Add("level:" + next.Level);
        }

        await audit.AppendAsync(CasusAudit.Build(access.Caller, Entry(context, AuditOperations.CasusTransition, AuditStatus.Ok, start, subject.Anchor, role, casus.Id, purposes)
            with { Reasons = reasons }), cancellationToken).ConfigureAwait(false);
        var (view, _) = await ViewAsync(access, context, casus, subject, withSignals: false, evaluate: false, cancellationToken).ConfigureAwait(false);
        return new CasusOutcome<CasusView>(await WithOwnReferenceAsync(access, view, subject, cancellationToken).ConfigureAwait(false), 200, null);
    }

    /// <summary>Audits a refused attempt made before the body could be read (malformed JSON, bad id) and returns the refusal.</summary>
    public Task<CasusOutcome<T>> RefuseAsync<T>(ConvenantAccess access, string operation, int status, string code, CancellationToken cancellationToken) =>
        RefuseAsync<T>(access, operation, time.GetUtcNow(), status, code, null, null, cancellationToken);

    /// <summary>Creates the casus unless the cluster has an open one (null then). Runs under the convenant's gate (and a PostgreSQL advisory lock).</summary>
    private async Task<Casus?> CreateAsync(ConvenantAccess access, ResolvedSubject subject, string ownerRole, string partyClause, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (db.Database.IsNpgsql())
            {
                var key = LockKey(access.Convenant);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
            }

            var cluster = await directory.GetClusterAsync(subject.Id, cancellationToken).ConfigureAwait(false);
            if (await CasusLookup.CurrentAsync(db, access.Convenant, cluster, cancellationToken).ConfigureAwait(false) is not null)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var casus = new Casus
            {
                Id = Guid.CreateVersion7(now),
                ConvenantId = access.Convenant,
                SubjectId = subject.Id,
                OwnerPartnerId = access.Caller.PartnerId,
                OwnerRole = ownerRole,
                State = CasusStates.Signal,
                Phase = PolicyNames.Phase.ToName(CasePhase.Signal),
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
            db.Cases.Add(casus);
            db.CasusEvents.Add(new CasusEvent
            {
                Id = Guid.CreateVersion7(now),
                CasusId = casus.Id,
                At = now,
                PartnerId = access.Caller.PartnerId,
                Role = ownerRole,
                Actor = CasusAudit.Actor(access.Caller),
                ToState = casus.State,
                ToPhase = casus.Phase,
                Clauses = partyClause,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return casus;
        }
    }

    /// <summary>
    /// The view with the caller's own reference to the subject: derived and stored for a caller that may see the casus but never
    /// submitted about the subject (a casusregisseur, a partner in the case meeting), so that it can name the subject from now on.
    /// Called only once the caller is known to see the casus; a subject without a pseudonym anchor keeps a null reference.
    /// </summary>
    private async Task<CasusView> WithOwnReferenceAsync(ConvenantAccess access, CasusView view, ResolvedSubject subject, CancellationToken cancellationToken)
    {
        if (view.SubjectRef is not null || !Pseudonym.TryParse(subject.Anchor, out _))
        {
            return view;
        }

        var reference = await directory.GetOrCreateReferenceAsync(access.Convenant, access.Caller.PartnerId, subject, cancellationToken).ConfigureAwait(false);
        return view with { SubjectRef = reference };
    }

    /// <summary>The caller's view of a casus; <paramref name="evaluate"/> false skips reading the signals (nothing visible is reported).</summary>
    private async Task<(CasusView View, CasusVisibilityResult Visibility)> ViewAsync(
        ConvenantAccess access, ConvenantContext context, Casus casus, ResolvedSubject subject, bool withSignals, bool evaluate, CancellationToken cancellationToken)
    {
        var visibility = Nothing;
        if (evaluate || withSignals)
        {
            var cluster = await directory.GetClusterAsync(subject.Id, cancellationToken).ConfigureAwait(false);
            var signals = await CasusReader.SignalsAsync(db, access.Convenant, cluster, cancellationToken).ConfigureAwait(false);
            var members = await CasusReader.MembersAsync(db, signals, cancellationToken).ConfigureAwait(false);
            var parties = await CasusReader.PartiesAsync(db, signals.Select(s => s.PartnerId), cancellationToken).ConfigureAwait(false);
            var references = await CasusReader.ReferencesAsync(db, access.Convenant, access.Caller.PartnerId, members.Select(m => m.SubjectId), cancellationToken).ConfigureAwait(false);
            visibility = CasusVisibility.Evaluate(convenants.Catalog, access.Convenant, access.Caller.PartyType, access.Roles, casus.Phase, casus.Level,
                signals, members, parties, references, time.GetUtcNow());
        }

        var reference = await directory.FindReferenceAsync(access.Convenant, access.Caller.PartnerId, subject.Id, cancellationToken).ConfigureAwait(false);
        var view = new CasusView(casus.Id, casus.ConvenantId, PolicyNames.SubjectType.ToName((Policies.Convenants.SubjectType)subject.SubjectType), reference,
            casus.State, casus.Phase, casus.Level, new CasusOwnerView(casus.OwnerPartnerId, casus.OwnerRole), casus.Version,
            casus.CreatedAt, casus.UpdatedAt, casus.ClosedAt, withSignals ? visibility.Signals : null);
        return (view, visibility);
    }

    private AuditRecord ViewRecord(ConvenantAccess access, ConvenantContext context, DateTimeOffset start, string anchor, Guid casusId,
        CasusVisibilityResult visibility, (string? Purpose, string? Clause) purposes) =>
        CasusAudit.Build(access.Caller, Entry(context, AuditOperations.View, AuditStatus.Ok, start, anchor, FirstRole(access), casusId, purposes)
            with
            {
                Categories = visibility.Categories,
                Reasons = visibility.SeesAnything ? [.. visibility.Clauses, "decision:Permit"] : ["casus-only"],
            });

    private async Task<CasusOutcome<T>> RefuseAsync<T>(
        ConvenantAccess access, string operation, DateTimeOffset start, int status, string code, string? anchor, Guid? casusId, CancellationToken cancellationToken)
    {
        var context = Context(access.Convenant);
        var entry = new CasusAudit.Entry
        {
            Operation = operation,
            Status = status == 400 ? AuditStatus.Error : AuditStatus.Denied,
            Start = start,
            End = time.GetUtcNow(),
            Convenant = access.Convenant,
            VersionHash = context?.VersionHash,
            Anchor = anchor,
            Role = FirstRole(access),
            Reasons = ["error:" + code],
            CasusId = casusId,
        };
        await audit.AppendAsync(CasusAudit.Build(access.Caller, entry), cancellationToken).ConfigureAwait(false);
        return CasusOutcome<T>.Refused(status, code);
    }

    private CasusAudit.Entry Entry(ConvenantContext context, string operation, string status, DateTimeOffset start, string? anchor, string? role, Guid? casusId,
        (string? Purpose, string? Clause) purposes) => new()
        {
            Operation = operation,
            Status = status,
            Start = start,
            End = time.GetUtcNow(),
            Convenant = context.Convenant.Id,
            VersionHash = context.VersionHash,
            Anchor = anchor,
            Purpose = purposes.Purpose,
            LegalGround = purposes.Clause,
            Role = role,
            CasusId = casusId,
        };

    /// <summary>The one root purpose (allowed node of the purpose tree) the cluster's signals were submitted under, with its clause id; nulls when none or several.</summary>
    private async Task<(string? Purpose, string? Clause)> PurposeOfAsync(ConvenantContext context, ResolvedSubject subject, CancellationToken cancellationToken)
    {
        var cluster = await directory.GetClusterAsync(subject.Id, cancellationToken).ConfigureAwait(false);
        var purposes = await CasusReader.PurposesAsync(db, context.Convenant.Id, cluster, cancellationToken).ConfigureAwait(false);
        var document = context.Convenant.Document;
        var roots = purposes.Select(p => RootOf(document, p)).OfType<Purpose>().DistinctBy(p => p.Id).ToList();
        return roots.Count == 1 ? (roots[0].Id, roots[0].ClauseId) : (null, null);
    }

    private static Purpose? RootOf(ConvenantDocument document, string purposeId)
    {
        var purpose = document.Purposes.FirstOrDefault(p => p.Id == purposeId);
        for (var depth = 0; purpose?.Parent is { } parent && depth < document.Purposes.Count; depth++)
        {
            purpose = document.Purposes.FirstOrDefault(p => p.Id == parent);
        }

        return purpose;
    }

    /// <summary>The clause that lets the caller move the casus: its party's clause for the owner, else the casusregisseur role's clause.</summary>
    private static string AuthorityClause(ConvenantAccess access, CompiledConvenant convenant, bool owner)
    {
        var party = convenant.FindParty(access.Caller.PartyType);
        if (owner && !party.IsNone)
        {
            return convenant.GetParty(party).ClauseId;
        }

        var role = convenant.FindRole(owner ? access.Roles[0] : RegisseurRole);
        return role.IsNone ? convenant.Document.ClauseId : convenant.GetRole(role).ClauseId;
    }

    private static string? FirstRole(ConvenantAccess access) => access.Roles.Count > 0 ? access.Roles[0] : null;

    private static bool IsOwner(ConvenantAccess access, Casus casus) => string.Equals(access.Caller.PartnerId, casus.OwnerPartnerId, StringComparison.Ordinal);

    /// <summary>True when the caller holds the casusregisseur role and the convenant lets its party hold it.</summary>
    private static bool IsRegisseur(ConvenantAccess access, CompiledConvenant convenant)
    {
        var role = convenant.FindRole(RegisseurRole);
        return !role.IsNone && access.Roles.Contains(RegisseurRole, StringComparer.Ordinal)
            && convenant.GetRole(role).Parties.Contains(access.Caller.PartyType ?? string.Empty, StringComparer.Ordinal);
    }

    private ConvenantContext? Context(string convenant)
    {
        var compiled = convenants.Catalog.Get(convenant);
        var hash = convenants.VersionHash(convenant);
        return compiled is null || hash is null ? null : new ConvenantContext(compiled, hash, CasusLadder.Of(compiled.Document));
    }

    private static long LockKey(string convenant)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("sharinghub:casus:" + convenant), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    private sealed record ConvenantContext(CompiledConvenant Convenant, string VersionHash, CasusLadder Ladder);
}

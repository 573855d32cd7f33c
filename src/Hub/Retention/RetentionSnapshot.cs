using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Retention;

/// <summary>
/// What retention needs to know about one convenant (or one subject cluster of it), read without change tracking and
/// without any payload: per signal only whether its sealed identity, content, summary and reporter are still there.
/// </summary>
internal sealed class RetentionSnapshot
{
    public required Dictionary<Guid, SubjectRow> Subjects { get; init; }

    public required List<SignalRow> Signals { get; init; }

    public required List<MemberRow> Members { get; init; }

    public required HashSet<Guid> Encoded { get; init; }

    public required List<DocumentRow> Documents { get; init; }

    public required List<CasusRow> Casus { get; init; }

    public required List<GrantRow> Grants { get; init; }

    public required List<RequestRow> Requests { get; init; }

    /// <summary>Vault ids (subjects and reporters) that still have a data key.</summary>
    public required HashSet<string> VaultKeys { get; init; }

    /// <summary>Subjects that still have match keys (<c>subject_keys</c>) or partner references (<c>subject_refs</c>).</summary>
    public required HashSet<Guid> Addressable { get; init; }

    public Guid RootOf(Guid subjectId) =>
        Subjects.TryGetValue(subjectId, out var subject) ? subject.MergedIntoId ?? subject.Id : subjectId;

    /// <summary>Loads the convenant's rows; with <paramref name="clusterRoots"/> only the subjects of those clusters.</summary>
    public static async Task<RetentionSnapshot> LoadAsync(HubDbContext db, string convenant, IReadOnlyCollection<Guid>? clusterRoots, CancellationToken cancellationToken)
    {
        var subjectQuery = db.Subjects.AsNoTracking().Where(s => s.ConvenantId == convenant);
        if (clusterRoots is not null)
        {
            var roots = clusterRoots.ToList();
            subjectQuery = subjectQuery.Where(s => EF.Parameter(roots).Contains(s.Id) || (s.MergedIntoId != null && EF.Parameter(roots).Contains(s.MergedIntoId.Value)));
        }

        var subjects = await subjectQuery.Select(s => new SubjectRow(s.Id, s.MergedIntoId, s.Anchor))
            .ToDictionaryAsync(s => s.Id, cancellationToken).ConfigureAwait(false);
        var ids = subjects.Keys.ToList();

        // Erased payloads are stored as an empty array: compare with it in SQL rather than loading any ciphertext.
        var erased = Array.Empty<byte>();
        var signals = await db.Signals.AsNoTracking()
            .Where(s => s.ConvenantId == convenant && EF.Parameter(ids).Contains(s.SubjectId))
            .Select(s => new SignalRow(s.Id, s.SubjectId, s.Categories, s.Phase, s.SubmittedAt,
                s.Identity != erased || s.Content != null || s.Summary != null, s.Reporter != null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var signalIds = signals.Select(s => s.Id).ToList();

        var members = await db.SignalMembers.AsNoTracking()
            .Where(m => EF.Parameter(signalIds).Contains(m.SignalId) || EF.Parameter(ids).Contains(m.SubjectId))
            .Select(m => new MemberRow(m.SignalId, m.SubjectId, m.Identity != erased))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var encoded = (await db.SubjectEncodings.AsNoTracking().Where(e => EF.Parameter(signalIds).Contains(e.SignalId))
            .Select(e => e.SignalId).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var documents = await db.SignalDocuments.AsNoTracking().Where(d => EF.Parameter(signalIds).Contains(d.SignalId))
            .Select(d => new DocumentRow(d.Id, d.SignalId, d.OriginalName, d.ScrubbedName))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var casus = await db.Cases.AsNoTracking().Where(c => c.ConvenantId == convenant && EF.Parameter(ids).Contains(c.SubjectId))
            .Select(c => new CasusRow(c.Id, c.SubjectId, c.State, c.Phase, c.CreatedAt, c.UpdatedAt, c.ClosedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Grants, requests, keys and references are looked up by subject id alone and their convenant checked on the loaded
        // rows (see SubjectReferences): a ConvenantId predicate in SQL makes SQLite read every row of the convenant.
        var grants = (await db.Grants.AsNoTracking().Where(g => EF.Parameter(ids).Contains(g.SubjectId))
            .Select(g => new { Row = new GrantRow(g.Id, g.SubjectId, g.ExpiresAt, g.RevokedAt), g.ConvenantId })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Where(g => g.ConvenantId == convenant).Select(g => g.Row).ToList();
        var requests = (await db.AccessRequests.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.SubjectId))
            .Select(r => new { Row = new RequestRow(r.Id, r.SubjectId, r.Status, r.DecidedAt), r.ConvenantId })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.ConvenantId == convenant).Select(r => r.Row).ToList();

        var vaultIds = ids.Select(Subject.VaultIdOf).Concat(signalIds.Select(Signal.ReporterVaultIdOf)).ToList();
        var vaultKeys = (await db.Set<VaultDataKeyRow>().AsNoTracking().Where(k => EF.Parameter(vaultIds).Contains(k.SubjectId))
            .Select(k => k.SubjectId).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var keyed = (await db.SubjectKeys.AsNoTracking().Where(k => EF.Parameter(ids).Contains(k.SubjectId))
            .Select(k => new { k.SubjectId, k.ConvenantId }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(k => k.ConvenantId == convenant).Select(k => k.SubjectId).Distinct().ToList();
        var referenced = (await db.SubjectRefs.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.ConvenantId }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.ConvenantId == convenant).Select(r => r.SubjectId).Distinct().ToList();

        return new RetentionSnapshot
        {
            Subjects = subjects,
            Signals = signals,
            Members = members,
            Encoded = encoded,
            Documents = documents,
            Casus = casus,
            Grants = grants,
            Requests = requests,
            VaultKeys = vaultKeys,
            Addressable = [.. keyed, .. referenced],
        };
    }
}

internal sealed record SubjectRow(Guid Id, Guid? MergedIntoId, string Anchor);

/// <summary>A signal without payload: <see cref="HasPayload"/> is false once its identity, content and summary were erased.</summary>
internal sealed record SignalRow(Guid Id, Guid SubjectId, string Categories, string Phase, DateTimeOffset SubmittedAt, bool HasPayload, bool HasReporter);

internal sealed record MemberRow(Guid SignalId, Guid SubjectId, bool HasIdentity);

internal sealed record DocumentRow(Guid Id, Guid SignalId, string OriginalName, string? ScrubbedName);

internal sealed record CasusRow(Guid Id, Guid SubjectId, string State, string Phase, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => !string.Equals(State, CasusStates.Closed, StringComparison.Ordinal);
}

internal sealed record GrantRow(Guid Id, Guid SubjectId, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

internal sealed record RequestRow(Guid Id, Guid SubjectId, string Status, DateTimeOffset? DecidedAt)
{
    public bool IsPending => string.Equals(Status, AccessRequestStatus.PendingReview, StringComparison.Ordinal);
}

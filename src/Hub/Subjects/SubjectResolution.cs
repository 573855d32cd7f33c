using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Subjects;

/// <summary>
/// Exact subject resolution at ingress for one batch: the existing subjects that share a match-key pseudonym with any
/// item are loaded in three queries (keys, their BSN keys, their anchors; each list is ONE JSON parameter via
/// <c>EF.Parameter</c>, not thousands of SQL parameters that would be compiled anew per batch); then each item takes the first subject found
/// on its strongest match key (bsn, name+dob, surname+initial+dob, postcode+house+dob; address, kvk, kenteken; group), except a
/// subject with another BSN, else a new subject. Items of one batch that share a key land on one subject. Identifier
/// pseudonyms (iban, phone, e-mail) are stored as keys but never match here: fuzzy and weak linkage runs later.
/// </summary>
internal sealed class SubjectResolution
{
    private readonly string _convenant;
    private readonly Dictionary<string, List<Guid>> _byPseudonym;
    private readonly HashSet<(Guid, string)> _pairs;
    private readonly Dictionary<Guid, HashSet<string>> _bsns;
    private readonly Dictionary<Guid, string> _anchors;
    private readonly Dictionary<Guid, Subject> _new = [];

    private SubjectResolution(string convenant, Dictionary<string, List<Guid>> byPseudonym, HashSet<(Guid, string)> pairs, Dictionary<Guid, HashSet<string>> bsns, Dictionary<Guid, string> anchors)
    {
        _convenant = convenant;
        _byPseudonym = byPseudonym;
        _pairs = pairs;
        _bsns = bsns;
        _anchors = anchors;
    }

    public List<Subject> NewSubjects { get; } = [];

    public List<SubjectKey> NewKeys { get; } = [];

    public static async Task<SubjectResolution> LoadAsync(HubDbContext db, string convenant, IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken)
    {
        var list = pseudonyms.ToList();
        var query = db.SubjectKeys.AsNoTracking().Where(k => k.ConvenantId == convenant && EF.Parameter(list).Contains(k.Pseudonym));
        if (db is SqliteHubDbContext)
        {
            // The SQLite index holds only the pseudonyms' tails (PseudonymTail); the whole pseudonym is still compared.
            var tails = list.Select(PseudonymTail.Of).Distinct(StringComparer.Ordinal).ToList();
            query = query.Where(k => EF.Parameter(tails).Contains(PseudonymTail.Sql(k.Pseudonym)));
        }

        var keys = await query.Select(k => new { k.Pseudonym, k.SubjectId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byPseudonym = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var pairs = new HashSet<(Guid, string)>();
        foreach (var key in keys)
        {
            if (!byPseudonym.TryGetValue(key.Pseudonym, out var ids))
            {
                byPseudonym[key.Pseudonym] = ids = [];
            }

            ids.Add(key.SubjectId);
            pairs.Add((key.SubjectId, key.Pseudonym));
        }

        var candidates = keys.Select(k => k.SubjectId).Distinct().ToList();
        var bsns = new Dictionary<Guid, HashSet<string>>();
        var anchors = new Dictionary<Guid, string>();
        if (candidates.Count > 0)
        {
            var bsnKind = (int)PseudonymKind.Bsn;
            var bsnKeys = await db.SubjectKeys.AsNoTracking().Where(k => EF.Parameter(candidates).Contains(k.SubjectId) && k.Kind == bsnKind)
                .Select(k => new { k.SubjectId, k.Pseudonym }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var key in bsnKeys)
            {
                BsnsOf(bsns, key.SubjectId).Add(key.Pseudonym);
            }

            var subjects = await db.Subjects.AsNoTracking().Where(s => EF.Parameter(candidates).Contains(s.Id))
                .OrderBy(s => s.CreatedAt).Select(s => new { s.Id, s.Anchor }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var order = new Dictionary<Guid, int>();
            foreach (var subject in subjects)
            {
                anchors[subject.Id] = subject.Anchor;
                order[subject.Id] = order.Count;
            }

            foreach (var ids in byPseudonym.Values)
            {
                ids.Sort((a, b) => order.GetValueOrDefault(a).CompareTo(order.GetValueOrDefault(b)));
            }
        }

        return new SubjectResolution(convenant, byPseudonym, pairs, bsns, anchors);
    }

    public bool IsNew(Guid id) => _new.ContainsKey(id);

    public string AnchorOf(Guid id) => _anchors[id];

    /// <summary>
    /// The subject of one item (pseudonyms strongest first, with their text forms); records new subjects and keys.
    /// <paramref name="matchedOn"/> is the match key an existing subject (or one made earlier in this batch) was found on,
    /// null when a new subject was made.
    /// </summary>
    public Guid Resolve(IReadOnlyList<Pseudonym> pseudonyms, string[] texts, DateTimeOffset now, out PseudonymKind? matchedOn)
    {
        matchedOn = null;
        string? bsn = null;
        for (var i = 0; i < pseudonyms.Count; i++)
        {
            if (pseudonyms[i].Kind == PseudonymKind.Bsn)
            {
                bsn = texts[i];
            }
        }

        Guid? chosen = null;
        for (var i = 0; i < pseudonyms.Count && chosen is null; i++)
        {
            if (!MatchKeys.Get(pseudonyms[i].Kind).IsMatchKey || !_byPseudonym.TryGetValue(texts[i], out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (bsn is null || !_bsns.TryGetValue(candidate, out var known) || known.Count == 0 || known.Contains(bsn))
                {
                    chosen = candidate;
                    matchedOn = pseudonyms[i].Kind;
                    break;
                }
            }
        }

        var id = chosen ?? CreateSubject(pseudonyms, texts, now);
        for (var i = 0; i < pseudonyms.Count; i++)
        {
            if (!_pairs.Add((id, texts[i])))
            {
                continue;
            }

            NewKeys.Add(new SubjectKey { ConvenantId = _convenant, Pseudonym = texts[i], SubjectId = id, Kind = (int)pseudonyms[i].Kind });
            if (!_byPseudonym.TryGetValue(texts[i], out var ids))
            {
                _byPseudonym[texts[i]] = ids = [];
            }

            ids.Add(id);
            if (pseudonyms[i].Kind == PseudonymKind.Bsn)
            {
                BsnsOf(_bsns, id).Add(texts[i]);
            }
        }

        return id;
    }

    private Guid CreateSubject(IReadOnlyList<Pseudonym> pseudonyms, string[] texts, DateTimeOffset now)
    {
        var anchor = 0;
        while (!MatchKeys.Get(pseudonyms[anchor].Kind).IsMatchKey)
        {
            anchor++;
        }

        var subject = new Subject
        {
            Id = Guid.CreateVersion7(now),
            ConvenantId = _convenant,
            SubjectType = (int)MatchKeys.Get(pseudonyms[anchor].Kind).SubjectType,
            Anchor = texts[anchor],
            CreatedAt = now,
        };
        _new[subject.Id] = subject;
        _anchors[subject.Id] = subject.Anchor;
        NewSubjects.Add(subject);
        return subject.Id;
    }

    private static HashSet<string> BsnsOf(Dictionary<Guid, HashSet<string>> bsns, Guid id)
    {
        if (!bsns.TryGetValue(id, out var set))
        {
            bsns[id] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }
}

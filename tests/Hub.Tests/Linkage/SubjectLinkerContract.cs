using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Tests.Linkage;

/// <summary>The background fuzzy linker on stored encodings next to signals submitted through the real API, on one provider.</summary>
public abstract class SubjectLinkerContract(ILinkageHub hub)
{
    protected ILinkageHub Hub { get; } = hub;

    [Fact]
    public async Task RunOnce_TypoedNamesAcrossPartners_OneClusterWithLinksAuditAndNoChains()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        var om = await LinkageApi.TokenAsync(http, LinkagePartners.Om);
        TestPerson[] people =
        [
            new("Willemijn", "Dekker", "1990-03-12", "908301662"),
            new("Willemijn", "Decker", "1990-03-12"),
            new("Willemijn", "Dekkers", "1990-03-12"),
        ];
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, people[0]);
        var (s2, politieRef) = await LinkageApi.SubmitAsync(http, politie, people[1]);
        var (s3, _) = await LinkageApi.SubmitAsync(http, om, people[2]);
        var subjects = new[] { await LinkageApi.SubjectOfAsync(Hub.Factory, s1), await LinkageApi.SubjectOfAsync(Hub.Factory, s2), await LinkageApi.SubjectOfAsync(Hub.Factory, s3) };
        Assert.Equal(3, subjects.Distinct().Count());
        for (var i = 0; i < 3; i++)
        {
            await LinkageApi.AddEncodingAsync(Hub.Factory, new[] { s1, s2, s3 }[i], people[i]);
        }

        var auditFrom = LinkageApi.Audit(Hub.Factory).Size;

        var result = await LinkageApi.Linker(Hub.Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal(2, result.Merges);
        Assert.Equal(0, result.Conflicts);
        var all = await LinkageApi.SubjectsAsync(Hub.Factory);
        Assert.Null(all[subjects[0]]);
        Assert.Equal(subjects[0], all[subjects[1]]);
        Assert.Equal(subjects[0], all[subjects[2]]);
        Assert.All(all.Values.OfType<Guid>(), root => Assert.Null(all[root]));
        var resolved = await LinkageApi.WithDirectoryAsync(Hub.Factory, directory =>
            directory.ResolveReferenceAsync(LinkageApi.Convenant, LinkagePartners.PolitiePartner, politieRef, CancellationToken.None));
        Assert.Equal(subjects[0], resolved!.Id);
        var links = await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectLinks.AsNoTracking().Where(l => subjects.Contains(l.LinkedSubjectId)).ToListAsync());
        Assert.Equal(2, links.Count);
        Assert.All(links, l =>
        {
            Assert.Equal(SubjectLinker.MethodFuzzy, l.Method);
            Assert.Equal(subjects[0], l.SubjectId);
            Assert.InRange(l.Score, LinkageOptions.DefaultThreshold, 1.0);
            Assert.Matches(@"^fuzzy:0\.\d\d$", l.Reason);
        });
        var pending = await LinkageApi.WithDbAsync(Hub.Factory, db =>
            db.SubjectEncodings.CountAsync(e => (e.SignalId == s1 || e.SignalId == s2 || e.SignalId == s3) && e.LinkedAt == null));
        Assert.Equal(0, pending);
        var matches = (await LinkageApi.RecordsSinceAsync(Hub.Factory, auditFrom)).Where(r => r.Operation == AuditOperations.Match).ToList();
        Assert.Equal(4, matches.Count);
        var anchors = new List<string>();
        foreach (var subject in subjects)
        {
            anchors.Add(await LinkageApi.AnchorOfAsync(Hub.Factory, subject));
        }

        Assert.Equal(anchors.Order(), matches.Select(m => m.Subject.Id).Distinct().Order());
        Assert.All(matches, m =>
        {
            Assert.Equal(LinkageApi.Convenant, m.ConvenantId);
            Assert.StartsWith("link:", m.ResourceId, StringComparison.Ordinal);
            Assert.Contains(links, l => "link:" + l.Id.ToString("D") == m.ResourceId && m.DecisionReasons.SequenceEqual([l.Reason]));
        });
    }

    [Fact]
    public async Task RunOnce_SecondRun_ChangesNothing()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson a = new("Gerrit", "Veenstra", "1968-09-30"), b = new("Gerrit", "Veenstre", "1968-09-30");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, b);
        var linker = LinkageApi.Linker(Hub.Factory);
        var first = await linker.RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);
        var subjects = await LinkageApi.SubjectsAsync(Hub.Factory);
        var links = await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectLinks.CountAsync());
        var auditSize = LinkageApi.Audit(Hub.Factory).Size;

        var second = await linker.RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal(1, first.Merges);
        Assert.Equal(LinkageRunResult.Empty, second);
        Assert.Equal(subjects, await LinkageApi.SubjectsAsync(Hub.Factory));
        Assert.Equal(links, await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectLinks.CountAsync()));
        Assert.Equal(auditSize, LinkageApi.Audit(Hub.Factory).Size);
    }

    [Fact]
    public async Task RunOnce_SameNameAndDobDifferentBsn_NeverMerged()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson a = new("Theodoor", "Brouwer", "1985-07-21", "131860914"), b = new("Theodoor", "Brouwer", "1985-07-21", "390996038");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, b);

        var result = await LinkageApi.Linker(Hub.Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal(0, result.Merges);
        Assert.True(result.Refused >= 1, "the identical encodings were not even considered");
        var all = await LinkageApi.SubjectsAsync(Hub.Factory);
        Assert.Null(all[await LinkageApi.SubjectOfAsync(Hub.Factory, s1)]);
        Assert.Null(all[await LinkageApi.SubjectOfAsync(Hub.Factory, s2)]);
    }

    [Fact]
    public async Task RunOnce_BridgeBetweenTwoBsns_JoinsOnlyOneOfThem()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        var om = await LinkageApi.TokenAsync(http, LinkagePartners.Om);
        TestPerson a = new("Fenna", "Hoekstra", "1979-11-02", "948219932"), b = new("Fenna", "Hoekstra", "1979-11-02", "518190936"),
            bridge = new("Fenna", "Hoekstraa", "1979-11-02");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        var (s3, _) = await LinkageApi.SubmitAsync(http, om, bridge);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, b);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s3, bridge);

        var result = await LinkageApi.Linker(Hub.Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal(1, result.Merges);
        var all = await LinkageApi.SubjectsAsync(Hub.Factory);
        var root1 = all[await LinkageApi.SubjectOfAsync(Hub.Factory, s1)] ?? await LinkageApi.SubjectOfAsync(Hub.Factory, s1);
        var root2 = all[await LinkageApi.SubjectOfAsync(Hub.Factory, s2)] ?? await LinkageApi.SubjectOfAsync(Hub.Factory, s2);
        Assert.NotEqual(root1, root2);
        var bridgeSubject = await LinkageApi.SubjectOfAsync(Hub.Factory, s3);
        Assert.Contains(all[bridgeSubject] ?? bridgeSubject, (Guid[])[root1, root2]);
    }

    [Fact]
    public async Task RunOnce_AbsorbedRootWithMembers_MembersRepointedToSurvivor()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        var om = await LinkageApi.TokenAsync(http, LinkagePartners.Om);
        var fiod = await LinkageApi.TokenAsync(http, LinkagePartners.Fiod);
        TestPerson[] people =
        [
            new("Roelof", "Wiersma", "1972-04-08"), new("Roelof", "Wiersema", "1972-04-08"), new("Roelof", "Wirsma", "1972-04-08"),
            new("Roelof", "Wiersmaa", "1972-04-08"),
        ];
        var tokens = new[] { gemeente, politie, om, fiod };
        var signals = new Guid[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            signals[i] = (await LinkageApi.SubmitAsync(http, tokens[i], people[i])).SignalId;
        }

        var subjects = new Guid[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            subjects[i] = await LinkageApi.SubjectOfAsync(Hub.Factory, signals[i]);
        }

        Assert.Equal(people.Length, subjects.Distinct().Count());
        // As left by earlier runs: clusters {0, 1} and {2, 3} (roots 0 and 2), their encodings already compared. A new signal from
        // gemeente lands on subject 2 by its exact keys; its pending encoding finds cluster {0, 1}.
        await LinkageApi.WithDbAsync(Hub.Factory, async db =>
        {
            await db.Subjects.Where(s => s.Id == subjects[1]).ExecuteUpdateAsync(s => s.SetProperty(x => x.MergedIntoId, subjects[0]));
            return await db.Subjects.Where(s => s.Id == subjects[3]).ExecuteUpdateAsync(s => s.SetProperty(x => x.MergedIntoId, subjects[2]));
        });
        for (var i = 0; i < people.Length; i++)
        {
            await LinkageApi.AddEncodingAsync(Hub.Factory, signals[i], people[i], linkedAt: DateTimeOffset.UnixEpoch);
        }

        var (bridge, _) = await LinkageApi.SubmitAsync(http, gemeente, people[2]);
        Assert.Equal(subjects[2], await LinkageApi.SubjectOfAsync(Hub.Factory, bridge));
        await LinkageApi.AddEncodingAsync(Hub.Factory, bridge, people[2]);

        var result = await LinkageApi.Linker(Hub.Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal(1, result.Merges);
        var all = await LinkageApi.SubjectsAsync(Hub.Factory);
        Assert.Null(all[subjects[0]]);
        Assert.All(subjects.Skip(1), s => Assert.Equal(subjects[0], all[s]));
        var cluster = await LinkageApi.WithDirectoryAsync(Hub.Factory, directory => directory.GetClusterAsync(subjects[0], CancellationToken.None));
        Assert.Equal(subjects.Order(), cluster.Order());
        var link = await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectLinks.AsNoTracking().SingleAsync(l => l.LinkedSubjectId == subjects[2]));
        Assert.Equal(subjects[0], link.SubjectId);        await AssertHeldSubjectsMatchTheDatabaseAsync(LinkageApi.Linker(Hub.Factory)); // the absorbed root's member moved in memory too
    }

    [Fact]
    public async Task RunOnce_OtherKeyVersion_NotCompared()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson a = new("Sjoukje", "Postma", "1995-12-24"), b = new("Sjoukje", "Postmaa", "1995-12-24");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, b, keyVersion: 77);

        var result = await LinkageApi.Linker(Hub.Factory).RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal(0, result.Merges);
        Assert.Equal(2, result.Pending);
        var all = await LinkageApi.SubjectsAsync(Hub.Factory);
        Assert.Null(all[await LinkageApi.SubjectOfAsync(Hub.Factory, s2)]);
    }

    [Fact]
    public async Task RunOnce_BatchOfOneSignal_SecondRunComparesTheNextWithTheFirst()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson a = new("Lolkje", "Haitsma", "1999-09-09"), b = new("Lolkje", "Haitsmaa", "1999-09-09");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, b);
        var linker = OtherLinker(new LinkageOptions { Enabled = false, BatchSize = 1 });

        var first = await linker.RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);
        var second = await linker.RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);
        var third = await linker.RunConvenantAsync(LinkageApi.Convenant, CancellationToken.None);

        Assert.Equal((1, 0), (first.Pending, first.Merges));
        Assert.Equal((1, 1), (second.Pending, second.Merges));
        Assert.Equal(LinkageRunResult.Empty, third);
    }

    [Fact]
    public async Task RunOnce_TwoOverlappingRuns_OneMergeAndOneLink()
    {
        using var http = Hub.Factory.CreateApiClient();
        var gemeente = await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente);
        var politie = await LinkageApi.TokenAsync(http, LinkagePartners.Politie);
        TestPerson a = new("Hidde", "Zijlstra", "2001-06-15"), b = new("Hidde", "Zylstra", "2001-06-15");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        var (s2, _) = await LinkageApi.SubmitAsync(http, politie, b);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, b);
        var linker = LinkageApi.Linker(Hub.Factory);
        var before = await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectLinks.CountAsync());

        var results = await Task.WhenAll(linker.RunOnceAsync(CancellationToken.None), linker.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, results.Sum(r => r.Merges));
        Assert.Equal(before + 1, await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectLinks.CountAsync()));
    }

    [Fact]
    public async Task RunOnce_NothingChangedSinceTheLastRun_KnownEncodingsNotReadAgain()
    {
        using var http = Hub.Factory.CreateApiClient();
        var (gemeente, politie, _) = await TokensAsync(http);
        TestPerson a = new("Marijke", "Oudshoorn", "1958-01-30"), b = new("Marijke", "Oudshoren", "1958-01-30");
        var linker = LinkageApi.Linker(Hub.Factory);
        var s1 = await SubmitEncodedAsync(http, gemeente, a);
        await linker.RunConvenantAsync(LinkageApi.Convenant, default);
        var reads = linker.IndexReads;
        var s2 = await SubmitEncodedAsync(http, politie, b);

        var result = await linker.RunConvenantAsync(LinkageApi.Convenant, default);

        Assert.Equal(reads, linker.IndexReads); // the first run's encoding was added to the index it held
        Assert.Equal(1, result.Merges);
        Assert.Equal(await LinkageApi.SubjectOfAsync(Hub.Factory, s1), await RootOfSignalAsync(s2));
    }

    [Fact]
    public async Task RunOnce_NothingChangedSinceTheLastRun_SubjectsNotReadAgainYetNewSubjectsMerge()
    {
        using var http = Hub.Factory.CreateApiClient();
        var (gemeente, politie, _) = await TokensAsync(http);
        TestPerson a = new("Berendina", "Kloosterman", "1966-07-21"), b = new("Berendina", "Klostermann", "1966-07-21");
        var linker = OtherLinker(new LinkageOptions { Enabled = false });
        var s1 = await SubmitEncodedAsync(http, gemeente, a);
        await linker.RunConvenantAsync(LinkageApi.Convenant, default);
        var reads = linker.SubjectReads;
        var s2 = await SubmitEncodedAsync(http, politie, b); // a subject the linker does not hold yet

        var result = await linker.RunConvenantAsync(LinkageApi.Convenant, default);

        Assert.Equal(1, reads);
        Assert.Equal(reads, linker.SubjectReads); // only the new subject was read, by id
        Assert.Equal(1, result.Merges);
        Assert.Equal(await LinkageApi.SubjectOfAsync(Hub.Factory, s1), await RootOfSignalAsync(s2));
        await AssertHeldSubjectsMatchTheDatabaseAsync(linker);
    }

    [Fact]
    public async Task RunOnce_MergesOverSeveralRuns_HeldSubjectsMatchTheDatabase()
    {
        using var http = Hub.Factory.CreateApiClient();
        var (gemeente, politie, om) = await TokensAsync(http);
        TestPerson[] people =
        [
            new("Wubbo", "Oosterhuis", "1981-02-14"), new("Wubbo", "Oosterhuys", "1981-02-14"), new("Wubbo", "Oosterhuiss", "1981-02-14"),
            new("Fenna", "Dijkhuizen", "1987-11-03"), new("Fenna", "Dijkhuisen", "1987-11-03"),
        ];
        var linker = OtherLinker(new LinkageOptions { Enabled = false });
        var signals = new List<Guid> { await SubmitEncodedAsync(http, gemeente, people[0]) };
        await linker.RunConvenantAsync(LinkageApi.Convenant, default);
        signals.Add(await SubmitEncodedAsync(http, politie, people[1]));
        signals.Add(await SubmitEncodedAsync(http, gemeente, people[3]));
        var second = await linker.RunConvenantAsync(LinkageApi.Convenant, default);
        signals.Add(await SubmitEncodedAsync(http, om, people[2]));
        signals.Add(await SubmitEncodedAsync(http, politie, people[4]));
        var third = await linker.RunConvenantAsync(LinkageApi.Convenant, default);

        Assert.Equal((1, 2), (second.Merges, third.Merges));
        Assert.Equal(1, linker.SubjectReads);
        var root = await LinkageApi.SubjectOfAsync(Hub.Factory, signals[0]);
        foreach (var signal in (Guid[])[signals[1], signals[3]])
        {
            Assert.Equal(root, await RootOfSignalAsync(signal));
        }

        Assert.Equal(await LinkageApi.SubjectOfAsync(Hub.Factory, signals[2]), await RootOfSignalAsync(signals[4]));
        var held = linker.HeldSubjects(LinkageApi.Convenant)!;
        Assert.Equal(3, held.Roots[root].Size);
        await AssertHeldSubjectsMatchTheDatabaseAsync(linker);
    }

    [Fact]
    public async Task RunOnce_AnotherLinkerLinkedEncodingsMeanwhile_ReadsThemAgainAndComparesWithThem()
    {
        using var http = Hub.Factory.CreateApiClient();
        var (gemeente, politie, om) = await TokensAsync(http);
        TestPerson x = new("Geertruida", "Bosman", "1962-04-04"), c = new("Rutger", "Hauwert", "1977-12-24"), d = new("Rutger", "Hauwerd", "1977-12-24");
        var linker = LinkageApi.Linker(Hub.Factory);
        await SubmitEncodedAsync(http, gemeente, x);
        await linker.RunConvenantAsync(LinkageApi.Convenant, default); // holds the known encodings now
        var sc = await SubmitEncodedAsync(http, politie, c);
        Assert.True((await OtherLinker(new LinkageOptions { Enabled = false }).RunConvenantAsync(LinkageApi.Convenant, default)).Pending >= 1);
        var sd = await SubmitEncodedAsync(http, om, d);
        var reads = linker.IndexReads;

        await linker.RunConvenantAsync(LinkageApi.Convenant, default);

        Assert.True(linker.IndexReads > reads, "the other linker's encoding was not read");
        Assert.Equal(await LinkageApi.SubjectOfAsync(Hub.Factory, sc), await RootOfSignalAsync(sd));
    }

    [Fact]
    public async Task RunOnce_ALinkedEncodingWasRemovedMeanwhile_NeverComparedWithAgain()
    {
        using var http = Hub.Factory.CreateApiClient();
        var (gemeente, politie, _) = await TokensAsync(http);
        TestPerson p = new("Hendrikus", "Wolters", "1949-10-10"), q = new("Hendrikus", "Woltres", "1949-10-10");
        var linker = LinkageApi.Linker(Hub.Factory);
        var sp = await SubmitEncodedAsync(http, gemeente, p);
        await linker.RunConvenantAsync(LinkageApi.Convenant, default); // holds p's encoding now
        Assert.Equal(1, await LinkageApi.WithDbAsync(Hub.Factory, db => db.SubjectEncodings.Where(e => e.SignalId == sp).ExecuteDeleteAsync()));
        var sq = await SubmitEncodedAsync(http, politie, q);

        await linker.RunConvenantAsync(LinkageApi.Convenant, default);

        Assert.Equal(await LinkageApi.SubjectOfAsync(Hub.Factory, sq), await RootOfSignalAsync(sq)); // q is still its own root
        Assert.Null((await LinkageApi.SubjectsAsync(Hub.Factory))[await LinkageApi.SubjectOfAsync(Hub.Factory, sp)]);
    }

    [Fact]
    public async Task RunOnce_RebuildIntervalZero_ReadsTheKnownEncodingsEveryRun()
    {
        using var http = Hub.Factory.CreateApiClient();
        var (gemeente, _, _) = await TokensAsync(http);
        TestPerson a = new("Tjitske", "Hoekstra", "1993-05-05");
        var (s1, _) = await LinkageApi.SubmitAsync(http, gemeente, a);
        await LinkageApi.AddEncodingAsync(Hub.Factory, s1, a, linkedAt: Hub.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var (s2, _) = await LinkageApi.SubmitAsync(http, gemeente, new TestPerson("Wietse", "Hoekstra", "1991-03-03"));
        await LinkageApi.AddEncodingAsync(Hub.Factory, s2, new TestPerson("Wietse", "Hoekstra", "1991-03-03"));
        var linker = OtherLinker(new LinkageOptions { Enabled = false, BatchSize = 1, IndexRebuildInterval = TimeSpan.Zero });

        await linker.RunConvenantAsync(LinkageApi.Convenant, default);
        var afterFirst = linker.IndexReads;
        var (s3, _) = await LinkageApi.SubmitAsync(http, gemeente, new TestPerson("Sietske", "Hoekstra", "1990-02-02"));
        await LinkageApi.AddEncodingAsync(Hub.Factory, s3, new TestPerson("Sietske", "Hoekstra", "1990-02-02"));
        await linker.RunConvenantAsync(LinkageApi.Convenant, default);

        Assert.True(afterFirst >= 1);
        Assert.True(linker.IndexReads > afterFirst, "the second run used the index of the first");
    }

    /// <summary>A second linker on the same database, as another hub process would run it.</summary>
    private SubjectLinker OtherLinker(LinkageOptions options)
    {
        var services = Hub.Factory.Services;
        return new SubjectLinker(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<SharingHub.Hub.Convenants.HubConvenants>(),
            LinkageApi.Audit(Hub.Factory), options, TimeProvider.System, NullLogger<SubjectLinker>.Instance);
    }

    private static async Task<(string Gemeente, string Politie, string Om)> TokensAsync(HttpClient http) =>
        (await LinkageApi.TokenAsync(http, LinkagePartners.Gemeente), await LinkageApi.TokenAsync(http, LinkagePartners.Politie),
            await LinkageApi.TokenAsync(http, LinkagePartners.Om));

    /// <summary>Submits a signal about <paramref name="person"/> and stores its encoding, pending.</summary>
    /// <summary>Every subject and root the linker holds is as a fresh read of the database has it (cluster root, type, size, creation).</summary>
    private async Task AssertHeldSubjectsMatchTheDatabaseAsync(SubjectLinker linker)
    {
        var held = linker.HeldSubjects(LinkageApi.Convenant);
        Assert.NotNull(held);
        var fresh = await LinkageApi.WithDbAsync(Hub.Factory, db => SubjectClusters.ReadAsync(db, LinkageApi.Convenant, CancellationToken.None));
        Assert.All(held.RootOf, pair => Assert.Equal(fresh.RootOf[pair.Key], pair.Value));
        Assert.All(held.Roots, pair => Assert.Equal(fresh.Roots[pair.Key], pair.Value));
        Assert.All(held.RootOf.Values.Distinct(), root => Assert.True(held.Roots.ContainsKey(root), "a held subject's root is not held"));
    }

    private async Task<Guid> SubmitEncodedAsync(HttpClient http, string token, TestPerson person)
    {
        var (signal, _) = await LinkageApi.SubmitAsync(http, token, person);
        await LinkageApi.AddEncodingAsync(Hub.Factory, signal, person);
        return signal;
    }

    private async Task<Guid> RootOfSignalAsync(Guid signalId)
    {
        var subject = await LinkageApi.SubjectOfAsync(Hub.Factory, signalId);
        return (await LinkageApi.SubjectsAsync(Hub.Factory))[subject] ?? subject;
    }
}

public sealed class SqliteSubjectLinkerTests(SqliteLinkageHub hub) : SubjectLinkerContract(hub), IClassFixture<SqliteLinkageHub>;

public sealed class PostgresSubjectLinkerTests(PostgresLinkageHub hub) : SubjectLinkerContract(hub), IClassFixture<PostgresLinkageHub>;

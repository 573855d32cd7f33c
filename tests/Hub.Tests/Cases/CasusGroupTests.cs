using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;
using P = SharingHub.Hub.Tests.Cases.CasusPartners;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>
/// PmG group casus: a group-level signal (subject type group, members in signal_members) shows its members as a count, and lists
/// them (with the caller's own references only) where the convenant lets the caller view identification. The member persons are
/// submitted through the signals API; the group signal row is written directly, as group ingress stores it (subject type group,
/// one signal_members row per member).
/// </summary>
public sealed class CasusGroupTests(SqliteCasusHub hub) : IClassFixture<SqliteCasusHub>
{
    [Fact]
    public async Task View_GroupCasus_MembersListedWithOwnRefsWhereIdentificationIsPermittedElseCounted()
    {
        using var api = new CasusApi(hub.Factory);
        var refA = await api.SubmitAsync("pmg", P.PmgSchool, Member());
        var refB = await api.SubmitAsync("pmg", P.PmgSchool, Member());
        var groupRef = await SeedGroupAsync(api, refA, refB);
        var casus = await api.BringInOkAsync("pmg", P.PmgSchool, groupRef);
        Assert.Equal("group", casus.Body.GetProperty("subjectType").GetString());

        // IJAM table 2 in analysis (PMG-F-09 names groups and identification): jeugdzorg sees the members, without references
        await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"state":"weighed","phase":"analysis","level":"netwerkoverleg-risicojeugd"}""");
        var jeugdzorg = await api.GetAsync("pmg", P.PmgJeugdzorg, casus.Id);
        Assert.Equal(HttpStatusCode.OK, jeugdzorg.Status);
        var signal = Assert.Single(jeugdzorg.Body.GetProperty("signals").EnumerateArray());
        Assert.Equal(["signaal", "groepsgegevens"], signal.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        var members = signal.GetProperty("members");
        Assert.Equal(2, members.GetProperty("count").GetInt32());
        Assert.All(members.GetProperty("listed").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("subjectRef").ValueKind));
        Assert.DoesNotContain(refA, jeugdzorg.Text, StringComparison.Ordinal);

        // the school (owner, also a receiver under PMG-F-09) sees its own references to the members
        var school = await api.GetAsync("pmg", P.PmgSchool, casus.Id);
        var listed = Assert.Single(school.Body.GetProperty("signals").EnumerateArray()).GetProperty("members").GetProperty("listed").EnumerateArray()
            .Select(m => (m.GetProperty("position").GetInt32(), m.GetProperty("subjectRef").GetString())).ToArray();
        Assert.Equal([(0, refA), (1, refB)], listed);

        // aftercare (PMG-F-16: the regisseur follows the group, no identification): members only counted; jeugdzorg sees nothing
        await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"state":"local-multi","phase":"aftercare"}""");
        var hidden = await api.GetAsync("pmg", P.PmgJeugdzorg, casus.Id);
        Assert.Equal((HttpStatusCode.NotFound, "SH3124"), (hidden.Status, hidden.Code));
        var regie = await api.GetAsync("pmg", P.PmgRegie, casus.Id);
        var counted = Assert.Single(regie.Body.GetProperty("signals").EnumerateArray()).GetProperty("members");
        Assert.Equal(2, counted.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, counted.GetProperty("listed").ValueKind);
    }

    [Fact]
    public async Task View_MemberCasus_IncludesTheGroupSignalsTheMemberIsIn()
    {
        using var api = new CasusApi(hub.Factory);
        var refA = await api.SubmitAsync("pmg", P.PmgSchool, Member());
        var refB = await api.SubmitAsync("pmg", P.PmgSchool, Member());
        await SeedGroupAsync(api, refA, refB);
        var casus = await api.BringInOkAsync("pmg", P.PmgSchool, refA);
        Assert.Equal("person", casus.Body.GetProperty("subjectType").GetString());
        await api.MoveAsync("pmg", P.PmgRegie, casus.Id, """{"state":"weighed","phase":"analysis","level":"netwerkoverleg-risicojeugd"}""");

        var jeugdzorg = await api.GetAsync("pmg", P.PmgJeugdzorg, casus.Id);

        var signals = jeugdzorg.Body.GetProperty("signals").EnumerateArray().ToArray();
        Assert.Equal(2, signals.Length);
        Assert.Equal(["signaal", "identificatie"], signals[0].GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, signals[0].GetProperty("members").ValueKind);
        Assert.Equal(2, signals[1].GetProperty("members").GetProperty("count").GetInt32());
    }

    private static string Member() =>
        CasusApi.Person(CasusApi.NextBsn(), CasusApi.NextName(), "2010-09-21", P.PmgPurpose, ["signaal", "identificatie"], summary: "Spijbelt vaak.", minor: true);

    /// <summary>Writes a group subject with the school's reference and one group signal listing the two member subjects.</summary>
    private static async Task<string> SeedGroupAsync(CasusApi api, string refA, string refB)
    {
        var now = api.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var groupRef = "s1.1.group" + Guid.NewGuid().ToString("N");
        await api.WithDbAsync(async db =>
        {
            var a = await db.SubjectRefs.Where(r => r.Reference == refA).Select(r => r.SubjectId).SingleAsync();
            var b = await db.SubjectRefs.Where(r => r.Reference == refB).Select(r => r.SubjectId).SingleAsync();
            var group = new Subject
            {
                Id = Guid.CreateVersion7(now),
                ConvenantId = "pmg",
                SubjectType = (int)Policies.Convenants.SubjectType.Group,
                Anchor = "group-" + Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            var signal = new Signal
            {
                Id = Guid.CreateVersion7(now),
                ConvenantId = "pmg",
                SubjectId = group.Id,
                PartnerId = P.PmgSchool,
                ClientId = P.PmgSchool,
                Role = "medewerker",
                Purpose = "groepsaanpak",
                Categories = "signaal,groepsgegevens",
                Phase = "signal",
                Summary = "Groep hangt 's avonds rond bij de speeltuin.",
                Identity = [0x01, 0x02],
                SubmittedAt = now.AddSeconds(1),
            };
            db.Subjects.Add(group);
            db.SubjectRefs.Add(new SubjectRef { ConvenantId = "pmg", PartnerId = P.PmgSchool, Reference = groupRef, SubjectId = group.Id });
            db.Signals.Add(signal);
            db.SignalMembers.Add(new SignalMember { SignalId = signal.Id, SubjectId = a, Position = 0, Identity = [0x03] });
            db.SignalMembers.Add(new SignalMember { SignalId = signal.Id, SubjectId = b, Position = 1, Identity = [0x04] });
            return await db.SaveChangesAsync();
        });
        return groupRef;
    }
}

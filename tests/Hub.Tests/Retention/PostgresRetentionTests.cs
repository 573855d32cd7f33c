using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Subjects;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Tests.Retention;

/// <summary>The main retention path on PostgreSQL with documents in Azurite.</summary>
public sealed class PostgresRetentionTests
{
    [Fact]
    public async Task Run_OnPostgres_DeletesThenShredsAndPreviewChangesNothing()
    {
        await using var hub = await RetentionTestHub.StartAsync(postgres: true);
        var start = hub.Time.GetUtcNow();
        var (deleted, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));
        await hub.AttachTextAsync(deleted, "Verslag van het eerste gesprek.");
        var (shredded, _) = await hub.SubmitAsync(RetentionTestHub.PersonBody("562241541", "Anna", "Smit", "1985-07-07"));
        var shreddedRow = await hub.DbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == shredded));
        await hub.DbAsync(async db =>
        {
            db.Cases.Add(new Casus
            {
                Id = Guid.NewGuid(), ConvenantId = "zvh", SubjectId = shreddedRow.SubjectId, OwnerPartnerId = "ret-gemeente", OwnerRole = "medewerker",
                State = CasusStates.Closed, Phase = "execution", CreatedAt = start, UpdatedAt = start, ClosedAt = start,
            });
            return await db.SaveChangesAsync();
        });

        hub.Time.SetUtcNow(start.AddMonths(6));
        var before = await hub.StateAsync();
        var preview = await hub.PreviewAsync();
        Assert.Equal(before, await hub.StateAsync());
        var report = await hub.RunAsync();
        Assert.Equal(preview.GetProperty("actions").ToString(), report.GetProperty("actions").ToString());
        Assert.Equal("ZVH-T-01", Assert.Single(report.GetProperty("actions").EnumerateArray()).GetProperty("clause").GetString());
        Assert.False(await hub.DbAsync(db => db.Signals.AnyAsync(s => s.Id == deleted)));
        Assert.Empty(await hub.DocumentsAsync());
        Assert.Contains(Subject.VaultIdOf(shreddedRow.SubjectId), await hub.VaultKeyIdsAsync());

        hub.Time.SetUtcNow(start.AddYears(2));
        var second = await hub.RunAsync();
        Assert.Equal("crypto-shred", Assert.Single(second.GetProperty("actions").EnumerateArray()).GetProperty("action").GetString());
        Assert.Empty((await hub.DbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == shredded))).Identity);
        var vault = hub.Factory.Services.GetRequiredService<IdentityVault>();
        var error = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync(Subject.VaultIdOf(shreddedRow.SubjectId), shreddedRow.Identity));
        Assert.Equal("SH1104", error.Code);

        var again = await hub.RunAsync();
        Assert.Empty(again.GetProperty("actions").EnumerateArray());
        Assert.Equal(0, again.GetProperty("outcome").GetProperty("clustersPurged").GetInt32());
    }
}

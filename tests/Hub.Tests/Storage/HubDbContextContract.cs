using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Idempotency;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Storage;

/// <summary>The same storage tests on every provider: each subclass supplies a hub on one provider.</summary>
public abstract class HubDbContextContract(IStorageHub hub)
{
    protected abstract string ExpectedProvider { get; }

    [Fact]
    public async Task Migrations_AtStartup_AllAppliedOnTheConfiguredProvider()
    {
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(ExpectedProvider, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partner_CreatedWithRoles_ReadBackWithRoles()
    {
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        Assert.True(await accounts.CreatePartnerAsync("school-contract", "School", "school", [new("pmg", "medewerker"), new("pmg", "analist")]));
        Assert.False(await accounts.CreatePartnerAsync("school-contract", "School again", "school", []));

        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var partner = await db.Partners.AsNoTracking().Include(p => p.Roles).SingleAsync(p => p.Id == "school-contract");
        Assert.Equal("School", partner.Name);
        Assert.Equal(["pmg:analist", "pmg:medewerker"], partner.Roles.Select(r => r.ToConvenantRole().ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Secrets_Stored_OnlyAsHashes()
    {
        const string Password = "person-password-in-plain";
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        await accounts.CreatePersonAsync("hash.check", "Hash Check", Password, "gemeente-test", [new("riec", "analist")]);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();

        var person = await db.People.AsNoTracking().SingleAsync(p => p.UserName == "hash.check");
        var clientSecret = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == "gemeente-system").Select(a => a.ClientSecret).SingleAsync();

        Assert.DoesNotContain(Password, person.PasswordHash, StringComparison.Ordinal);
        Assert.True(person.PasswordHash.Length > 40);
        Assert.False(string.IsNullOrEmpty(clientSecret));
        Assert.DoesNotContain(TestAccounts.Secret, clientSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_DuplicateUserName_RejectedByUniqueIndex()
    {
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        db.People.Add(NewPerson("dup.user"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        db.People.Add(NewPerson("dup.user"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Partner_ConcurrentUpdates_SecondWriterGetsConcurrencyException()
    {
        await using var scope1 = hub.Factory.Services.CreateAsyncScope();
        await using var scope2 = hub.Factory.Services.CreateAsyncScope();
        var first = scope1.ServiceProvider.GetRequiredService<HubDbContext>();
        var second = scope2.ServiceProvider.GetRequiredService<HubDbContext>();
        var a = await first.Partners.SingleAsync(p => p.Id == "gemeente-test");
        var b = await second.Partners.SingleAsync(p => p.Id == "gemeente-test");

        a.Name = "Gemeente Test (renamed by A)";
        a.Touch();
        await first.SaveChangesAsync();
        b.Name = "Gemeente Test (renamed by B)";
        b.Touch();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task IdempotencyRecords_FilteredAndOrderedByCreatedAt_InTimeOrder()
    {
        var client = "idem-" + Guid.NewGuid().ToString("N")[..8];
        var start = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        foreach (var minutes in new[] { 30, 10, 20 })
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                ClientId = client,
                Key = "key-" + minutes,
                RequestHash = new byte[IdempotencyRecord.RequestHashLength],
                StatusCode = 201,
                ResponseContentType = "application/json",
                ResponseBody = "{\"signalId\":\"s\"}"u8.ToArray(),
                CreatedAt = start.AddMinutes(minutes),
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var keys = await db.IdempotencyRecords.Where(r => r.ClientId == client && r.CreatedAt < start.AddMinutes(25))
            .OrderBy(r => r.CreatedAt).Select(r => r.Key).ToListAsync();
        var stored = await db.IdempotencyRecords.SingleAsync(r => r.ClientId == client && r.Key == "key-20");

        Assert.Equal(["key-10", "key-20"], keys);
        Assert.Equal(start.AddMinutes(20), stored.CreatedAt);
        Assert.Equal("{\"signalId\":\"s\"}"u8.ToArray(), stored.ResponseBody);
    }

    [Fact]
    public async Task IdempotencyStore_NewReplayConflictAndPurge_BehaveOnThisProvider()
    {
        var client = "idem-store-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(IdempotencyKey.TryParse("retry-1", out var key));
        var hash = IdempotencyStore.RequestHash("POST", "/api/v1/convenants/riec/signals", "{}"u8);
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();

        var first = await store.FindAsync(client, key.Value, hash);
        store.Record(client, key.Value, hash, 201, "application/json", "{\"signalId\":\"x\"}"u8.ToArray());
        await db.SaveChangesAsync();
        var replay = await store.FindAsync(client, key.Value, hash);
        var conflict = await store.FindAsync(client, key.Value, IdempotencyStore.RequestHash("POST", "/api/v1/convenants/riec/signals", "{ }"u8));
        var purged = await store.PurgeCreatedBeforeAsync(TimeProvider.System.GetUtcNow().AddMinutes(1));
        var afterPurge = await store.FindAsync(client, key.Value, hash);

        Assert.Equal(IdempotencyOutcome.New, first.Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, replay.Outcome);
        Assert.Equal(201, replay.Record!.StatusCode);
        Assert.Equal(IdempotencyOutcome.Conflict, conflict.Outcome);
        Assert.True(purged >= 1);
        Assert.Equal(IdempotencyOutcome.New, afterPurge.Outcome);
    }

    [Fact]
    public async Task TokenEndpoint_OnThisProvider_IssuesTokenThatOpensMe()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");
        using var response = await Tokens.GetWithTokenAsync(http, "/api/v1/me", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gemeente-test", (await Tokens.ReadJsonAsync(response)).GetProperty("partner").GetString());
    }

    private static Person NewPerson(string userName) => new()
    {
        Id = Guid.NewGuid(),
        UserName = userName,
        DisplayName = "Test",
        PasswordHash = "AQAAAA-not-a-real-hash",
        PartnerId = "gemeente-test",
    };
}

public sealed class SqliteHubDbContextTests(SqliteStorageHub hub) : HubDbContextContract(hub), IClassFixture<SqliteStorageHub>
{
    protected override string ExpectedProvider => "Microsoft.EntityFrameworkCore.Sqlite";
}

public sealed class PostgresHubDbContextTests(PostgresStorageHub hub) : HubDbContextContract(hub), IClassFixture<PostgresStorageHub>
{
    protected override string ExpectedProvider => "Npgsql.EntityFrameworkCore.PostgreSQL";
}

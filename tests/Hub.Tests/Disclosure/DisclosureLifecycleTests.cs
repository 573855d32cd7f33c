using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Tests.Infrastructure;
using P = SharingHub.Hub.Tests.Disclosure.DisclosurePartners;

namespace SharingHub.Hub.Tests.Disclosure;

/// <summary>Grant expiry on the hub's clock (TestClock) and "no audit, no disclosure", each on a hub of its own.</summary>
public sealed class DisclosureLifecycleTests
{
    [Fact]
    public async Task Disclose_GrantPastExpiry_403ExpiredNothingDisclosedAttemptAudited()
    {
        var time = new TestClock(TimeProvider.System.GetUtcNow());
        using var factory = new HubFactory(services: s => s.AddSingleton<TimeProvider>(time));
        await P.SeedAsync(factory.Services);
        var (person, requestId) = await GrantAsync(factory, TimeSpan.FromHours(2));
        using var http = factory.CreateApiClient();

        using (var valid = await DisclosureApi.DiscloseAsync(http, await DisclosureApi.TokenAsync(http, P.Politie, "requests"), requestId.ToString()))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
            Assert.Contains(person.Surname, await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        time.Advance(TimeSpan.FromHours(2));
        var before = DisclosureApi.AuditSize(factory);
        using var expired = await DisclosureApi.DiscloseAsync(http, await DisclosureApi.TokenAsync(http, P.Politie, "requests"), requestId.ToString());

        var text = await expired.Content.ReadAsStringAsync();
        await DisclosureApi.AssertProblemAsync(expired, HttpStatusCode.Forbidden, DisclosureErrorCodes.GrantExpired);
        DisclosureContract.AssertNothingDisclosed(text, person);
        var record = Assert.Single(await DisclosureApi.AuditSinceAsync(factory, before));
        Assert.Equal(AuditStatus.Denied, record.Status);
        Assert.Contains(DisclosureErrorCodes.GrantExpired, record.DecisionReasons);
        Assert.Equal(time.GetUtcNow(), record.EndTime);
    }

    [Fact]
    public async Task Disclose_AuditAppendFails_500CodedAndNothingReturned()
    {
        using var factory = new HubFactory();
        await P.SeedAsync(factory.Services);
        var (person, requestId) = await GrantAsync(factory, TimeSpan.FromDays(1));
        using var http = factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Politie, "requests");

        // An attacker or a broken disk: the audit table is gone, so no record can be made durable.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "audit.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE audit_entries RENAME TO audit_entries_gone";
            await command.ExecuteNonQueryAsync();
        }

        using var response = await DisclosureApi.DiscloseAsync(http, token, requestId.ToString());

        var text = await response.Content.ReadAsStringAsync();
        await DisclosureApi.AssertProblemAsync(response, HttpStatusCode.InternalServerError, DisclosureErrorCodes.AuditFailed);
        DisclosureContract.AssertNothingDisclosed(text, person);
        Assert.False(JsonDocument.Parse(text).RootElement.TryGetProperty("fields", out _));
    }

    private static async Task<(TestPerson Person, Guid RequestId)> GrantAsync(HubFactory factory, TimeSpan lifetime)
    {
        var person = new TestPerson(TestPeople.Bsn(), TestPeople.Name("Anne"), TestPeople.Name("Anna"), TestPeople.Name("Bakker"), "6211AB",
            TestPeople.Name("Straat"), TestPeople.Name("Reden"), TestPeople.Name("Schuld"), TestPeople.NewReporter());
        using var http = factory.CreateApiClient();
        var token = await DisclosureApi.TokenAsync(http, P.Gemeente, "signals");
        var (_, reference) = await DisclosureApi.SubmitAsync(http, token, P.Convenant,
            DisclosureApi.ZvhPerson(person.Bsn, person.Given, person.Surname, "1980-05-17", TestPeople.ReporterJson(person.Reporter)));
        var subject = await DisclosureApi.ResolveAsync(factory, P.Convenant, P.GemeentePartner, reference);
        var (requestId, _) = await DisclosureApi.InsertAsync(factory, new GrantSpec(subject.Id, reference) { Fields = "naam", Categories = "identificatie", Lifetime = lifetime });
        return (person, requestId);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Tests.Infrastructure;
using P = SharingHub.Hub.Tests.Cases.CasusPartners;

namespace SharingHub.Hub.Tests.Cases;

/// <summary>A person (procesregisseur via the portal, authorization code + PKCE) moves a casus; the event and audit name the person, never a name.</summary>
public sealed class CasusPersonTests(CasusPersonTests.Hub hub) : IClassFixture<CasusPersonTests.Hub>
{
    private const string RedirectUri = "http://localhost/callback";
    private const string Password = "regie password for tests";

    public sealed class Hub : IAsyncLifetime
    {
        public HubFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await CasusPartners.SeedAsync(Factory.Services);
            await TestAccounts.SeedAsync(Factory.Services, async accounts =>
            {
                await accounts.CreatePortalClientAsync("casus-portal", [new Uri(RedirectUri)], [], ["signals"], isDemo: false);
                await accounts.CreatePersonAsync("regie.person", "Regie Persoon", Password, P.ZvhRegie, [new("zvh", "casusregisseur")]);
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Transition_PersonRegisseur_MovesCasusAndIsRecordedAsPerson()
    {
        using var api = new CasusApi(hub.Factory);
        var reference = await api.SubmitAsync("zvh", P.ZvhPolitie, CasusApiTests.ZvhPolitieSignal(CasusApi.NextBsn(), CasusApi.NextName()));
        var casus = await api.BringInOkAsync("zvh", P.ZvhPolitie, reference);
        var token = await PersonTokens.GetAsync(hub.Factory, "regie.person", Password, "signals", "casus-portal", new Uri(RedirectUri));
        var size = api.Audit.Size;

        using var http = hub.Factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/convenants/zvh/casus/{casus.Id:D}/transitions", UriKind.Relative))
        {
            Content = new StringContent("""{"state":"weighed","phase":"intake"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var step = await api.WithDbAsync(db => db.CasusEvents.SingleAsync(e => e.CasusId == casus.Id && e.ToState == "weighed"));
        Assert.StartsWith("person:", step.Actor, StringComparison.Ordinal);
        Assert.Equal((P.ZvhRegie, "casusregisseur"), (step.PartnerId, step.Role));
        Assert.DoesNotContain("regie.person", step.Actor, StringComparison.Ordinal);
        var record = Assert.Single(await api.AuditSinceAsync(size), r => r.Operation == AuditOperations.CasusTransition);
        Assert.Equal(step.Actor, record.Actor);
    }
}

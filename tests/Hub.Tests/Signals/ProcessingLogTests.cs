using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Processing;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>Ingress reports each step to <see cref="IProcessingLog"/> with pseudonyms only.</summary>
public sealed class ProcessingLogTests
{
    [Fact]
    public async Task Submit_PermittedAndDenied_RecordsDecisionAndSubmissionWithoutIdentifiers()
    {
        var recorder = new RecordingLog();
        using var factory = new HubFactory(services: s => s.AddSingleton<IProcessingLog>(recorder));
        await SignalPartners.SeedAsync(factory.Services);
        using var http = factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);

        using var permitted = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("111222333", "Margriet", "Hoekstra"));
        using var denied = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("123456782", categories: "\"fiscale-gegevens\""));

        Assert.Equal(HttpStatusCode.Created, permitted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var records = recorder.Records.ToArray();
        var submitted = Assert.Single(records, r => r.Operation == ProcessingOperations.SignalSubmitted && r.Status == ProcessingStatuses.Succeeded);
        Assert.Equal("riec", submitted.ConvenantId);
        Assert.Matches("^[0-9a-f]{64}$", submitted.ConvenantVersionHash!);
        Assert.Equal(SignalPartners.GemeentePartner, submitted.PartnerId);
        Assert.Equal("medewerker", submitted.Role);
        Assert.Equal("person", submitted.SubjectType);
        Assert.StartsWith("p1.", submitted.SubjectPseudonym, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", submitted.TraceId);
        Assert.NotNull(submitted.ResourceId);
        var deny = Assert.Single(records, r => r.Operation == ProcessingOperations.PolicyDecision && r.Status == ProcessingStatuses.Denied);
        Assert.Equal("Deny", deny.Decision);
        Assert.Contains("RIEC-I-01", deny.DecisionReasons);
        Assert.Contains(records, r => r.Operation == ProcessingOperations.PolicyDecision && r.Decision == "Permit");
        var text = string.Join('\n', records.Select(r => r.ToString()));
        Assert.DoesNotContain("111222333", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoekstra", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NewExistingAndGroup_LinkageMatchPerSubjectWithMatchKeyAndNoIdentifier()
    {
        var recorder = new RecordingLog();
        using var factory = new HubFactory(services: s => s.AddSingleton<IProcessingLog>(recorder));
        await SignalPartners.SeedAsync(factory.Services);
        using var http = factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var school = await SignalApi.TokenAsync(http, SignalPartners.School);
        var withoutBsn = """
            {"subjectType":"person","identifiers":{"givenNames":"Josephine","surname":"Haverkamp","dateOfBirth":"1980-05-17"},
             "purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","identificatie"]}
            """;
        var group = """
            {"subjectType":"group","group":{"reference":"PMG-55","members":[{"bsn":"200001309","givenNames":"Ruben","surname":"Ozturk","dateOfBirth":"2009-02-11"}]},
             "purpose":"groepsaanpak","categories":["signaal","groepsgegevens"]}
            """;

        using var created = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("200000329", "Josephine", "Haverkamp"));
        using var sameBsn = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, SignalApi.Person("200000329", "Josephine", "Haverkamp"));
        using var sameNameDob = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, withoutBsn);
        using var grouped = await SignalApi.PostAsync(http, "/api/v1/convenants/pmg/signals", school, group);

        Assert.All(new[] { created, sameBsn, sameNameDob, grouped }, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var matches = recorder.Records.Where(r => r.Operation == ProcessingOperations.LinkageMatch).ToArray();
        Assert.Equal(5, matches.Length);
        Assert.All(matches, m => Assert.Equal(ProcessingStatuses.Succeeded, m.Status));
        Assert.All(matches, m => Assert.Matches("^[A-Za-z][A-Za-z0-9._:/-]*$", Assert.Single(m.DecisionReasons)));
        Assert.Equal(
            ["match:new-subject", "match:existing:bsn", "match:existing:name-dob", "match:new-subject", "match:new-subject"],
            matches.Select(m => m.DecisionReasons[0]));
        Assert.Equal(matches[0].SubjectPseudonym, matches[1].SubjectPseudonym);
        Assert.Equal(matches[0].SubjectPseudonym, matches[2].SubjectPseudonym);
        Assert.StartsWith("p1.", matches[0].SubjectPseudonym, StringComparison.Ordinal);
        Assert.Equal(("group", "pmg"), (matches[3].SubjectType, matches[3].ConvenantId));
        Assert.StartsWith("g1.", matches[3].SubjectPseudonym, StringComparison.Ordinal);
        Assert.Equal("person", matches[4].SubjectType);
        Assert.StartsWith("p1.", matches[4].SubjectPseudonym, StringComparison.Ordinal);
        Assert.All(matches, m => Assert.NotNull(m.ResourceId));
        var text = string.Join('\n', recorder.Records.Select(r => r.ToString() + string.Join(',', r.DecisionReasons)));
        foreach (var needle in new[] { "200000329", "Haverkamp", "Josephine", "200001309", "Ozturk", "PMG-55", "PMG55", "1980-05-17", "19800517" })
        {
            Assert.DoesNotContain(needle, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class RecordingLog : IProcessingLog
    {
        public ConcurrentQueue<ProcessingRecord> Records { get; } = new();

        public ValueTask RecordAsync(ProcessingRecord record, CancellationToken cancellationToken)
        {
            Records.Enqueue(record);
            return ValueTask.CompletedTask;
        }

        public ValueTask RecordBatchAsync(IReadOnlyList<ProcessingRecord> records, CancellationToken cancellationToken)
        {
            foreach (var record in records)
            {
                Records.Enqueue(record);
            }

            return ValueTask.CompletedTask;
        }
    }
}

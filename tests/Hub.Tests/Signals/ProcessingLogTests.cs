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

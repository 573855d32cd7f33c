using System.Collections.Concurrent;
using System.Diagnostics;
using SharingHub.Hub.Operations.Telemetry;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>
/// Follows requests through the hub's spans by their W3C trace ids (<see cref="NewTraceParent"/> gives the header): when a
/// request starts waiting for a convenant's write gate (<see cref="ConvenantWriteGate.WaitSpan"/>), and how ingress resolved
/// its subjects (the <c>hub.resolution</c> tag of <c>signals.ingest</c>). Only the trace ids it handed out are followed, so
/// tests running side by side do not disturb it.
/// </summary>
internal sealed class GateWaits : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, TaskCompletionSource> _waiting = new();
    private readonly ConcurrentDictionary<ActivityTraceId, string?> _resolutions = new();
    private readonly ActivityListener _listener;

    public GateWaits()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is HubTelemetry.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.OperationName == ConvenantWriteGate.WaitSpan && _waiting.TryGetValue(activity.TraceId, out var waiting))
                {
                    waiting.TrySetResult();
                }
            },
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "signals.ingest" && _waiting.ContainsKey(activity.TraceId))
                {
                    _resolutions[activity.TraceId] = activity.GetTagItem("hub.resolution") as string;
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A <c>traceparent</c> header value of a new trace, followed from now on.</summary>
    public string NewTraceParent(out ActivityTraceId traceId)
    {
        traceId = ActivityTraceId.CreateRandom();
        _waiting[traceId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return "00-" + traceId.ToHexString() + "-" + ActivitySpanId.CreateRandom().ToHexString() + "-01";
    }

    /// <summary>Completes when the request of <paramref name="traceId"/> has started waiting for a write gate.</summary>
    public Task WaitingAsync(ActivityTraceId traceId) => _waiting[traceId].Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>How the ingress of <paramref name="traceId"/> resolved ("before-gate" or "redone"), once it has finished.</summary>
    public string? Resolution(ActivityTraceId traceId) => _resolutions.GetValueOrDefault(traceId);

    public void Dispose() => _listener.Dispose();
}

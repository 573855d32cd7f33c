using System.Diagnostics;

namespace SharingHub.Hub.Operations.Telemetry;

/// <summary>
/// The hub's own spans: <c>using var activity = HubTelemetry.Source.StartActivity("signals.ingest");</c>.
/// Trace ids follow W3C trace context (incoming <c>traceparent</c> is continued); the audit trail records them.
/// Never put identifiers in span names or tags: only ids, pseudonyms and counts.
/// </summary>
public static class HubTelemetry
{
    public const string SourceName = "SharingHub";

    public static ActivitySource Source { get; } = new(SourceName);
}

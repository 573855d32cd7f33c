using System.Collections.Concurrent;
using SharingHub.Hub.Operations.Telemetry;

namespace SharingHub.Hub.Storage;

/// <summary>
/// The per-convenant write gate inside this process. Ingress holds it from its check that the subjects it resolved before the
/// gate are unchanged (<see cref="Subjects.SubjectWriteLog"/>) to its commit; retention holds it for each cluster it purges or
/// crypto-shreds. Without it, an ingress batch could seal a payload under a data key that a concurrent retention transaction
/// was deleting, and that identity could never be opened again, or two batches could each make a subject for one person.
/// Hubs sharing one PostgreSQL database do not share this gate (see docs/SECURITY.md).
/// </summary>
internal static class ConvenantWriteGate
{
    /// <summary>The span that covers the wait for a gate (tags: convenant, holder).</summary>
    public const string WaitSpan = "convenant.gate.wait";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="convenant"/> (one per convenant id, for the life of the process).</summary>
    public static SemaphoreSlim For(string convenant) => Gates.GetOrAdd(convenant, _ => new SemaphoreSlim(1, 1));

    /// <summary>Waits for the gate of <paramref name="convenant"/> in a <see cref="WaitSpan"/> span; release the gate when done.</summary>
    public static async Task<SemaphoreSlim> EnterAsync(string convenant, string holder, CancellationToken cancellationToken)
    {
        var gate = For(convenant);
        using var activity = HubTelemetry.Source.StartActivity(WaitSpan);
        activity?.SetTag("hub.convenant", convenant);
        activity?.SetTag("hub.gate.holder", holder);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return gate;
    }
}

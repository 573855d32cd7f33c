using System.Collections.Concurrent;

namespace SharingHub.Hub.Storage;

/// <summary>
/// The per-convenant write gate inside this process. Ingress holds it from subject resolution (which reads the subjects'
/// wrapped vault keys) to its commit; retention holds it for each cluster it purges or crypto-shreds. Without it, an ingress
/// batch could seal a payload under a data key that a concurrent retention transaction was deleting, and that identity could
/// never be opened again. Hubs sharing one PostgreSQL database do not share this gate (see docs/SECURITY.md).
/// </summary>
internal static class ConvenantWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="convenant"/> (one per convenant id, for the life of the process).</summary>
    public static SemaphoreSlim For(string convenant) => Gates.GetOrAdd(convenant, _ => new SemaphoreSlim(1, 1));
}

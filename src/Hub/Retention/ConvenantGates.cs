using System.Collections.Concurrent;

namespace SharingHub.Hub.Retention;

/// <summary>
/// One gate per convenant shared by retention runs and key rotation in this hub (a singleton): both rewrite subject rows
/// (purges delete match keys, rotation adds them), so they never overlap. Entering never waits: a busy convenant answers
/// 409 SH3193. Per hub, not per process, so that hubs hosted side by side (the tests) do not refuse each other's runs.
/// </summary>
public sealed class ConvenantGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>The held gate, or null when another run or rotation holds it. Dispose to release.</summary>
    internal IDisposable? TryEnter(string convenant)
    {
        var gate = _gates.GetOrAdd(convenant, _ => new SemaphoreSlim(1, 1));
        return gate.Wait(0) ? new Held(gate) : null;
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

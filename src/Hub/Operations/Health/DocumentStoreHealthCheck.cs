using Microsoft.Extensions.Diagnostics.HealthChecks;
using SharingHub.Hub.Documents;

namespace SharingHub.Hub.Operations.Health;

/// <summary>Ready when the document store answers.</summary>
internal sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckAvailableAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception text is not reported: it may name hosts or paths.
            return HealthCheckResult.Unhealthy("The document store does not answer (" + e.GetType().Name + ").");
        }
    }
}

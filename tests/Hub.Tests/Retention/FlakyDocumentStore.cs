using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Documents;

namespace SharingHub.Hub.Tests.Retention;

/// <summary>
/// The hub's document store with switchable failures: <see cref="FailPuts"/> fails writes of retention manifests (inside a purge
/// transaction, before the commit), <see cref="FailDeletes"/> fails deletes of signal documents (after the commit).
/// </summary>
internal sealed class FlakyDocumentStore : IDocumentStore
{
    private IDocumentStore? _inner;

    public bool FailPuts { get; set; }

    public bool FailDeletes { get; set; }

    private IDocumentStore Inner => _inner ?? throw new InvalidOperationException("Not installed.");

    public static void Install(IServiceCollection services, FlakyDocumentStore store)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IDocumentStore));
        services.Remove(descriptor);
        services.AddSingleton<IDocumentStore>(sp =>
        {
            store._inner = descriptor.ImplementationInstance as IDocumentStore
                ?? descriptor.ImplementationFactory?.Invoke(sp) as IDocumentStore
                ?? (IDocumentStore)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
            return store;
        });
    }

    public Task PutAsync(DocumentName name, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        FailPuts && name.Value.StartsWith("retention/", StringComparison.Ordinal)
            ? throw new IOException("injected put failure")
            : Inner.PutAsync(name, content, contentType, cancellationToken);

    public Task<StoredDocument?> GetAsync(DocumentName name, CancellationToken cancellationToken = default) => Inner.GetAsync(name, cancellationToken);

    public Task<bool> DeleteAsync(DocumentName name, CancellationToken cancellationToken = default) =>
        FailDeletes && name.Value.StartsWith("documents/", StringComparison.Ordinal)
            ? throw new IOException("injected delete failure")
            : Inner.DeleteAsync(name, cancellationToken);

    public Task<bool> ExistsAsync(DocumentName name, CancellationToken cancellationToken = default) => Inner.ExistsAsync(name, cancellationToken);

    public IAsyncEnumerable<DocumentInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => Inner.ListAsync(prefix, cancellationToken);

    public Task CheckAvailableAsync(CancellationToken cancellationToken = default) => Inner.CheckAvailableAsync(cancellationToken);
}

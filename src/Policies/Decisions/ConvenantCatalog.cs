using System.Collections.Frozen;
using SharingHub.Policies.Compilation;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Decisions;

/// <summary>
/// The convenants a host runs with, by id. Build it at start-up with <see cref="TryCreate"/>; it is immutable and
/// thread-safe afterwards. Decisions take time from the request; <see cref="DecideNow"/> stamps it from the
/// injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ConvenantCatalog
{
    private readonly CompiledConvenant[] _convenants;
    private readonly FrozenDictionary<string, int> _byId;
    private readonly TimeProvider _time;

    private ConvenantCatalog(CompiledConvenant[] convenants, TimeProvider time)
    {
        _convenants = convenants;
        _byId = convenants.Select((c, i) => (c.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _time = time;
    }

    public IReadOnlyList<CompiledConvenant> Convenants => _convenants;

    /// <summary>Loads every convenant text; fails with every error, tagged with the source it came from, when any text is invalid or two share an id.</summary>
    public static (ConvenantCatalog? Catalog, IReadOnlyList<(string Source, ConvenantError Error)> Errors) TryCreate(
        IEnumerable<(string Source, string Json)> convenants, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(convenants);
        ArgumentNullException.ThrowIfNull(time);
        var loaded = new List<CompiledConvenant>();
        var errors = new List<(string, ConvenantError)>();
        foreach (var (source, json) in convenants)
        {
            var result = ConvenantLoader.Load(json);
            errors.AddRange(result.Errors.Select(e => (source, e)));
            if (result.Convenant is { } compiled)
            {
                if (loaded.Any(c => c.Id == compiled.Id))
                {
                    errors.Add((source, new ConvenantError(PolicyCodes.DuplicateConvenant, "$.id", compiled.Document.ClauseId, $"convenant id {compiled.Id} is loaded twice")));
                }
                else
                {
                    loaded.Add(compiled);
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ConvenantCatalog([.. loaded], time), errors);
    }

    /// <summary>A catalog of already compiled convenants (ids must be distinct).</summary>
    public static ConvenantCatalog Create(IEnumerable<CompiledConvenant> convenants, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(convenants);
        ArgumentNullException.ThrowIfNull(time);
        var array = convenants.ToArray();
        if (array.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != array.Length)
        {
            throw new ArgumentException("convenant ids must be distinct", nameof(convenants));
        }

        return new ConvenantCatalog(array, time);
    }

    public ConvenantHandle Find(string? convenantId)
        => convenantId is not null && _byId.TryGetValue(convenantId, out var i) ? new ConvenantHandle(i + 1) : default;

    public CompiledConvenant? Get(ConvenantHandle handle)
        => (uint)handle.Index < (uint)_convenants.Length ? _convenants[handle.Index] : null;

    public CompiledConvenant? Get(string? convenantId) => Get(Find(convenantId));

    /// <summary>Decides a pre-resolved request. Unknown convenant handles deny (SH2110).</summary>
    public PolicyDecision Decide(in DecisionRequest request)
    {
        var index = request.Convenant.Index;
        return (uint)index < (uint)_convenants.Length ? _convenants[index].Decide(request) : new PolicyDecision(UnknownConvenant);
    }

    /// <summary>Decides with the evaluation time taken from the injected clock.</summary>
    public PolicyDecision DecideNow(DecisionRequest request) => Decide(request with { At = _time.GetUtcNow() });

    /// <summary>Resolves a query's strings to handles once; see <see cref="CompiledConvenant.TryResolve"/>.</summary>
    public bool TryResolve(PolicyQuery query, out DecisionRequest request, out PolicyDecision denial)
    {
        ArgumentNullException.ThrowIfNull(query);
        var handle = Find(query.Convenant);
        if (Get(handle) is not { } convenant)
        {
            request = default;
            denial = new PolicyDecision(UnknownConvenant);
            return false;
        }

        return convenant.TryResolve(query, handle, out request, out denial);
    }

    /// <summary>Decides a query (allocating convenience over <see cref="TryResolve"/> and <see cref="Decide(in DecisionRequest)"/>).</summary>
    public PolicyDecision Decide(PolicyQuery query) => TryResolve(query, out var request, out var denial) ? Decide(request) : denial;

    private static readonly DecisionBody UnknownConvenant =
        DecisionBody.Deny("", "", PolicyCodes.ConvenantUnknown, "the convenant is not loaded; nothing is permitted without a convenant");
}

using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using SharingHub.Policies.Decisions;

namespace SharingHub.Benchmarks;

/// <summary>
/// Convenant decisions on the shipped convenants: permit, deny and needs-approval paths on pre-resolved
/// requests (the hot path the hub uses), the string-query convenience path, and an in-run baseline of one
/// frozen-dictionary lookup. Run: dotnet run -c Release --project tools/Benchmarks -- --filter '*PolicyBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyBenchmarks
{
    private ConvenantCatalog _catalog = null!;
    private DecisionRequest _permit;
    private DecisionRequest _denyNoFlow;
    private DecisionRequest _denyProhibited;
    private DecisionRequest _needsApproval;
    private PolicyQuery _permitQuery = null!;
    private FrozenDictionary<string, int> _baselineMap = null!;

    private static readonly string[] ConvenantIds = ["riec", "zvh", "pmg"];
    private static readonly string[] BaselineKeys = ["gemeente", "politie", "om", "zorgpartner", "veilig-thuis"];

    [GlobalSetup]
    public void Setup()
    {
        var directory = FindConvenants();
        var (catalog, errors) = ConvenantCatalog.TryCreate(
            ConvenantIds.Select(id => (id, File.ReadAllText(Path.Combine(directory, id + ".json")))),
            TimeProvider.System);
        _catalog = catalog ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Error.ToString())));
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

        _permitQuery = new PolicyQuery
        {
            Convenant = "zvh", Partner = "gemeente", Role = "medewerker", Purpose = "huiselijk-geweld", Action = "view",
            Categories = ["casusinformatie", "identificatie"], Phase = "case-meeting", At = at,
        };
        _permit = Resolve(_permitQuery);
        _denyNoFlow = Resolve(_permitQuery with { Partner = "politie", Action = "export" });
        _denyProhibited = Resolve(_permitQuery with { Action = "hit-check", Categories = ["melder"], Mode = "hit-no-hit" });
        _needsApproval = Resolve(_permitQuery with { Action = "request", Mode = "identified", Minor = true });
        _baselineMap = BaselineKeys.Select((p, i) => (p, i)).ToFrozenDictionary(x => x.p, x => x.i);

        Check(_permit, DecisionOutcome.Permit);
        Check(_denyNoFlow, DecisionOutcome.Deny);
        Check(_denyProhibited, DecisionOutcome.Deny);
        Check(_needsApproval, DecisionOutcome.NeedsApproval);
    }

    [Benchmark(Baseline = true, Description = "baseline: one FrozenDictionary<string,int> lookup")]
    public int BaselineLookup() => _baselineMap["veilig-thuis"];

    [Benchmark(Description = "permit (pre-resolved request)")]
    public PolicyDecision Permit() => _catalog.Decide(_permit);

    [Benchmark(Description = "deny: no permitting flow (all flows scanned)")]
    public PolicyDecision DenyNoFlow() => _catalog.Decide(_denyNoFlow);

    [Benchmark(Description = "deny: prohibition (melder)")]
    public PolicyDecision DenyProhibited() => _catalog.Decide(_denyProhibited);

    [Benchmark(Description = "needs-approval (four-eyes + moreel beraad)")]
    public PolicyDecision NeedsApproval() => _catalog.Decide(_needsApproval);

    [Benchmark(Description = "permit from strings (resolve + decide)")]
    public PolicyDecision PermitFromStrings() => _catalog.Decide(_permitQuery);

    private DecisionRequest Resolve(PolicyQuery query)
        => _catalog.TryResolve(query, out var request, out var denial) ? request : throw new InvalidOperationException(denial.ToString());

    private void Check(DecisionRequest request, DecisionOutcome expected)
    {
        var outcome = _catalog.Decide(request).Outcome;
        if (outcome != expected)
        {
            throw new InvalidOperationException($"benchmark setup: expected {expected}, got {outcome}");
        }
    }

    private static string FindConvenants()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "convenants");
                if (File.Exists(Path.Combine(candidate, "riec.json")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("convenants/ not found above the benchmark directory");
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SharingHub.Pseudonymisation.Linkage;

namespace SharingHub.Benchmarks.Linkage;

/// <summary>
/// End-to-end linkage of two pseudonymised partner files of N records each (exact passes, then fuzzy with
/// blocking on every core), at 10k, 100k and 1M, to show how the cost grows. Preparation (pseudonymising
/// and encoding) happens in the setup and is not timed here; `hubctl link` on synth files times both.
/// One cold iteration per size: a 1M run is several seconds, and each size is a separate process.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class LinkageBenchmarks
{
    private PseudonymisedRecordSet _left = null!;
    private PseudonymisedRecordSet _right = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => (_left, _right) = LinkageScaleData.Create(Records, 0xC0FFEE);

    [Benchmark]
    public int ExactThenFuzzy() => RecordLinker.Link(_left, _right, LinkageMode.Auto).Links.Count;
}

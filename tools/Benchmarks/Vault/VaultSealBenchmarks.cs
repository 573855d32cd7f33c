using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Benchmarks.Vault;

/// <summary>
/// Sealing identities for 1000 subjects (eight fields each, like a person at ingress) that are new (no data key yet: the
/// seal creates and wraps one) or existing (a stored wrapped key). Figures are per seal (<c>OperationsPerInvoke</c>).
/// <see cref="BaselineVault"/>, a frozen copy of the sealing path before the fast path, is the baseline in the same run.
/// "Parallel" seals over every core as <c>SignalIngest</c> does; "3 per subject" seals three payloads per subject (identity,
/// content, a group entry) in one batch. <see cref="VaultSealScope"/> is what ingress uses: one scope per 1000 seals. Keys live in <see cref="InMemoryVaultKeyStore"/>, so the store costs almost nothing.
/// On a shared machine read Min and Median (other processes only ever add time); Mean and Error are noise there.
/// Run: <c>dotnet run -c Release --project tools/Benchmarks -- --filter '*VaultSealBenchmarks*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 40, invocationCount: 1)]
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class VaultSealBenchmarks : IDisposable
{
    private const int SubjectCount = 1000;
    private const string SequentialSeals = "sequential";
    private const string ParallelSeals = "parallel";
    private const string RepeatedSeals = "3 per subject";

    private readonly IDataProtectionProvider _provider = new EphemeralDataProtectionProvider();
    private readonly InMemoryVaultKeyStore _store = new();
    private string[] _subjects = [];
    private IdentityRecord[] _identities = [];
    private IdentityVault? _vault;
    private BaselineVault? _baseline;

    public enum SubjectKind
    {
        New,
        Existing,
    }

    [Params(SubjectKind.New, SubjectKind.Existing)]
    public SubjectKind Subjects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _subjects = [.. Enumerable.Range(0, SubjectCount).Select(i => "s1." + Guid.CreateVersion7().ToString("N"))];
        _identities = [.. Enumerable.Range(0, SubjectCount).Select(Person)];
        _vault = new IdentityVault(_store, _provider, TimeProvider.System);
        _baseline = new BaselineVault(_store, _provider, TimeProvider.System);

        // Creates the master key and loads it into both vaults, and gives "existing" subjects their data keys.
        foreach (var (subject, identity) in _subjects.Zip(_identities))
        {
            _vault.SealAsync(subject, identity).GetAwaiter().GetResult();
        }

        _baseline.SealAsync(_subjects[0], _identities[0]).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        if (Subjects == SubjectKind.New)
        {
            foreach (var subject in _subjects)
            {
                _store.DeleteDataKeyAsync(subject).GetAwaiter().GetResult();
            }
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _vault?.Dispose();
        _baseline?.Dispose();
        GC.SuppressFinalize(this);
    }

    [BenchmarkCategory(SequentialSeals)]
    [Benchmark(Baseline = true, OperationsPerInvoke = SubjectCount, Description = "baseline SealAsync")]
    public async Task Baseline()
    {
        for (var i = 0; i < SubjectCount; i++)
        {
            await _baseline!.SealAsync(_subjects[i], _identities[i]).ConfigureAwait(false);
        }
    }

    [BenchmarkCategory(SequentialSeals)]
    [Benchmark(OperationsPerInvoke = SubjectCount, Description = "IdentityVault.SealAsync")]
    public async Task SealAsync()
    {
        for (var i = 0; i < SubjectCount; i++)
        {
            await _vault!.SealAsync(_subjects[i], _identities[i]).ConfigureAwait(false);
        }
    }

    [BenchmarkCategory(SequentialSeals)]
    [Benchmark(OperationsPerInvoke = SubjectCount, Description = "VaultSealScope.SealAsync")]
    public async Task SealScope()
    {
        using var scope = _vault!.BeginSealScope();
        for (var i = 0; i < SubjectCount; i++)
        {
            await scope.SealAsync(_subjects[i], _identities[i]).ConfigureAwait(false);
        }
    }

    [BenchmarkCategory(ParallelSeals)]
    [Benchmark(Baseline = true, OperationsPerInvoke = SubjectCount, Description = "baseline SealAsync, parallel")]
    public Task BaselineParallel() =>
        Parallel.ForEachAsync(Enumerable.Range(0, SubjectCount), async (i, token) => await _baseline!.SealAsync(_subjects[i], _identities[i], token).ConfigureAwait(false));

    [BenchmarkCategory(ParallelSeals)]
    [Benchmark(OperationsPerInvoke = SubjectCount, Description = "IdentityVault.SealAsync, parallel")]
    public Task SealAsyncParallel() =>
        Parallel.ForEachAsync(Enumerable.Range(0, SubjectCount), async (i, token) => await _vault!.SealAsync(_subjects[i], _identities[i], token).ConfigureAwait(false));

    [BenchmarkCategory(ParallelSeals)]
    [Benchmark(OperationsPerInvoke = SubjectCount, Description = "VaultSealScope.SealAsync, parallel")]
    public async Task SealScopeParallel()
    {
        using var scope = _vault!.BeginSealScope();
        await Parallel.ForEachAsync(Enumerable.Range(0, SubjectCount), async (i, token) => await scope.SealAsync(_subjects[i], _identities[i], token).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    [BenchmarkCategory(RepeatedSeals)]
    [Benchmark(Baseline = true, OperationsPerInvoke = 3 * SubjectCount, Description = "baseline SealAsync, 3 per subject")]
    public async Task BaselineThreePerSubject()
    {
        for (var i = 0; i < SubjectCount; i++)
        {
            for (var n = 0; n < 3; n++)
            {
                await _baseline!.SealAsync(_subjects[i], _identities[i]).ConfigureAwait(false);
            }
        }
    }

    [BenchmarkCategory(RepeatedSeals)]
    [Benchmark(OperationsPerInvoke = 3 * SubjectCount, Description = "IdentityVault.SealAsync, 3 per subject")]
    public async Task SealAsyncThreePerSubject()
    {
        for (var i = 0; i < SubjectCount; i++)
        {
            for (var n = 0; n < 3; n++)
            {
                await _vault!.SealAsync(_subjects[i], _identities[i]).ConfigureAwait(false);
            }
        }
    }

    [BenchmarkCategory(RepeatedSeals)]
    [Benchmark(OperationsPerInvoke = 3 * SubjectCount, Description = "VaultSealScope.SealAsync, 3 per subject")]
    public async Task SealScopeThreePerSubject()
    {
        using var scope = _vault!.BeginSealScope();
        for (var i = 0; i < SubjectCount; i++)
        {
            for (var n = 0; n < 3; n++)
            {
                await scope.SealAsync(_subjects[i], _identities[i]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A synthetic person with the eight fields ingress seals for a typical signal.</summary>
    internal static IdentityRecord Person(int i) => new(new Dictionary<string, IdentityField>
    {
        [IdentityFieldNames.Bsn] = new((100_000_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture), null),
        [IdentityFieldNames.GivenNames] = new("Jan-Willem", "jan willem"),
        [IdentityFieldNames.SurnamePrefix] = new("van der", "van der"),
        [IdentityFieldNames.Surname] = new("Bergh-Müller " + i, "bergh muller " + i),
        [IdentityFieldNames.DateOfBirth] = new("1984-02-29", "1984-02-29"),
        [IdentityFieldNames.Postcode] = new("1234 ab", "1234AB"),
        [IdentityFieldNames.HouseNumber] = new("12", "12"),
        [IdentityFieldNames.Email] = new("J.W.vanderBergh@Example.NL", null),
    });
}

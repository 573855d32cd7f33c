using System.Runtime.InteropServices;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Benchmarks.Vault;

/// <summary>
/// CPU time (not wall-clock time) per seal, Linux only,, which a shared machine disturbs far less than BenchmarkDotNet's wall clock, and
/// which counts what parallel seals burn waiting on each other. Each round seals 1000 subjects (new: no data key yet;
/// existing: a stored key) with the baseline (<see cref="BaselineVault"/>), the one-shot <see cref="IdentityVault.SealAsync"/>
/// and a <see cref="VaultSealScope"/>, one after the other: sequentially, over every core, and three times per subject
/// (sequentially); the process's CPU time of each run is divided by its seals. Prints the minimum and the median over the rounds.
/// Run: <c>dotnet run -c Release --project tools/Benchmarks -- vault-cpu [rounds]</c>.
/// </summary>
internal static partial class VaultSealCpu
{
    private const int SubjectCount = 1000;

    public static async Task RunAsync(int rounds)
    {
        var store = new InMemoryVaultKeyStore();
        var provider = new EphemeralDataProtectionProvider();
        using var vault = new IdentityVault(store, provider, TimeProvider.System);
        using var baseline = new BaselineVault(store, provider, TimeProvider.System);
        var subjects = Enumerable.Range(0, SubjectCount).Select(_ => "s1." + Guid.CreateVersion7().ToString("N")).ToArray();
        var identities = Enumerable.Range(0, SubjectCount).Select(VaultSealBenchmarks.Person).ToArray();
        foreach (var (subject, identity) in subjects.Zip(identities))
        {
            await vault.SealAsync(subject, identity).ConfigureAwait(false);
        }

        await baseline.SealAsync(subjects[0], identities[0]).ConfigureAwait(false);
        var paths = new (string Name, Func<string, IdentityRecord, CancellationToken, Task<byte[]>>? Seal)[]
        {
            ("baseline SealAsync", baseline.SealAsync),
            ("IdentityVault.SealAsync", vault.SealAsync),
            ("VaultSealScope.SealAsync", null),
        };
        var results = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var isNew in new[] { true, false })
            {
                foreach (var (parallel, repeat) in new[] { (false, 1), (true, 1), (false, 3) })
                {
                    foreach (var (name, seal) in paths)
                    {
                        if (isNew)
                        {
                            foreach (var subject in subjects)
                            {
                                await store.DeleteDataKeyAsync(subject).ConfigureAwait(false);
                            }
                        }

                        using var scope = vault.BeginSealScope();
                        var run = seal ?? scope.SealAsync;
                        GC.Collect();
                        var before = ProcessCpuMicroseconds();
                        if (parallel)
                        {
                            await Parallel.ForEachAsync(Enumerable.Range(0, SubjectCount), async (i, token) => await run(subjects[i], identities[i], token).ConfigureAwait(false))
                                .ConfigureAwait(false);
                        }
                        else
                        {
                            for (var i = 0; i < SubjectCount; i++)
                            {
                                for (var n = 0; n < repeat; n++)
                                {
                                    await run(subjects[i], identities[i], default).ConfigureAwait(false);
                                }
                            }
                        }

                        var cpu = (ProcessCpuMicroseconds() - before) / (SubjectCount * repeat);
                        if (round > 0)
                        {
                            var key = $"{(isNew ? "new" : "existing"),-8} | {(parallel ? "parallel" : repeat > 1 ? "3/subject" : "sequential"),-10} | {name}";
                            (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(cpu);
                        }
                    }
                }
            }
        }

        Console.WriteLine($"CPU us per seal over {rounds} rounds of {SubjectCount} seals (8 fields each); load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("subjects | seals      | path                     |   min | median");
        foreach (var (key, list) in results)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-48} | {list[0],5:F1} | {list[list.Count / 2],6:F1}"));
        }
    }

    /// <summary>CPU time of the whole process, all threads (Linux <c>CLOCK_PROCESS_CPUTIME_ID</c>; /proc's ticks are 10 ms).</summary>
    private static double ProcessCpuMicroseconds()
    {
        const int ClockProcessCpuTimeId = 2;
        if (ClockGetTime(ClockProcessCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed; this runner needs Linux.");
        }

        return (now.Seconds * 1e6) + (now.Nanoseconds / 1e3);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

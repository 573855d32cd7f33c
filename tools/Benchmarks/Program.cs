using BenchmarkDotNet.Running;
using SharingHub.Benchmarks.Vault;

if (args is ["vault-cpu", ..])
{
    await VaultSealCpu.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15).ConfigureAwait(false);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

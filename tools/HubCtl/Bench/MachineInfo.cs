using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace SharingHub.HubCtl.Bench;

/// <summary>The machine a benchmark ran on, reported with every figure.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Os, string DotNet, bool Avx512, double MemoryGiB)
{
    public static MachineInfo Current()
    {
        double memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new MachineInfo(
            CpuModel(),
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            Avx512F.IsSupported && Avx512BW.IsSupported,
            Math.Round(memory, 1));
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (OperatingSystem.IsLinux() && File.Exists(cpuInfo))
        {
            foreach (string line in File.ReadLines(cpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    return line[(colon + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

using System.Runtime.InteropServices;

namespace SharingHub.HubCtl.Bench;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). On a shared
/// machine wall-clock throughput drops when other processes take the core; throughput per CPU second does not,
/// so the report gives both.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True when the platform reports per-thread CPU time.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess && TryRead(out _);

    /// <summary>The calling thread's CPU time, or <see cref="TimeSpan.Zero"/> when unavailable.</summary>
    public static TimeSpan Now() => IsAvailable && TryRead(out var time) ? time : TimeSpan.Zero;

    private static bool TryRead(out TimeSpan time)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
            {
                time = TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        time = TimeSpan.Zero;
        return false;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

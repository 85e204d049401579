using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FusionGuide.LoadGen;

/// <summary>Waits until a <see cref="Stopwatch"/> timestamp without spinning a core (the server shares the machine).</summary>
/// <remarks>
/// <see cref="Thread.Sleep(int)"/> rounds to milliseconds, too coarse for a request every 1 ms: on Linux the wait is
/// <c>nanosleep</c> (tens of microseconds late at worst); elsewhere it falls back to <see cref="Thread.Sleep(TimeSpan)"/>.
/// </remarks>
internal static partial class PreciseClock
{
    public static void SleepUntil(long timestamp)
    {
        var remaining = timestamp - Stopwatch.GetTimestamp();
        if (remaining <= 0)
        {
            return;
        }

        var nanoseconds = remaining * (1_000_000_000.0 / Stopwatch.Frequency);
        if (OperatingSystem.IsLinux())
        {
            var ts = new Timespec { Seconds = (long)(nanoseconds / 1e9), Nanoseconds = (long)(nanoseconds % 1e9) };
            _ = NanoSleep(ref ts, IntPtr.Zero);
        }
        else
        {
            Thread.Sleep(TimeSpan.FromTicks((long)(nanoseconds / 100)));
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int NanoSleep(ref Timespec request, IntPtr remaining);
}

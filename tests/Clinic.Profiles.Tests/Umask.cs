using System.Runtime.InteropServices;

namespace Clinic.Profiles.Tests;

/// <summary>Sets the process umask for the duration of a test (tests using it run in the non-parallel collection).</summary>
internal static partial class Umask
{
    public static IDisposable Set(int mask)
    {
        var previous = umask((uint)mask);
        return new Restore(previous);
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // a one-line libc call; the generated marshalling would need unsafe code in the test project
    private static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054

    private sealed class Restore(uint previous) : IDisposable
    {
        public void Dispose() => _ = umask(previous);
    }
}

using System.Runtime.InteropServices;

namespace GuidelineGraph.Store.Durable;

/// <summary>
/// Makes a directory's entries durable (new files, renames) by fsyncing the directory itself, which POSIX requires
/// and .NET offers no API for. Without it a power loss could forget a freshly renamed snapshot or a new log file.
/// Windows journals metadata with the file, so there is nothing to do there.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"cannot open {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"cannot flush {directory} (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code, which this assembly keeps off.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}

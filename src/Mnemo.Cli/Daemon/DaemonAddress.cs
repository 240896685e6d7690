using System.Text;

namespace Mnemo.Cli.Daemon;

/// <summary>
/// Where the daemon of one database listens: a Unix socket named after the database's full path, in a directory only
/// this user can open (<c>MNEMO_DAEMON_DIR</c>, else <c>$XDG_RUNTIME_DIR/mnemo</c>, else <c>/tmp/mnemo-USER</c>).
/// </summary>
internal sealed record DaemonAddress(string Directory, string DatabasePath)
{
    /// <summary><c>auto</c> (the default: forward to a running daemon, start one after a command loaded a model) or <c>off</c>.</summary>
    public const string ModeVariable = "MNEMO_DAEMON";

    /// <summary>The directory of the daemons' sockets, locks and logs.</summary>
    public const string DirectoryVariable = "MNEMO_DAEMON_DIR";

    /// <summary>How long a daemon waits without a request before it ends (a duration such as 10m).</summary>
    public const string IdleVariable = "MNEMO_DAEMON_IDLE";

    /// <summary>The socket clients connect to.</summary>
    public string SocketPath => Path.Combine(Directory, Name + ".sock");

    /// <summary>The file whose exclusive lock makes one daemon per database.</summary>
    public string LockPath => Path.Combine(Directory, Name + ".lock");

    /// <summary>Where a daemon writes when it starts and stops, and what failed.</summary>
    public string LogPath => Path.Combine(Directory, Name + ".log");

    // A hash, not the path itself: a socket path has at most 107 bytes.
    private string Name => $"db-{Fnv1a(DatabasePath):x16}";

    /// <summary>The address of the daemon of <paramref name="databasePath"/>.</summary>
    public static DaemonAddress For(string databasePath, Func<string, string?> variables)
    {
        var directory = variables(DirectoryVariable) is { Length: > 0 } configured ? configured
            : Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime ? Path.Combine(runtime, "mnemo")
            : Path.Combine(Path.GetTempPath(), $"mnemo-{Environment.UserName}");
        return new DaemonAddress(Path.GetFullPath(directory), Path.GetFullPath(databasePath));
    }

    /// <summary>Creates the directory, readable and writable by this user only (other users must not reach the store through it).</summary>
    public void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}

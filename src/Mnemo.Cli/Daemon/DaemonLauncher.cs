using System.ComponentModel;
using System.Diagnostics;

namespace Mnemo.Cli.Daemon;

/// <summary>Starts the daemon of a database in the background, as this same mnemo executable, without waiting for it.</summary>
internal static class DaemonLauncher
{
    /// <summary>
    /// Starts <c>mnemo daemon run</c> for the database at <paramref name="address"/>; false when the process could not be
    /// started (the command that asked has already run, so this is not its error). A daemon that finds another one
    /// serving the database ends at once.
    /// </summary>
    public static bool TryStart(DaemonAddress address)
    {
        var info = SelfStartInfo(["daemon", "run", "--db", address.DatabasePath]);
        // Its own pipes, closed at once: the daemon must not hold this command's output open (a caller reading it to the
        // end would wait for the daemon), and it writes only to its log.
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            process.StandardInput.Close();
            process.StandardOutput.Close();
            process.StandardError.Close();
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    // This executable: the Native AOT or apphost mnemo itself, or mnemo.dll under the dotnet host.
    private static ProcessStartInfo SelfStartInfo(IEnumerable<string> args)
    {
        var executable = Environment.ProcessPath ?? "mnemo";
        var info = new ProcessStartInfo(executable);
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet")
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mnemo.dll"));
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}

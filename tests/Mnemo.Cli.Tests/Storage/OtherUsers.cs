namespace Mnemo.Cli.Tests.Storage;

/// <summary>
/// Runs mnemo as another Unix user (setpriv), so that tests see what permissions do to a user who is not root: root
/// bypasses file permissions and would hide exactly the failures these tests look for.
/// </summary>
internal static class OtherUsers
{
    // Numeric ids that need no account: the kernel checks permissions against the numbers alone.
    public const int Owner = 40001;
    public const int Reader = 40002;

    private const string Setpriv = "/usr/bin/setpriv";

    /// <summary>Skips the test unless it runs as root with setpriv at hand (as on the project's machines and CI).</summary>
    public static void RequireRootAndSetpriv()
    {
        Assert.SkipUnless(Environment.UserName == "root" && File.Exists(Setpriv), "needs root and setpriv to run mnemo as other users");
        Assert.SkipUnless(OthersCanReach(AppContext.BaseDirectory) && OthersCanReach(Path.GetTempPath()),
            "the tests or the temp folder lie in a directory other users cannot enter (such as /root)");
    }

    /// <summary>True when every directory from the root down to <paramref name="directory"/> may be entered by any user.</summary>
    private static bool OthersCanReach(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if ((current.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs <c>mnemo ARGS</c> as user and group <paramref name="uid"/>, with the hashing embedder.</summary>
    public static Task<CliResult> RunAsAsync(int uid, params string[] args) =>
        ProgramRunner.RunAsync(Setpriv, [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "dotnet", ProgramRunner.Mnemo, .. args],
            new Dictionary<string, string>
            {
                // The user has no home directory; the .NET host wants one, though it writes nothing there.
                ["HOME"] = Path.GetTempPath(),
                ["MNEMO_EMBEDDER"] = "builtin-hashing",
            });
}

namespace Mnemo.TestSupport;

/// <summary>
/// Files of this repository, found from the test's output directory. Not from [CallerFilePath]: a CI build maps source
/// paths to "/_/" (deterministic builds), so compile-time paths do not exist on disk.
/// </summary>
public static class RepositoryFiles
{
    /// <summary>The directory that holds Mnemo.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root, given as its parts.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Mnemo.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Mnemo.slnx above {AppContext.BaseDirectory}");
    }
}

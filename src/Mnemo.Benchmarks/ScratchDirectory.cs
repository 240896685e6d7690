namespace Mnemo.Benchmarks;

/// <summary>
/// The directory of a benchmark's scratch databases: the one the caller gave (created if missing, kept afterwards), else
/// a new temporary one, deleted when disposed. A benchmark never writes into the user's memory.
/// </summary>
internal sealed class ScratchDirectory : IDisposable
{
    private readonly bool _owned;

    private ScratchDirectory(string path, bool owned)
    {
        Path = path;
        _owned = owned;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Creates <paramref name="given"/>, or a new temporary directory named <c>prefix-GUID</c> when it is null.</summary>
    public static ScratchDirectory Create(string? given, string prefix)
    {
        var path = given ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new ScratchDirectory(path, owned: given is null);
    }

    /// <summary>Deletes the directory when it was created here.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

using Mnemo.Core.Retrieval;
using Mnemo.Core.Storage;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// The vector index files beside the store's database, of every model and rule (as <see cref="VectorCatalog.IsIndexFile"/>
    /// names them), found by listing the directory: so that status shows them without loading any index or model.
    /// </summary>
    private List<StoreFile> IndexFiles()
    {
        var location = _store.Location;
        var directory = Path.GetDirectoryName(location);
        var found = new List<StoreFile>();
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return found;
        }

        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, Path.GetFileName(location) + ".*"))
            {
                if (VectorCatalog.IsIndexFile(location, path) && new FileInfo(path) is { Exists: true } file)
                {
                    found.Add(new StoreFile(path, StoreFileKind.VectorIndex, file.Length));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A directory that cannot be listed hides only the index sizes; the status itself stays readable.
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }
}

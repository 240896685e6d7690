using Mnemo.Core.Vectors;

namespace Mnemo.Core.Retrieval;

internal sealed partial class VectorCatalog
{
    /// <summary>
    /// Drops the given versions (archived by archive-cold) from the index, loading it when needed, and saves what changed.
    /// Returns the index's vectors before and after.
    /// </summary>
    public async Task<(int Before, int After)> RemoveAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = _index ??= LoadOrCreate();
            var before = index.Count;
            var removed = 0;
            foreach (var sequence in sequences)
            {
                if (index.Remove(sequence))
                {
                    _keys?.Remove(sequence);
                    removed++;
                }
            }

            if (removed > 0)
            {
                TrySave(index);
            }

            return (before, index.Count);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Drops the given versions from an index file no catalog of this process has loaded (another model's), under the
    /// file's writer lock. Returns the vectors before and after (unchanged when another process held the file).
    /// </summary>
    public static (int Before, int After) RemoveFromFile(string path, IReadOnlyCollection<long> sequences)
    {
        using var index = HnswIndex.Open(path);
        var before = index.Count;
        var removed = sequences.Count(index.Remove);
        if (removed == 0)
        {
            return (before, before);
        }

        var written = index.Persist(path, index.CoveredSequence, index.SourceIdentity);
        return (before, written == IndexPersistence.Rewritten || written == IndexPersistence.Appended ? index.Count : before);
    }
}

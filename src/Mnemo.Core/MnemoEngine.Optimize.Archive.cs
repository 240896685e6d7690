using Mnemo.Core.Messages;
using Mnemo.Core.Monitoring.Doctor;
using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

// archive-cold: the current versions of entries unread and unwritten for long move to compressed storage and leave the
// vector index, measured by the database's pages in use and the index files. Storage only: no version, no change.
public sealed partial class MnemoEngine
{
    private async Task<OptimizationResult> ArchiveColdAsync(bool dryRun, TimeSpan coldAfter, CancellationToken cancellationToken)
    {
        const string Measured = "database pages in use";
        var before = await _store.GetPagesAsync(cancellationToken).ConfigureAwait(false);
        var indexBefore = IndexFiles().Sum(file => file.Bytes);
        var archivedBefore = await _store.CountArchivedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var coldBefore = now - coldAfter;
        var age = $"unread and unwritten for {Math.Round(coldAfter.TotalDays, 1)} days";
        if (!dryRun && _store.IsReadOnly)
        {
            return Skipped(OptimizationStrategy.ArchiveCold, Measured, before.UsedBytes, "the store is read-only");
        }

        if (!_store.IsReadOnly)
        {
            // This process's buffered reads first: an entry it read lately is not cold.
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var archive = await _store.ArchiveColdAsync(coldBefore, now, dryRun, cancellationToken).ConfigureAwait(false);
        var count = archive.Sequences.Count;
        if (dryRun)
        {
            return Result(OptimizationStrategy.ArchiveCold, dryRun: true, Measured, before.UsedBytes,
                $"would archive {Counted.Of(count, "entry", "entries")} {age} ({DoctorText.Bytes(archive.RawBytes)} raw, "
                + $"{Counted.Of(archive.Compressed, "payload", "payloads")} compressed); they would stay readable and findable by full-text search, not by vector search",
                new OptimizationFigure("archived_entries", archivedBefore, null), new OptimizationFigure("cold_entries", count, null),
                new OptimizationFigure("index_file_bytes", indexBefore, null));
        }

        var (vectorsBefore, vectorsAfter) = count == 0 ? (0, 0) : await DropFromIndexesAsync(archive.Sequences, cancellationToken).ConfigureAwait(false);
        var after = await _store.GetPagesAsync(cancellationToken).ConfigureAwait(false);
        return new OptimizationResult(OptimizationStrategy.ArchiveCold, OptimizationOutcome.Acted, Measured, before.UsedBytes, after.UsedBytes, TimeSpan.Zero,
            $"archived {Counted.Of(count, "entry", "entries")} {age} ({DoctorText.Bytes(archive.RawBytes)} raw, "
            + $"{Counted.Of(archive.Compressed, "payload", "payloads")} moved to compressed storage) and dropped them from the vector index; "
            + "they stay readable and findable by full-text search until written again")
        {
            Figures =
            [
                new OptimizationFigure("archived_entries", archivedBefore, await _store.CountArchivedAsync(cancellationToken).ConfigureAwait(false)),
                new OptimizationFigure("index_vectors", vectorsBefore, vectorsAfter),
                new OptimizationFigure("index_file_bytes", indexBefore, IndexFiles().Sum(file => file.Bytes)),
                new OptimizationFigure("free_pages", before.FreePages, after.FreePages),
            ],
        };
    }

    /// <summary>
    /// Drops archived versions from this engine's index (loading it) and from the other index files beside the store;
    /// returns the vectors before and after in all of them.
    /// </summary>
    private async Task<(long Before, long After)> DropFromIndexesAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        long before = 0, after = 0;
        var catalog = _owner._catalog;
        if (catalog is null && IndexFiles().Count > 0)
        {
            catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        }

        if (catalog is not null)
        {
            var (b, a) = await catalog.RemoveAsync(sequences, cancellationToken).ConfigureAwait(false);
            (before, after) = (b, a);
        }

        foreach (var path in IndexFiles().Select(file => file.Path)
            .Where(path => path.EndsWith(".hnsw", StringComparison.Ordinal) && !string.Equals(path, catalog?.FilePath, StringComparison.Ordinal)))
        {
            try
            {
                var (b, a) = VectorCatalog.RemoveFromFile(path, sequences);
                before += b;
                after += a;
            }
            catch (Exception e) when (e is MnemoException or IOException or UnauthorizedAccessException)
            {
                // A damaged or vanished file is rebuilt by the next search, and a rebuild leaves archived versions out.
            }
        }

        return (before, after);
    }
}

using System.Runtime;
using Mnemo.Core.Maintenance;
using Mnemo.Core.Messages;
using Mnemo.Core.Monitoring.Doctor;
using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Storage;

namespace Mnemo.Core;

// Each strategy measures what it concerns before and after with the figure a user can check independently: file sizes
// from the file system, pages as the database counts them, heap figures from the GC's own API.
public sealed partial class MnemoEngine
{
    private async Task<OptimizationResult> PurgeExpiredAsync(bool dryRun, CancellationToken cancellationToken)
    {
        const string Measured = "database pages in use";
        var before = await _store.GetPagesAsync(cancellationToken).ConfigureAwait(false);
        var fileBefore = DatabaseFileBytes();
        var expired = (await CleanAsync(new CleanOptions { DryRun = true }, cancellationToken).ConfigureAwait(false)).ExpiredKeys.Count;
        if (dryRun || _store.IsReadOnly)
        {
            return Result(OptimizationStrategy.PurgeExpired, dryRun, Measured, before.UsedBytes,
                dryRun ? $"would remove {Counted.Of(expired, "expired entry", "expired entries")} with their history" : "the store is read-only",
                new OptimizationFigure("expired_entries", expired, null), new OptimizationFigure("database_file_bytes", fileBefore, null));
        }

        // With their history: an expired entry's versions are what takes the space; the removal itself is recorded in the feed.
        var cleaned = await CleanAsync(new CleanOptions { PurgeHistory = true }, cancellationToken).ConfigureAwait(false);
        var after = await _store.GetPagesAsync(cancellationToken).ConfigureAwait(false);
        var left = (await CleanAsync(new CleanOptions { DryRun = true }, cancellationToken).ConfigureAwait(false)).ExpiredKeys.Count;
        return new OptimizationResult(OptimizationStrategy.PurgeExpired, OptimizationOutcome.Acted, Measured, before.UsedBytes, after.UsedBytes, TimeSpan.Zero,
            $"removed {Counted.Of(cleaned.ExpiredKeys.Count, "expired entry", "expired entries")} with their history and "
            + $"{Counted.Of(cleaned.ContentsDeleted, "unreferenced content", "unreferenced contents")}; the pages freed are reused by later writes (vacuum gives them back to the file system)")
        {
            Figures =
            [
                new OptimizationFigure("expired_entries", expired, left),
                new OptimizationFigure("free_pages", before.FreePages, after.FreePages),
                new OptimizationFigure("database_file_bytes", fileBefore, DatabaseFileBytes()),
            ],
        };
    }

    private async Task<OptimizationResult> VacuumAsync(bool dryRun, CancellationToken cancellationToken)
    {
        const string Measured = "database and write-ahead log files";
        var pages = await _store.GetPagesAsync(cancellationToken).ConfigureAwait(false);
        var (database, log) = (DatabaseFileBytes(), LogFileBytes());
        if (dryRun || _store.IsReadOnly)
        {
            return Result(OptimizationStrategy.Vacuum, dryRun, Measured, database + log,
                dryRun
                    ? $"would rewrite the database without its {Counted.Of(pages.FreePages, "free page", "free pages")} ({DoctorText.Bytes(pages.FreeBytes)}) and empty the write-ahead log"
                    : "the store is read-only",
                new OptimizationFigure("free_pages", pages.FreePages, null), new OptimizationFigure("database_file_bytes", database, null),
                new OptimizationFigure("wal_file_bytes", log, null));
        }

        // Buffered read statistics first, so that the rewrite includes them and leaves nothing behind in the log.
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _store.VacuumAsync(cancellationToken).ConfigureAwait(false);

        // VACUUM in WAL mode writes the new database through the log: it shrinks the file only once copied back.
        var truncated = await _store.TruncateLogAsync(cancellationToken).ConfigureAwait(false);
        var after = await _store.GetPagesAsync(cancellationToken).ConfigureAwait(false);
        var (databaseAfter, logAfter) = (DatabaseFileBytes(), LogFileBytes());
        return new OptimizationResult(OptimizationStrategy.Vacuum, OptimizationOutcome.Acted, Measured, database + log, databaseAfter + logAfter, TimeSpan.Zero,
            $"rewrote the database without its {Counted.Of(pages.FreePages, "free page", "free pages")}"
            + (truncated ? " and emptied the write-ahead log" : "; the write-ahead log could not be emptied yet (another process is reading it), so the file shrinks at a later checkpoint"))
        {
            Figures =
            [
                new OptimizationFigure("free_pages", pages.FreePages, after.FreePages),
                new OptimizationFigure("database_file_bytes", database, databaseAfter),
                new OptimizationFigure("wal_file_bytes", log, logAfter),
            ],
        };
    }

    private async Task<OptimizationResult> CheckpointWalAsync(bool dryRun, CancellationToken cancellationToken)
    {
        const string Measured = "write-ahead log file";
        if (dryRun || _store.IsReadOnly)
        {
            var log = LogFileBytes();
            return Result(OptimizationStrategy.CheckpointWal, dryRun, Measured, log,
                dryRun ? $"would copy the write-ahead log ({DoctorText.Bytes(log)}) into the database and truncate it" : "the store is read-only");
        }

        // Buffered read statistics go into the log first, so that the checkpoint leaves the log empty after them.
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var before = LogFileBytes();
        var truncated = await _store.TruncateLogAsync(cancellationToken).ConfigureAwait(false);
        var after = LogFileBytes();
        return new OptimizationResult(OptimizationStrategy.CheckpointWal, OptimizationOutcome.Acted, Measured, before, after, TimeSpan.Zero,
            truncated
                ? "copied the write-ahead log into the database and truncated it"
                : "copied what it could; the log could not be truncated now (another process is reading or writing it)");
    }

    private async Task<OptimizationResult> EvictCachesAsync(bool dryRun, CancellationToken cancellationToken)
    {
        const string Measured = "live managed heap (after a full collection)";
        var catalog = _owner._catalog;
        var cached = _cache.Count;
        var vectors = catalog?.RecentDocumentCount ?? 0;
        if (dryRun)
        {
            // Measured without collecting: a dry run changes nothing, the heap's garbage included.
            return Result(OptimizationStrategy.EvictCaches, dryRun: true, "managed heap in use (not collected)", GC.GetTotalMemory(forceFullCollection: false),
                $"would drop {Counted.Of(cached, "cached entry", "cached entries")} and {Counted.Of(vectors, "cached vector", "cached vectors")}",
                new OptimizationFigure("cached_entries", cached, null), new OptimizationFigure("cached_vectors", vectors, null));
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        await _cacheSync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _cache.Evict();
        }
        finally
        {
            _cacheSync.Release();
        }

        vectors = catalog is null ? 0 : await catalog.EvictCachesAsync(cancellationToken).ConfigureAwait(false);
        var connections = await _store.ReleaseMemoryAsync(cancellationToken).ConfigureAwait(false);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return new OptimizationResult(OptimizationStrategy.EvictCaches, OptimizationOutcome.Acted, Measured, before, after, TimeSpan.Zero,
            $"dropped {Counted.Of(cached, "cached entry", "cached entries")} and {Counted.Of(vectors, "cached vector", "cached vectors")}; "
            + $"released the page caches of {Counted.Of(connections, "database connection", "database connections")}")
        {
            Figures = [new OptimizationFigure("cached_entries", cached, _cache.Count), new OptimizationFigure("cached_vectors", vectors, catalog?.RecentDocumentCount ?? 0)],
        };
    }

    private static OptimizationResult CompactHeap(bool dryRun)
    {
        const string Measured = "GC heap (as of the latest collection)";
        var before = GC.GetGCMemoryInfo(GCKind.Any);
        if (dryRun)
        {
            return Result(OptimizationStrategy.CompactHeap, dryRun: true, Measured, before.HeapSizeBytes,
                $"would compact the large object heap ({DoctorText.Bytes(LargeObjectHeapBytes(before))}) and collect every generation; "
                + $"{DoctorText.Bytes(before.FragmentedBytes)} fragmented at the latest collection",
                [.. HeapFigures(before, null)]);
        }

        // A compacting, decommitting full collection (Aggressive), with the large object heap compacted this once.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo(GCKind.Any);
        return new OptimizationResult(OptimizationStrategy.CompactHeap, OptimizationOutcome.Acted, Measured, before.HeapSizeBytes, after.HeapSizeBytes, TimeSpan.Zero,
            $"compacted the large object heap and collected every generation (collection #{after.Index})")
        {
            Figures = HeapFigures(before, after),
        };
    }

    private static OptimizationFigure[] HeapFigures(GCMemoryInfo before, GCMemoryInfo? after) =>
    [
        new("fragmented_bytes", before.FragmentedBytes, after?.FragmentedBytes),
        new("loh_bytes", LargeObjectHeapBytes(before), after is { } a ? LargeObjectHeapBytes(a) : null),
        new("committed_bytes", before.TotalCommittedBytes, after?.TotalCommittedBytes),
        new("gc_index", before.Index, after?.Index),
    ];

    /// <summary>The large object heap's size after the collection <paramref name="info"/> describes.</summary>
    internal static long LargeObjectHeapBytes(GCMemoryInfo info) => info.GenerationInfo.Length > 3 ? info.GenerationInfo[3].SizeAfterBytes : 0;

    private async Task<OptimizationResult> CompactIndexAsync(bool dryRun, CancellationToken cancellationToken)
    {
        const string Measured = "vector index files";
        var files = IndexFiles();
        var bytes = files.Sum(file => file.Bytes);
        var catalog = _owner._catalog;
        var indexes = files.Where(file => file.Path.EndsWith(".hnsw", StringComparison.Ordinal)).Select(file => file.Path).ToList();
        if (indexes.Count == 0 && catalog is null)
        {
            return Skipped(OptimizationStrategy.CompactIndex, Measured, bytes, "no vector index: nothing has been embedded yet");
        }

        if (!dryRun && _store.IsReadOnly)
        {
            return Skipped(OptimizationStrategy.CompactIndex, Measured, bytes, "the store is read-only");
        }

        long deletedBefore = 0, deletedAfter = 0, memoryBefore = 0, memoryAfter = 0;
        if (catalog is not null)
        {
            if (dryRun)
            {
                deletedBefore = deletedAfter = catalog.DeletedCount;
                memoryBefore = catalog.MemoryBytes;
            }
            else
            {
                var compacted = await catalog.CompactAsync(cancellationToken).ConfigureAwait(false);
                (deletedBefore, deletedAfter, memoryBefore, memoryAfter) = (compacted.DeletedBefore, compacted.DeletedAfter, compacted.MemoryBefore, compacted.MemoryAfter);
            }
        }

        // Files no index of this process has loaded (other models', or every one in a command that searched nothing).
        foreach (var path in indexes.Where(path => catalog is null || !string.Equals(path, catalog.FilePath, StringComparison.Ordinal)))
        {
            try
            {
                var (before, after) = VectorCatalog.CompactFile(path, dryRun);
                deletedBefore += before;
                deletedAfter += after;
            }
            catch (Exception e) when (e is MnemoException or IOException or UnauthorizedAccessException)
            {
                // A damaged or vanished file is rebuilt by the next search, not compacted.
            }
        }

        if (dryRun)
        {
            return Result(OptimizationStrategy.CompactIndex, dryRun: true, Measured, bytes,
                $"would drop {Counted.Of(deletedBefore, "deleted node", "deleted nodes")} from the vector index",
                new OptimizationFigure("deleted_nodes", deletedBefore, null), new OptimizationFigure("index_memory_bytes", memoryBefore, null));
        }

        return new OptimizationResult(OptimizationStrategy.CompactIndex, OptimizationOutcome.Acted, Measured, bytes, IndexFiles().Sum(file => file.Bytes), TimeSpan.Zero,
            $"dropped {Counted.Of(deletedBefore - deletedAfter, "deleted node", "deleted nodes")} from the vector index"
            + (deletedAfter > 0 ? $"; {deletedAfter} left (another process was writing the index)" : ""))
        {
            Figures = [new OptimizationFigure("deleted_nodes", deletedBefore, deletedAfter), new OptimizationFigure("index_memory_bytes", memoryBefore, memoryAfter)],
        };
    }

    private long DatabaseFileBytes() => _store.GetFiles().Where(file => file.Kind == StoreFileKind.Database).Sum(file => file.Bytes);

    private long LogFileBytes() => _store.GetFiles().Where(file => file.Kind == StoreFileKind.WriteAheadLog).Sum(file => file.Bytes);

    /// <summary>A dry run's result (only the figures before), or a skipped one when it is not a dry run.</summary>
    private static OptimizationResult Result(string strategy, bool dryRun, string measured, long before, string summary, params OptimizationFigure[] figures) =>
        new(strategy, dryRun ? OptimizationOutcome.DryRun : OptimizationOutcome.Skipped, measured, before, null, TimeSpan.Zero, summary) { Figures = figures };

    private static OptimizationResult Skipped(string strategy, string measured, long before, string reason) =>
        new(strategy, OptimizationOutcome.Skipped, measured, before, null, TimeSpan.Zero, reason);
}

namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>The names of the optimisation strategies <see cref="MnemoEngine.OptimizeAsync"/> runs, in one place.</summary>
/// <remarks>
/// Strategies run in the order of <see cref="All"/>, whatever order they were asked in: entries are purged and archived and
/// the index compacted (dropping the archived entries' nodes) before the database is vacuumed, and the heap is compacted last, so that it collects what the others let go.
/// </remarks>
public static class OptimizationStrategy
{
    /// <summary>Removes expired entries with their history; measures the database's pages in use.</summary>
    public const string PurgeExpired = "purge-expired";

    /// <summary>Drops the vector index's deleted nodes (tombstones); measures the index files.</summary>
    public const string CompactIndex = "compact-index";

    /// <summary>
    /// Rebuilds the vector index with int8 codes from its own float vectors (a quarter of the vector bytes); measures the
    /// index files and memory and reports the recall@10 it keeps against the float index. The index stays int8 until a reindex.
    /// </summary>
    public const string QuantizeIndex = "quantize-index";

    /// <summary>
    /// Moves the current versions of entries unread and unwritten for <see cref="OptimizationRequest.ColdAfter"/> to
    /// compressed storage and drops them from the vector index; they stay readable and findable by full-text search.
    /// Measures the database's pages in use and the index files.
    /// </summary>
    public const string ArchiveCold = "archive-cold";

    /// <summary>Rewrites the database without free pages (SQLite VACUUM), then empties the write-ahead log; measures both files.</summary>
    public const string Vacuum = "vacuum";

    /// <summary>Copies the write-ahead log into the database and truncates it to nothing; measures the log file.</summary>
    public const string CheckpointWal = "checkpoint-wal";

    /// <summary>Empties the engine's read cache and the in-process caches beside it; measures the live managed heap.</summary>
    public const string EvictCaches = "evict-caches";

    /// <summary>Compacts the large object heap and collects every generation aggressively; measures the GC heap.</summary>
    public const string CompactHeap = "compact-heap";

    /// <summary>Every strategy, in the order they run.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PurgeExpired, ArchiveCold, CompactIndex, QuantizeIndex, Vacuum, CheckpointWal, EvictCaches, CompactHeap];

    /// <summary>
    /// What runs when no strategy is named: all but <see cref="ArchiveCold"/> and <see cref="QuantizeIndex"/>, which change
    /// what and how vector search finds.
    /// </summary>
    public static IReadOnlyList<string> Default { get; } = [PurgeExpired, CompactIndex, Vacuum, CheckpointWal, EvictCaches, CompactHeap];

    /// <summary>The strategies that act on a process rather than on the store: the ones a swarm request asks every process to run.</summary>
    public static IReadOnlyList<string> ProcessLocal { get; } = [EvictCaches, CompactHeap];

    /// <summary>True when <paramref name="name"/> is a strategy's name (exactly, lower case).</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The strategies to run for <paramref name="names"/>: <see cref="Default"/> when none, else each named one once, in
    /// the order of <see cref="All"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a strategy's; the message lists the known ones.</exception>
    public static IReadOnlyList<string> Resolve(IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return Default;
        }

        foreach (var name in names)
        {
            if (name is null || !IsKnown(name))
            {
                throw new ArgumentException(
                    $"{Errors.UserValue.Quote(name ?? "")} is not an optimization strategy: use one of {string.Join(", ", All)}", nameof(names));
            }
        }

        return All.Where(names.Contains).ToList();
    }
}

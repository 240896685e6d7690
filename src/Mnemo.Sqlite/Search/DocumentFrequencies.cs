using System.Collections.Concurrent;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite.Search;

/// <summary>
/// How many indexed entries hold a query word, counted up to a bound and remembered, so a search can tell rare words
/// (worth scoring every entry that holds them) from common ones (cheap to look up, costly to score everywhere).
/// </summary>
/// <remarks>
/// The counts only choose how a query is run, never how an entry scores, so a slightly stale count does no harm: they
/// are forgotten once the index has taken in <see cref="ForgetAfterChanges"/> more changes, by this process or another.
/// </remarks>
internal sealed class DocumentFrequencies
{
    /// <summary>Changes to the index after which remembered counts are dropped.</summary>
    public const long ForgetAfterChanges = 1000;

    // Bounds memory when queries keep bringing new words (typos, pasted text).
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private long _countedAt = -1;
    private long _entries = -1;

    /// <summary>
    /// Entries holding <paramref name="word"/> in their text (inside the namespace of <paramref name="namespaceToken"/>,
    /// when given), or <paramref name="bound"/> when at least that many do.
    /// </summary>
    public int Count(StoreConnection connection, string word, string? namespaceToken, int bound)
    {
        var remembered = namespaceToken is null ? word : $"{namespaceToken} {word}";
        if (_counts.TryGetValue(remembered, out var known))
        {
            return known;
        }

        // Counting stops at the bound: FTS5 walks the word's document list without scoring anything.
        var match = namespaceToken is null ? $"text : {Fts5Query.Quoted(word)}" : $"text : {Fts5Query.Quoted(word)} AND path : \"{namespaceToken}\"";
        var count = connection.Statement("SELECT count(*) FROM (SELECT 1 FROM search_text WHERE search_text MATCH $match LIMIT $bound)")
            .Bind("$match", match).Bind("$bound", bound).One(row => row.Int(0), 0);
        if (_counts.Count >= MaxRemembered)
        {
            _counts.Clear();
        }

        _counts[remembered] = count;
        return count;
    }

    /// <summary>How many entries the index holds (remembered as the counts are).</summary>
    public long Entries(StoreConnection connection)
    {
        var known = Interlocked.Read(ref _entries);
        if (known >= 0)
        {
            return known;
        }

        var entries = connection.Statement("SELECT count(*) FROM search_docs").One(row => row.Long(0), 0L);
        Interlocked.Exchange(ref _entries, entries);
        return entries;
    }

    /// <summary>
    /// Drops remembered counts when the index, now covering the log up to <paramref name="covered"/>, has moved on by many
    /// changes since they were taken.
    /// </summary>
    public void Refresh(long covered)
    {
        var countedAt = Interlocked.Read(ref _countedAt);
        if (countedAt < 0 || covered - countedAt >= ForgetAfterChanges || covered < countedAt)
        {
            _counts.Clear();
            Interlocked.Exchange(ref _entries, -1);
            Interlocked.Exchange(ref _countedAt, covered);
        }
    }
}

using Mnemo.Core;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;
using Mnemo.Sqlite.Internal;
using Mnemo.Sqlite.Search;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    private const string TextIndex = "search_text";

    // The meta setting naming the context rules the full-text index was built with ("v1:" and their spec), so that an index
    // built by older code or under other rules is rebuilt rather than searched.
    private const string TextIndexContext = "search_text_context";
    private const string TextIndexContextVersion = "v1:";

    // The kind, time, agent and tag conditions of a SearchFilter, over versions v ($kind, $since, $until, $agent, $tags as a JSON array).
    private const string FilterConditions = """
        AND ($kind IS NULL OR v.kind = $kind) AND ($since IS NULL OR v.updated_at >= $since) AND ($until IS NULL OR v.updated_at <= $until)
        AND ($agent IS NULL OR v.agent = $agent)
        AND ($tags = '[]' OR (SELECT count(*) FROM json_each($tags) t WHERE t.value IN (SELECT value FROM json_each(v.tags))) = json_array_length($tags))
        """;

    // How many index matches per result the first step of a full-text search takes before checking conditions.
    private const int TextOverfetch = 2;

    // How many entries a full-text query's words may find, and how many more its other words may weigh (MatchExpression).
    private const int FoundRowBudget = 300;
    private const int AllWordsRowBudget = 1500;
    private const int WeighedRowBudget = 10_000;

    // Keys re-indexed per transaction while catching up, so that writers are not held up for long.
    private const int CatchUpBatch = 500;

    /// <inheritdoc />
    public async ValueTask<long> CatchUpTextIndexAsync(CancellationToken cancellationToken = default)
    {
        // Most searches find the index current: checking that on a reader keeps them off the writer's lock.
        if (IsReadOnly || Read(connection => IsTextIndexBuiltFor(connection, LoadContextRules(connection))
                && TextIndexCovers(connection) >= connection.Statement("SELECT coalesce(max(seq), 0) FROM versions").One(row => row.Long(0), 0L)))
        {
            return 0;
        }

        var total = 0L;
        while (true)
        {
            var done = await WriteAsync(connection => CatchUpBatchOfKeys(connection, cancellationToken), cancellationToken).ConfigureAwait(false);
            total += done;
            if (done < CatchUpBatch)
            {
                return total;
            }
        }
    }

    /// <summary>The rules of which context is indexed beside each entry's text, as stored (the default when none were set).</summary>
    private static IndexContextRules LoadContextRules(StoreConnection connection) => IndexContextRules.Parse(
        connection.Statement("SELECT value FROM meta WHERE name = $name").Bind("$name", IndexContextRules.Setting).One(row => row.NullableText(0), null));

    /// <summary>True when the full-text index was built under <paramref name="rules"/>.</summary>
    private static bool IsTextIndexBuiltFor(StoreConnection connection, IndexContextRules rules) =>
        connection.Statement("SELECT value FROM meta WHERE name = $name").Bind("$name", TextIndexContext).One(row => row.NullableText(0), null)
        == TextIndexContextVersion + rules.Spec;

    /// <inheritdoc />
    /// <remarks>
    /// In two steps, because BM25 is computed inside FTS5 for every match while joining each match to its version costs
    /// several times more: first the best matches from the index alone (narrowed to the namespace by its token), then the
    /// conditions checked on those few. Only when the conditions reject so many that fewer than asked remain does the
    /// search run again with the conditions joined to every match. Words held by many entries only add to the score of
    /// entries found by rarer words (<see cref="Fts5Query.Build(IReadOnlyList{string}, IReadOnlyList{string}, string)"/>),
    /// which bounds how many rows FTS5 scores. FTS5 scores every row it finds before it can sort them anyway, so all the
    /// scores are read and kept: the entries another signal found are scored from them rather than by asking again
    /// (constraining the rowid with <c>rowid IN (...)</c> made FTS5 evaluate the expression once per version).
    /// </remarks>
    public ValueTask<TextMatches> SearchTextAsync(
        string query, SearchFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var terms = Fts5Query.Terms(query);
        if (terms.Count == 0)
        {
            return new(TextMatches.None);
        }

        return new(Read(connection =>
        {
            _documentFrequencies.Refresh(TextIndexCovers(connection));
            var match = MatchExpression(connection, terms, filter.Prefix);
            var overfetch = filter.Limit * TextOverfetch;
            var scores = connection.Statement("SELECT rowid, rank FROM search_text WHERE search_text MATCH $match").Bind("$match", match)
                .All(row => (Sequence: row.Long(0), Score: -row.Double(1)))
                .ToDictionary(row => row.Sequence, row => row.Score);
            var ranked = scores.Select(row => (Sequence: row.Key, Score: row.Value))
                .OrderByDescending(row => row.Score).ThenBy(row => row.Sequence).Take(overfetch).ToList();
            var allowed = FilterCurrent(connection, ranked.Select(hit => hit.Sequence).ToList(), filter, now)
                .ToDictionary(found => found.Sequence, found => found.Key);
            var hits = ranked.Where(hit => allowed.ContainsKey(hit.Sequence)).Take(filter.Limit).Select(hit => (allowed[hit.Sequence], hit.Score)).ToList();
            return new TextMatches(
                hits.Count == filter.Limit || ranked.Count < overfetch ? hits : SearchTextJoined(connection, match, filter, now),
                FullMatchScore(connection, terms),
                scores);
        }));
    }

    /// <summary>
    /// The MATCH expression for <paramref name="terms"/>, by how many entries of the namespace hold each word. When they
    /// hold few together (<see cref="AllWordsRowBudget"/>), every word finds entries, which is plain BM25. Otherwise the
    /// rarest words find entries while together they are held by at most <see cref="FoundRowBudget"/> entries (the rarest
    /// always does); the next ones only add to the score while together they are held by at most
    /// <see cref="WeighedRowBudget"/>; words more common than that are left out, as a stop word is.
    /// </summary>
    /// <remarks>
    /// FTS5 scores every row an expression finds (about 6 µs each) and, to weigh a word in BM25, first reads the whole
    /// list of entries holding it (about 0.15 µs per entry); the budgets bound both, so a query's cost does not grow with
    /// the index. Words are counted inside the searched namespace, so a word common in the whole store but rare in the
    /// namespace still finds entries there.
    /// </remarks>
    private string MatchExpression(StoreConnection connection, IReadOnlyList<string> terms, string keyPrefix)
    {
        var token = NamespaceTokens.For(keyPrefix);
        var byRarity = terms.Select(term => (Term: term, Count: _documentFrequencies.Count(connection, term, token, WeighedRowBudget + 1)))
            .OrderBy(term => term.Count).ToList();
        if (byRarity.Sum(term => (long)term.Count) <= AllWordsRowBudget)
        {
            return Fts5Query.Build([.. byRarity.Select(term => term.Term)], [], keyPrefix);
        }

        var found = new List<string>();
        var weighed = new List<string>();
        long foundRows = 0, weighedRows = 0;
        foreach (var (term, count) in byRarity)
        {
            if (found.Count == 0 || foundRows + count <= FoundRowBudget)
            {
                found.Add(term);
                foundRows += count;
            }
            else if (weighedRows + count <= WeighedRowBudget)
            {
                weighed.Add(term);
                weighedRows += count;
            }
        }

        return Fts5Query.Build(found, weighed, keyPrefix);
    }

    /// <summary>
    /// The sum of the query words' inverse document frequencies over the whole index, as FTS5's BM25 weighs them
    /// (<c>log((N - n + 0.5) / (n + 0.5))</c>, at least 1e-6): what an entry of average length holding each word once scores.
    /// </summary>
    private double FullMatchScore(StoreConnection connection, IReadOnlyList<string> terms)
    {
        var entries = _documentFrequencies.Entries(connection);
        return terms.Sum(term =>
        {
            var holding = _documentFrequencies.Count(connection, term, null, WeighedRowBudget + 1);
            return Math.Max(1e-6, Math.Log((entries - holding + 0.5) / (holding + 0.5)));
        });
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(long Sequence, string Key)>> FilterCurrentAsync(
        IReadOnlyList<long> sequences, SearchFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(filter);
        return sequences.Count == 0 ? new([]) : new(Read<IReadOnlyList<(long, string)>>(connection => FilterCurrent(connection, sequences, filter, now, withoutArchived: true)));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<(long Sequence, string Key)>> ReadCurrentSequencesAsync(CancellationToken cancellationToken = default) =>
        new(Read<IReadOnlyList<(long, string)>>(connection => connection
            .Statement("SELECT e.seq, e.key FROM entries e JOIN versions v ON v.seq = e.seq WHERE v.op = 0")
            .All(row => (row.Long(0), row.Text(1)))));

    /// <summary>Full-text matches with the filter's conditions joined to every match: slower, but complete under selective conditions.</summary>
    private static List<(string, double)> SearchTextJoined(StoreConnection connection, string match, SearchFilter filter, DateTimeOffset now)
    {
        // Only rows of the current version count: an index that has not caught up never returns a stale text.
        var rows = connection.Statement($"""
                SELECT v.key, search_text.rank
                FROM search_text JOIN versions v ON v.seq = search_text.rowid JOIN entries e ON e.key = v.key AND e.seq = v.seq
                WHERE search_text MATCH $match AND v.key >= $from AND v.key < $to AND {LiveAt}
                  {FilterConditions}
                ORDER BY search_text.rank LIMIT $limit
                """)
            .Bind("$match", match).Bind("$limit", filter.Limit);
        BindFilter(rows, filter, now);
        return rows.All(row => (row.Text(0), -row.Double(1)));
    }

    /// <summary>
    /// Of the given version sequence numbers, those that are current, live and pass the filter, with their keys; with
    /// <paramref name="withoutArchived"/> (vector matches), not archived either (archive-cold: an index loaded before the
    /// archive may still hold them).
    /// </summary>
    private static List<(long Sequence, string Key)> FilterCurrent(
        StoreConnection connection, IReadOnlyList<long> sequences, SearchFilter filter, DateTimeOffset now, bool withoutArchived = false)
    {
        if (sequences.Count == 0)
        {
            return [];
        }

        var rows = connection.Statement($"""
                SELECT v.seq, v.key FROM json_each($seqs) s JOIN versions v ON v.seq = s.value JOIN entries e ON e.key = v.key AND e.seq = v.seq
                WHERE v.key >= $from AND v.key < $to AND {LiveAt} {FilterConditions}
                  AND ($without_archived = 0 OR NOT EXISTS (SELECT 1 FROM archived r WHERE r.seq = v.seq))
                """)
            .Bind("$seqs", $"[{string.Join(',', sequences)}]").Bind("$without_archived", withoutArchived ? 1 : 0);
        BindFilter(rows, filter, now);
        return rows.All(row => (row.Long(0), row.Text(1)));
    }

    /// <inheritdoc />
    public ValueTask<TextChanges> ReadTextChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        new(Read(connection =>
        {
            // One snapshot, so that the identity is the one of the store whose changes these are (a restore may run meanwhile).
            connection.Execute("BEGIN");
            try
            {
                return ReadTextChanges(connection, afterSequence, limit, cancellationToken);
            }
            finally
            {
                connection.Execute("COMMIT");
            }
        }));

    private static TextChanges ReadTextChanges(StoreConnection connection, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var identity = SqliteSchema.ReadIdentity(connection);
        var (keys, read, through) = ChangedKeys(connection, afterSequence, limit);
        var rules = LoadContextRules(connection);
        var changes = new List<TextChange>(keys.Count);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = connection.Statement(SelectByKey).Bind("$key", key).One(row => (ReadPut(row), EntryRows.ReadSequence(row)), default);
            if (current == default)
            {
                continue;
            }

            // The version that was current at the caller's position: walk back along the key's chain.
            var replaced = connection.Statement("""
                    WITH RECURSIVE chain (seq, op, prev) AS (
                        SELECT v.seq, v.op, v.prev_seq FROM entries e JOIN versions v ON v.seq = e.seq WHERE e.key = $key
                        UNION ALL
                        SELECT v.seq, v.op, v.prev_seq FROM versions v JOIN chain c ON v.seq = c.prev WHERE c.seq > $after)
                    SELECT seq, op FROM chain WHERE seq <= $after LIMIT 1
                    """)
                .Bind("$key", key).Bind("$after", afterSequence)
                .One(row => row.Int(1) == (int)ChangeKind.Put ? (long?)row.Long(0) : null, null);
            // An archived version has no text for the vector index (archive-cold), so a rebuild leaves it out too.
            var archived = connection.Statement("SELECT 1 FROM archived WHERE seq = $seq").Bind("$seq", current.Item2).One(_ => true, false);
            changes.Add(new TextChange(key, current.Item2, current.Item1 is { } entry && !archived ? IndexedText.Of(entry, rules.For(key)) : null, replaced));
        }

        return new TextChanges(through, changes, read, identity);
    }

    /// <summary>The last change (versions.seq) the full-text index covers.</summary>
    private static long TextIndexCovers(StoreConnection connection) =>
        connection.Statement("SELECT coalesce((SELECT seq FROM derived WHERE name = $name), 0)").Bind("$name", TextIndex).One(row => row.Long(0), 0L);

    /// <summary>Indexes the keys changed by the next batch of the version log; returns how many changes it read.</summary>
    private static int CatchUpBatchOfKeys(StoreConnection connection, CancellationToken cancellationToken)
    {
        var rules = LoadContextRules(connection);
        if (!IsTextIndexBuiltFor(connection, rules))
        {
            // Built by older code or under other rules: every entry's indexed text may differ, so start again.
            connection.Statement("DELETE FROM search_text").Execute();
            connection.Statement("DELETE FROM search_docs").Execute();
            connection.Statement("DELETE FROM derived WHERE name = $name").Bind("$name", TextIndex).Execute();
            connection.Statement("INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .Bind("$name", TextIndexContext).Bind("$value", TextIndexContextVersion + rules.Spec).Execute();
        }

        var (keys, read, through) = ChangedKeys(connection, TextIndexCovers(connection), CatchUpBatch);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Reindex(connection, key, rules);
        }

        connection.Statement("INSERT INTO derived (name, seq) VALUES ($name, $seq) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq")
            .Bind("$name", TextIndex).Bind("$seq", through).Execute();
        return read;
    }

    /// <summary>Binds a filter's prefix range, time, kind, time bound and tags (the parameters of <see cref="FilterConditions"/> and <c>LiveAt</c>).</summary>
    private static void BindFilter(RawStatement statement, SearchFilter filter, DateTimeOffset now) => statement
        .Bind("$from", filter.Prefix).Bind("$to", filter.Prefix + PrefixEnd).Bind("$now", Timestamps.ToUnixMs(now))
        .Bind("$kind", filter.Kind).Bind("$agent", filter.Agent)
        .Bind("$since", filter.Since is { } since ? Timestamps.ToUnixMs(since) : null)
        .Bind("$until", filter.Until is { } until ? Timestamps.ToUnixMs(until) : null)
        .Bind("$tags", EntryRows.FormatTags(filter.Tags) ?? "[]");

    /// <summary>The keys changed by the next records of the log after <paramref name="after"/> (a rowid range, read once).</summary>
    private static (HashSet<string> Keys, int Read, long Through) ChangedKeys(StoreConnection connection, long after, int limit)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var read = 0;
        var through = after;
        var rows = connection.Statement("SELECT seq, key, op FROM versions WHERE seq > $after ORDER BY seq LIMIT $limit")
            .Bind("$after", after).Bind("$limit", limit);
        try
        {
            while (rows.Step())
            {
                read++;
                through = rows.Long(0);
                if (rows.Int(2) != (int)ChangeKind.Restore)
                {
                    keys.Add(rows.Text(1));
                }
            }
        }
        finally
        {
            rows.Reset();
        }

        return (keys, read, through);
    }

    /// <summary>Makes the index hold the key's current text, or nothing when the key is removed.</summary>
    private static void Reindex(StoreConnection connection, string key, IndexContextRules rules)
    {
        var indexed = connection.Statement("SELECT seq FROM search_docs WHERE key = $key").Bind("$key", key).One(row => (long?)row.Long(0), null);
        var current = connection.Statement(SelectByKey).Bind("$key", key).One(ReadPut, null);
        if (indexed is { } old && old == current?.Sequence)
        {
            return;
        }

        if (indexed is { } stale)
        {
            connection.Statement("DELETE FROM search_text WHERE rowid = $rowid").Bind("$rowid", stale).Execute();
            connection.Statement("DELETE FROM search_docs WHERE key = $key").Bind("$key", key).Execute();
        }

        if (current is not null)
        {
            connection.Statement("INSERT INTO search_text (rowid, text, path) VALUES ($rowid, $text, $path)").Bind("$rowid", current.Sequence)
                .Bind("$text", IndexedText.Of(current, rules.For(key))).Bind("$path", NamespaceTokens.Of(key)).Execute();
            connection.Statement("INSERT INTO search_docs (key, seq) VALUES ($key, $seq)").Bind("$key", key).Bind("$seq", current.Sequence)
                .Execute();
        }
    }
}

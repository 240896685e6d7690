using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// The plain baseline every mode is compared with: SQLite FTS5 BM25 over the turns' raw text, in a database of its own,
/// without any of Mnemo's search. What a developer gets in ten lines, and what the public benchmark measured as
/// "plain BM25".
/// </summary>
/// <remarks>
/// One FTS5 table per conversation (<c>tokenize='porter unicode61'</c>), so that term statistics are those of the
/// conversation searched, as a search confined to its namespace sees them. A question becomes its words, each
/// double-quoted, joined with OR (<see cref="Query"/>): nothing is dropped but punctuation, no stop words, no weights.
/// Results are ordered by <c>bm25()</c>.
/// </remarks>
internal sealed class Bm25Baseline : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, string> _tables;

    private Bm25Baseline(SqliteConnection connection, Dictionary<string, string> tables)
    {
        _connection = connection;
        _tables = tables;
    }

    /// <summary>Creates the database at <paramref name="path"/> and indexes every turn in its conversation's table.</summary>
    public static async Task<Bm25Baseline> BuildAsync(string path, IEnumerable<RecallTurn> turns, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = connection.BeginTransaction();
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var conversation in turns.GroupBy(t => t.Conversation, StringComparer.Ordinal))
                {
                    var table = string.Create(CultureInfo.InvariantCulture, $"turns_{tables.Count + 1}");
                    tables[conversation.Key] = table;
                    await ExecuteAsync(connection, transaction,
                        $"CREATE VIRTUAL TABLE {table} USING fts5 (key UNINDEXED, text, tokenize = 'porter unicode61')", cancellationToken)
                        .ConfigureAwait(false);
                    var insert = connection.CreateCommand();
                    await using (insert.ConfigureAwait(false))
                    {
                        insert.Transaction = transaction;
                        insert.CommandText = $"INSERT INTO {table} (key, text) VALUES ($key, $text)";
                        var key = insert.Parameters.Add("$key", SqliteType.Text);
                        var text = insert.Parameters.Add("$text", SqliteType.Text);
                        foreach (var turn in conversation)
                        {
                            (key.Value, text.Value) = (turn.Key, turn.Text);
                            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Bm25Baseline(connection, tables);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The keys of the best <paramref name="limit"/> turns of a conversation for a question, best first.</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string conversation, string question, int limit, CancellationToken cancellationToken)
    {
        var query = Query(question);
        if (query.Length == 0)
        {
            return [];
        }

        var table = _tables[conversation];
        var command = _connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = $"SELECT key FROM {table} WHERE {table} MATCH $query ORDER BY bm25({table}) LIMIT $limit";
            command.Parameters.AddWithValue("$query", query);
            command.Parameters.AddWithValue("$limit", limit);
            var keys = new List<string>(limit);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(reader.GetString(0));
                }
            }

            return keys;
        }
    }

    /// <summary>
    /// The FTS5 query of a question: its words (runs of letters and digits; an apostrophe or any other punctuation
    /// separates words, as the unicode61 tokenizer does) each double-quoted, joined with OR, e.g.
    /// <c>"What" OR "class" OR "did" OR "Melanie" OR "s" OR "sister" OR "take"</c>. Empty when the question has no word.
    /// </summary>
    public static string Query(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var query = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= question.Length; i++)
        {
            var inWord = i < question.Length && char.IsLetterOrDigit(question[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                query.Append(query.Length == 0 ? "\"" : " OR \"").Append(question, start, i - start).Append('"');
                start = -1;
            }
        }

        return query.ToString();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using Microsoft.Data.Sqlite;
using Mnemo.Sqlite.Search;

namespace Mnemo.Sqlite.Tests.Search;

/// <summary>Runs built queries against a real FTS5 table (porter, unicode61), as the store will.</summary>
public sealed class Fts5QueryTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Fts5QueryTests()
    {
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'porter unicode61')");
        foreach (var body in new[]
                 {
                     "We decided to optimize the database indexes before the launch",
                     "The user prefers green tea in the morning",
                     "NEAR the river AND the bridge OR NOT the road",
                     "Café opening hours changed",
                 })
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (body) VALUES ($body)";
            insert.Parameters.AddWithValue("$body", body);
            insert.ExecuteNonQuery();
        }
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("\"unterminated quote")]
    [InlineData("a\"b\"\"c")]
    [InlineData("(((")]
    [InlineData("NEAR(")]
    [InlineData("AND OR NOT")]
    [InlineData("body: tea")]
    [InlineData("^tea*")]
    [InlineData("tea -coffee +milk")]
    [InlineData("'; DROP TABLE docs; --")]
    [InlineData("{body}: tea")]
    [InlineData("tea\0milk\u0001")]
    [InlineData("🙂 emoji ✓ and ünïcödé")]
    public void Build_HostileInput_NeverMakesAnFts5SyntaxError(string input)
    {
        var query = Fts5Query.Build(input);

        var exception = Record.Exception(() => Match(query ?? "\"\""));

        Assert.Null(exception);
    }

    [Fact]
    public void Build_VeryLongInput_KeepsAtMostMaxWords()
    {
        var input = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => $"word{i}"));

        var query = Fts5Query.Build(input)!;

        Assert.Equal(Fts5Query.MaxWords, query.Split(" OR ").Length);
        Assert.Empty(Match(query));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.,;")]
    public void Build_NoWords_ReturnsNull(string input) => Assert.Null(Fts5Query.Build(input));

    [Fact]
    public void Build_Question_FindsTheEntryByAnyOfItsWords_StemmedByPorter()
    {
        var results = Match(Fts5Query.Build("what did we decide about optimizing indexes?")!);

        Assert.Equal("We decided to optimize the database indexes before the launch", results[0]);
    }

    [Fact]
    public void Build_OperatorWords_AreSearchedAsText()
    {
        var results = Match(Fts5Query.Build("NEAR bridge")!);

        Assert.Equal(["NEAR the river AND the bridge OR NOT the road"], results);
    }

    [Fact]
    public void Build_RepeatedWords_AppearOnce() =>
        Assert.Equal("\"tea\" OR \"milk\"", Fts5Query.Build("tea TEA tea, milk"));

    private List<string> Match(string query)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT body FROM docs WHERE docs MATCH $query ORDER BY bm25(docs)";
        select.Parameters.AddWithValue("$query", query);
        using var reader = select.ExecuteReader();
        var results = new List<string>();
        while (reader.Read())
        {
            results.Add(reader.GetString(0));
        }

        return results;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

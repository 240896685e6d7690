using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Maintenance;
using Mnemo.Sqlite.Internal;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>
/// Schema 7's running totals per namespace, which make measuring the store cheap, stay equal to a recount of the versions
/// and entries whatever path wrote them.
/// </summary>
[Trait("Issue", "17")]
public sealed class NamespaceTotalsTests : EngineTestBase
{
    // The scan that measured namespaces before schema 7, written independently of the totals and of the check's recount.
    private const string Recount = """
        SELECT v.namespace, count(*), sum(v.raw_size + coalesce(length(CAST(v.metadata AS BLOB)), 0))
        FROM entries e JOIN versions v ON v.seq = e.seq WHERE v.op = 0 GROUP BY v.namespace ORDER BY v.namespace
        """;

    private const string RecountHistory = """
        SELECT v.namespace, count(*) FROM versions v
        WHERE v.op <> 4 AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.key = v.key AND e.seq = v.seq)
        GROUP BY v.namespace ORDER BY v.namespace
        """;

    [Fact]
    public async Task Totals_AfterARandomMixOfEveryWritePath_EqualARecount()
    {
        var random = new Random(17);
        var keys = Enumerable.Range(0, 40).Select(i => $"{(char)('a' + (i % 4))}/{i % 3}/k{i}").ToArray();
        for (var step = 0; step < 400; step++)
        {
            var key = keys[random.Next(keys.Length)];
            switch (random.Next(6))
            {
                case 0 or 1:
                    await Engine.StoreAsync(new MemoryWrite { Key = key, Text = new string('x', random.Next(1, 200)) }, Ct);
                    break;
                case 2:
                    await Engine.StoreAsync(new MemoryWrite
                    {
                        Key = key,
                        Text = "with metadata",
                        Metadata = JsonDocument.Parse($$"""{"n":{{step}}}""").RootElement,
                        TimeToLive = TimeSpan.FromMinutes(random.Next(1, 30)),
                    }, Ct);
                    break;
                case 3:
                    await ForgetIfPresentAsync(key, purgeHistory: false);
                    break;
                case 4:
                    await ForgetIfPresentAsync(key, purgeHistory: true);
                    break;
                default:
                    Clock.Advance(TimeSpan.FromMinutes(5));
                    await Engine.CleanAsync(new CleanOptions { PurgeHistory = random.Next(2) == 0 }, Ct);
                    break;
            }
        }

        var sizes = (await Engine.GetMetricsAsync(2, Ct)).Store.Namespaces;

        Assert.Empty((await Engine.CheckAsync(Ct)).Problems);
        var live = Query(Recount, row => (row.GetString(0), row.GetInt64(1), row.GetInt64(2)));
        var history = Query(RecountHistory, row => (row.GetString(0), row.GetInt64(1)));
        Assert.Equal(live.Where(n => n.Item2 > 0), sizes.Where(n => n.Entries > 0).Select(n => (n.Prefix, n.Entries, n.Bytes)));
        Assert.Equal(history, sizes.Where(n => n.HistoryVersions > 0).Select(n => (n.Prefix, n.HistoryVersions)));
    }

    [Fact]
    public async Task Open_Version6File_GainsTotalsEqualToARecount()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "p/1", Text = "one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/1", Text = "one, changed" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "q/2", Text = "two" }, Ct);
        await Engine.ForgetAsync("q/2", cancellationToken: Ct);
        await Engine.DisposeAsync();

        // What a schema 6 file looks like: no totals, no triggers.
        Execute("""
            DROP TRIGGER versions_insert_totals; DROP TRIGGER versions_delete_totals; DROP TRIGGER versions_update_totals;
            DROP TRIGGER entries_insert_totals; DROP TRIGGER entries_update_totals; DROP TRIGGER entries_delete_totals;
            DROP TABLE namespace_totals; PRAGMA user_version = 6
            """);

        await using var migrated = await OpenAsync();
        var sizes = (await migrated.GetMetricsAsync(1, Ct)).Store.Namespaces;

        Assert.Equal(SqliteSchema.CurrentVersion, (await migrated.GetStatusAsync(Ct)).Store.SchemaVersion);
        Assert.True((await migrated.CheckAsync(Ct)).IsHealthy);
        Assert.Equal([("p", 1L, 1L), ("q", 0L, 1L)], sizes.Select(n => (n.Prefix, n.Entries, n.HistoryVersions)));
        Assert.Equal(Query(Recount, row => row.GetInt64(2))[0], sizes[0].Bytes);
    }

    [Fact]
    public async Task Check_TotalsEditedByHand_ReportsTheNamespace()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "p/1", Text = "one" }, Ct);
        Execute("UPDATE namespace_totals SET entries = entries + 5 WHERE namespace = 'p'");

        var report = await Engine.CheckAsync(Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("namespace 'p'", problem, StringComparison.Ordinal);
        Assert.Contains("6 entries", problem, StringComparison.Ordinal);
        Assert.Contains("1 entries", problem, StringComparison.Ordinal);
    }

    private async Task ForgetIfPresentAsync(string key, bool purgeHistory)
    {
        if (await Engine.GetAsync(key, Ct) is not null)
        {
            await Engine.ForgetAsync(key, purgeHistory: purgeHistory, cancellationToken: Ct);
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        var list = new List<T>();
        while (rows.Read())
        {
            list.Add(read(rows));
        }

        return list;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Text.Json;

namespace Mnemo.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Store_ThenGetJson_ReturnsEveryField()
    {
        var stored = await _cli.RunAsync("store", "project/decisions/db", "We chose SQLite", "--value", """{"choice":"sqlite"}""",
            "--kind", "decision", "--tags", "db, architecture", "--metadata", """{"source":"chat"}""", "--importance", "0.8",
            "--ttl", "2h", "--agent", "planner");
        var got = await _cli.RunAsync("get", "project/decisions/db", "--json");

        Assert.Equal(0, stored.ExitCode);
        Assert.Equal(0, got.ExitCode);
        var json = got.Json();
        Assert.Equal("We chose SQLite", json.GetProperty("text").GetString());
        Assert.Equal("sqlite", json.GetProperty("value").GetProperty("choice").GetString());
        Assert.Equal("decision", json.GetProperty("kind").GetString());
        Assert.Equal(["db", "architecture"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("chat", json.GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal(0.8, json.GetProperty("importance").GetDouble());
        Assert.Equal("planner", json.GetProperty("agent").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.String, json.GetProperty("expires_at").ValueKind);
    }

    [Fact]
    public async Task Get_UnknownKey_ExitsOneWithMessage()
    {
        var result = await _cli.RunAsync("get", "no/such/key");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no entry 'no/such/key'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_StaleExpectVersion_ExitsOneAndKeepsTheEntry()
    {
        await _cli.RunAsync("store", "a/b", "one");
        await _cli.RunAsync("store", "a/b", "two");

        var result = await _cli.RunAsync("store", "a/b", "stale", "--expect-version", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("conflict", result.Error, StringComparison.Ordinal);
        Assert.Equal("two", (await _cli.RunAsync("get", "a/b", "--json")).Json().GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("store", "bad key", "x")]
    [InlineData("store", "a/b", "x", "--value", "{oops")]
    [InlineData("store", "a/b", "x", "--metadata", "[1]")]
    [InlineData("store", "a/b", "x", "--ttl", "soon")]
    [InlineData("store", "a/b", "x", "--importance", "3")]
    [InlineData("store", "a/b", "x", "--no-such-option")]
    [InlineData("list", "--limit", "0")]
    [InlineData("clean", "--unused-for", "forever")]
    [InlineData("import", "missing-file.jsonl")]
    [InlineData("get", "a/b", "--as-of", "yesterday-ish")]
    public async Task BadInput_ExitsOneWithOneLineAndWritesNothing(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("mnemo: ", result.Error, StringComparison.Ordinal);
        var status = await _cli.RunAsync("status", "--json");
        Assert.Equal(0, status.Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Store_TooLargeForTheLimit_ExitsOne()
    {
        var result = await _cli.RunAsync("store", "a/b", new string('x', 2_000_000));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_InMissingDirectory_ExitsOneNamingIt()
    {
        var result = await CliHarness.RunRawAsync("status", "--db", _cli.Temp.File("nope/memory.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_NotSqlite_ExitsOne()
    {
        var path = _cli.Temp.File("text.db");
        await File.WriteAllTextAsync(path, "hello, I am a text file", TestContext.Current.CancellationToken);

        var result = await CliHarness.RunRawAsync("list", "--db", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a SQLite database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_Damaged_ExitsTwo()
    {
        for (var i = 0; i < 50; i++)
        {
            await _cli.RunAsync("store", $"a/{i}", new string('x', 400));
        }

        var bytes = await File.ReadAllBytesAsync(_cli.Database, TestContext.Current.CancellationToken);
        new Random(5).NextBytes(bytes.AsSpan(100));
        await File.WriteAllBytesAsync(_cli.Database, bytes, TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("damaged", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_NewerSchema_ExitsOneAskingForAnUpgrade()
    {
        await _cli.RunAsync("store", "a/b", "one");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 42";
            command.ExecuteNonQuery();
        }

        var result = await _cli.RunAsync("get", "a/b");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("upgrade mnemo", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public async Task Database_ReadOnlyFile_ReadsWorkWritesExitOne()
    {
        await _cli.RunAsync("store", "a/b", "one");
        File.SetUnixFileMode(_cli.Database, UnixFileMode.UserRead);

        var read = await _cli.RunAsync("get", "a/b");
        var write = await _cli.RunAsync("store", "a/c", "two");

        Assert.Equal(0, read.ExitCode);
        Assert.Equal(1, write.ExitCode);   // the caller asked to write what they may only read
        Assert.Contains("read-only", write.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJson_PagesWithNextAfter()
    {
        foreach (var key in new[] { "p/1", "p/2", "p/3", "q/1" })
        {
            await _cli.RunAsync("store", key, $"text {key}");
        }

        var first = (await _cli.RunAsync("list", "p/", "--limit", "2", "--json")).Json();
        var second = (await _cli.RunAsync("list", "p/", "--limit", "2", "--after", first.GetProperty("next_after").GetString()!, "--json")).Json();
        var all = (await _cli.RunAsync("list", "--limit", "1", "--all", "--json")).Json();

        Assert.Equal(["p/1", "p/2"], first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(["p/3"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_after").ValueKind);
        Assert.Equal(4, all.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task HistoryJson_ShowsPutsAndDeletes()
    {
        await _cli.RunAsync("store", "a/b", "one");
        await _cli.RunAsync("store", "a/b", "two");
        await _cli.RunAsync("forget", "a/b");

        var history = (await _cli.RunAsync("history", "a/b", "--json")).Json();

        Assert.Equal(["put", "put", "delete"], history.EnumerateArray().Select(v => v.GetProperty("change").GetString()));
        Assert.Equal("one", history[0].GetProperty("entry").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Forget_PatternDryRunThenReal()
    {
        await _cli.RunAsync("store", "session-1/a", "x");
        await _cli.RunAsync("store", "session-1/b/c", "y");
        await _cli.RunAsync("store", "session-2/a", "z");

        var dry = (await _cli.RunAsync("forget", "session-1/**", "--dry-run", "--json")).Json();
        var real = (await _cli.RunAsync("forget", "session-1/**", "--json")).Json();

        Assert.True(dry.GetProperty("dry_run").GetBoolean());
        Assert.Equal(2, dry.GetProperty("count").GetInt32());
        Assert.Equal(2, real.GetProperty("count").GetInt32());
        Assert.Equal(1, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task ExportImport_ThroughFiles_RoundTrip()
    {
        await _cli.RunAsync("store", "a/b", "one", "--tags", "t1");
        await _cli.RunAsync("store", "a/c", "two", "--value", "[1,2,3]");
        var file = _cli.Temp.File("out.jsonl");

        var export = await _cli.RunAsync("export", file, "--json");
        var refused = await _cli.RunAsync("export", file);
        var copy = _cli.Temp.File("copy.db");
        var import = await CliHarness.RunRawAsync("import", file, "--format", "jsonl", "--db", copy, "--json");
        var list = await CliHarness.RunRawAsync("list", "--db", copy, "--json");

        Assert.Equal(2, export.Json().GetProperty("exported").GetInt64());
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(2, import.Json().GetProperty("imported").GetInt64());
        Assert.Equal("[1,2,3]", list.Json().GetProperty("entries")[1].GetProperty("value").GetRawText().Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public async Task ExportImport_WithLinks_RoundTripsTheLinksAndCountsThem()
    {
        await _cli.RunAsync("store", "kb/db", "We chose SQLite");
        await _cli.RunAsync("store", "kb/wal", "WAL mode");
        await _cli.RunAsync("link", "kb/db", "kb/wal", "--relation", "uses", "--weight", "0.5");
        var file = _cli.Temp.File("out.jsonl");

        var export = await _cli.RunAsync("export", file, "--json");
        var copy = _cli.Temp.File("copy.db");
        var import = await CliHarness.RunRawAsync("import", file, "--db", copy, "--json");
        var neighbors = await CliHarness.RunRawAsync("neighbors", "kb/db", "--db", copy, "--json");

        Assert.Equal(1, export.Json().GetProperty("links").GetInt64());
        Assert.Equal(2, import.Json().GetProperty("imported").GetInt64());
        Assert.Equal(1, import.Json().GetProperty("links").GetInt64());
        var neighbor = Assert.Single(neighbors.Json().EnumerateArray());
        Assert.Equal("kb/wal", neighbor.GetProperty("key").GetString());
        Assert.Equal("uses", neighbor.GetProperty("relation").GetString());
        Assert.Equal(0.5, neighbor.GetProperty("weight").GetDouble());
    }

    [Fact]
    public async Task Import_LinkToUnknownKey_ExitsOneNamingTheKeyAndLine()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
            ["""{"key":"a/1","text":"fine"}""", """{"link":{"from":"a/1","to":"a/404"}}"""], TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("'a/404'", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Import_BadLine_ExitsOneWithLineNumber()
    {
        var file = _cli.Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"a/1","text":"fine"}""", """{"key":"a/2"}"""], TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Import_UnknownFormat_ExitsOne()
    {
        var result = await _cli.RunAsync("import", "x.csv", "--format", "csv");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task BackupRestoreCheck_Work()
    {
        await _cli.RunAsync("store", "a/b", "one");
        var backup = _cli.Temp.File("backup.db");

        var made = await _cli.RunAsync("backup", backup);
        await _cli.RunAsync("store", "a/b", "two");
        var restored = await _cli.RunAsync("restore", backup);
        var check = await _cli.RunAsync("check", "--json");

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal("one", (await _cli.RunAsync("get", "a/b", "--json")).Json().GetProperty("text").GetString());
        Assert.True(check.Json().GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Clean_RemovesExpiredEntries()
    {
        await _cli.RunAsync("store", "s/x", "short lived", "--ttl", "1ms");
        await _cli.RunAsync("store", "s/y", "long lived");

        var clean = (await _cli.RunAsync("clean", "--json")).Json();

        Assert.Equal(["s/x"], clean.GetProperty("expired").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task StatusJson_SaysWhichDatabaseAndItsSizes()
    {
        await _cli.RunAsync("store", "a/b", new string('r', 4000));

        var status = (await _cli.RunAsync("status", "--json")).Json();

        Assert.Equal(_cli.Database, status.GetProperty("database").GetString());
        Assert.Equal(1, status.GetProperty("live_entries").GetInt64());
        Assert.Equal(1, status.GetProperty("compressed_contents").GetInt64());
        Assert.True(status.GetProperty("database_bytes").GetInt64() > 0);
    }

    [Fact]
    public async Task BenchKv_SmallRun_ReportsBothSidesAndRatios()
    {
        var result = await _cli.RunAsync("bench", "kv", "--count", "300", "--value-size", "64", "--pattern", "mixed", "--batch-size", "50",
            "--dir", _cli.Temp.File("bench"), "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        foreach (var phase in new[] { "put_batched", "put_single", "get_hot", "get_all", "mixed" })
        {
            Assert.True(json.GetProperty("mnemo").GetProperty(phase).GetProperty("ops_per_sec").GetDouble() > 0, phase);
            Assert.True(json.GetProperty("sqlite").GetProperty(phase).GetProperty("p99_us").GetDouble() > 0, phase);
            Assert.True(json.GetProperty("ratio_mnemo_to_sqlite_ops_per_sec").GetProperty(phase).GetDouble() > 0, phase);
        }
    }

    [Fact]
    public async Task SearchJson_ImportedConversation_ReturnsTheNamespacesBestMatchFirst()
    {
        var file = _cli.Temp.File("conv.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"conv/1/turn-1","text":"I adopted a cat named Miso last week","metadata":{"speaker":"user"}}""",
            """{"key":"conv/1/turn-2","text":"My sister lives in Porto"}""",
            """{"key":"conv/2/turn-1","text":"The cat food brand we like is sold out"}""",
        ], TestContext.Current.CancellationToken);
        await _cli.RunAsync("import", file, "--format", "jsonl");

        var result = await _cli.RunAsync("search", "what is the name of my cat?", "--namespace", "conv/1/", "--json");

        Assert.Equal(0, result.ExitCode);
        var hits = result.Json().EnumerateArray().ToList();
        Assert.Equal("conv/1/turn-1", hits[0].GetProperty("key").GetString());
        Assert.InRange(hits[0].GetProperty("score").GetDouble(), 0.6, 1.0);
        Assert.Equal("user", hits[0].GetProperty("metadata").GetProperty("speaker").GetString());
        Assert.All(hits, hit => Assert.StartsWith("conv/1/", hit.GetProperty("key").GetString(), StringComparison.Ordinal));
        Assert.All(hits, hit => Assert.True(hit.TryGetProperty("updated_at", out _)));
    }

    [Fact]
    public async Task SearchExplain_AddsEachSignalsPart()
    {
        await _cli.RunAsync("store", "a/b", "database backup schedule");

        var result = await _cli.RunAsync("search", "database backup", "--explain", "--json");

        var explain = result.Json()[0].GetProperty("explain");
        Assert.Equal(1, explain.GetProperty("rank").GetInt32());
        Assert.True(explain.GetProperty("text").GetProperty("bm25").GetDouble() > 0);
        Assert.InRange(explain.GetProperty("text").GetProperty("normalized").GetDouble(), 0.8, 1.0);
        Assert.True(explain.GetProperty("vector").GetProperty("cosine").GetDouble() > 0.7);
        Assert.InRange(explain.GetProperty("vector").GetProperty("normalized").GetDouble(), 0.8, 1.0);
        Assert.Equal(result.Json()[0].GetProperty("score").GetDouble(), explain.GetProperty("text").GetProperty("part").GetDouble()
            + explain.GetProperty("vector").GetProperty("part").GetDouble() + explain.GetProperty("recency").GetDouble()
            + explain.GetProperty("importance").GetDouble() + explain.GetProperty("use").GetDouble(), 4);
    }

    [Fact]
    public async Task Search_NothingMatches_PrintsAnEmptyArray()
    {
        await _cli.RunAsync("store", "a/b", "hello");

        var result = await _cli.RunAsync("search", "\"unbalanced (( NEAR", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Json().GetArrayLength());
    }

    [Fact]
    public async Task BenchAnn_TinyDataset_PrintsTheContractJson()
    {
        // 200 random 8-d vectors; exact truth by brute force (L2), so recall at a wide beam must be near 1.
        var random = new Random(9);
        float[] Vectors(int rows) => Enumerable.Range(0, rows * 8).Select(_ => (float)random.NextDouble()).ToArray();
        var data = Vectors(200);
        var queries = Vectors(20);
        var truth = Enumerable.Range(0, 20).SelectMany(q => Enumerable.Range(0, 200)
            .OrderBy(i => Enumerable.Range(0, 8).Sum(d => Math.Pow(data[i * 8 + d] - queries[q * 8 + d], 2)))
            .Take(10)).ToArray();
        var ct = TestContext.Current.CancellationToken;
        await Mnemo.Benchmarks.Ann.TexmexWriter.WriteFvecsAsync(_cli.Temp.File("b.fvecs"), new(data, 200, 8), ct);
        await Mnemo.Benchmarks.Ann.TexmexWriter.WriteFvecsAsync(_cli.Temp.File("q.fvecs"), new(queries, 20, 8), ct);
        await Mnemo.Benchmarks.Ann.TexmexWriter.WriteIvecsAsync(_cli.Temp.File("g.ivecs"), new(truth, 20, 10), ct);

        var result = await CliHarness.RunRawAsync("bench", "ann", "--base", _cli.Temp.File("b.fvecs"), "--queries", _cli.Temp.File("q.fvecs"),
            "--truth", _cli.Temp.File("g.ivecs"), "--metric", "l2", "--ef-search", "10,100", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.True(json.GetProperty("build_seconds").GetDouble() > 0);
        Assert.True(json.GetProperty("index_bytes").GetInt64() > 0);
        Assert.Equal([10, 100], json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ef").GetInt32()));
        Assert.True(json.GetProperty("results")[1].GetProperty("recall_at_10").GetDouble() >= 0.95);
    }

    [Fact]
    public async Task BenchAnn_MissingFile_ExitsOne()
    {
        var result = await CliHarness.RunRawAsync("bench", "ann", "--base", "nope.fvecs", "--queries", "nope.fvecs", "--truth", "nope.ivecs");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void EveryOptionAndArgument_HasADescription()
    {
        var root = MnemoCli.BuildRoot();
        var missing = new List<string>();
        void Visit(System.CommandLine.Command command, string path)
        {
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add(path);
            }

            missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{path} {o.Name}"));
            missing.AddRange(command.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{path} {a.Name}"));
            foreach (var sub in command.Subcommands)
            {
                Visit(sub, $"{path} {sub.Name}");
            }
        }

        Visit(root, "mnemo");

        Assert.Empty(missing);
    }
}

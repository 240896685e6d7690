using System.Globalization;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>Real processes sharing one database file, as agents do.</summary>
public sealed class MultiProcessTests : IDisposable
{
    private const int Workers = 4;
    private const int EntriesPerWorker = 150;
    private const int SharedCounters = 2;

    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FourWriterProcesses_SharedDatabase_LoseNoWriteAndKeepEveryVersion()
    {
        var database = _temp.File("shared.db");
        var workers = Enumerable.Range(0, Workers)
            .Select(id => CliHarness.RunProcessAsync("Mnemo.TestWorker.dll",
                [database, id.ToString(CultureInfo.InvariantCulture), EntriesPerWorker.ToString(CultureInfo.InvariantCulture),
                 SharedCounters.ToString(CultureInfo.InvariantCulture)]))
            .ToList();

        var results = await Task.WhenAll(workers);

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.ToString()));
        await using var engine = await TestEngines.OpenAsync(database);
        for (var id = 0; id < Workers; id++)
        {
            var page = await engine.ListAsync($"workers/w{id}/", limit: 1000, cancellationToken: Ct);
            Assert.Equal(EntriesPerWorker, page.Entries.Count);
            Assert.All(page.Entries, entry => Assert.Equal($"worker-{id}", entry.Agent));
        }

        var writes = Workers * EntriesPerWorker;
        var expected = Enumerable.Range(0, Workers)
            .SelectMany(id => Enumerable.Range(0, EntriesPerWorker).Select(i => $"{id}:{i}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var key in Enumerable.Range(0, SharedCounters).Select(c => $"shared/counter-{c}").Append("shared/log"))
        {
            var history = await engine.GetHistoryAsync(key, Ct);
            Assert.Equal(Enumerable.Range(1, writes).Select(v => (long)v), history.Select(v => v.Version));
            Assert.Equal(expected, history.Select(v => v.Entry!.Text).Order(StringComparer.Ordinal));
        }

        Assert.True((await engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    [Trait("Issue", "15")]
    public async Task TwoProcessesCatchingUpTheVectorIndex_LeaveAnIndexThatFindsEveryEntry()
    {
        // Each round persists its catch-up (a delta frame, or the whole file) while the other process does the same: the
        // file and its delta must stay readable and consistent, and whatever a process could not persist is caught up by
        // the next one.
        const int Rounds = 25;
        var database = _temp.File("catch-up.db");
        var workers = Enumerable.Range(0, 2)
            .Select(id => CliHarness.RunProcessAsync("Mnemo.TestWorker.dll",
                ["store-search", database, id.ToString(CultureInfo.InvariantCulture), Rounds.ToString(CultureInfo.InvariantCulture)]))
            .ToList();

        var results = await Task.WhenAll(workers);

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.ToString()));
        var index = Assert.Single(Directory.GetFiles(_temp.Path, "*.hnsw"));
        await using var engine = await TestEngines.OpenAsync(database);
        for (var id = 0; id < 2; id++)
        {
            for (var round = 0; round < Rounds; round++)
            {
                var hits = await engine.SearchAsync($"marker{id}x{round}",
                    new Core.SearchFilter { Mode = Core.SearchMode.Vector, Limit = 3 }, Ct);
                Assert.Equal($"catch/w{id}/n{round}", hits[0].Entry.Key);
            }
        }

        Assert.True(File.Exists(index));
    }

    [Fact]
    public async Task CachedRead_AfterAnotherProcessWrites_SeesTheNewVersion()
    {
        var database = _temp.File("coherence.db");
        var first = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "shared/plan", "version one", "--db", database]);
        Assert.Equal(0, first.ExitCode);

        using var reader = CliHarness.Start("Mnemo.TestWorker.dll", ["read-twice", database, "shared/plan"]);
        Assert.Equal("version one", await reader.StandardOutput.ReadLineAsync(Ct));
        var second = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "shared/plan", "version two", "--db", database]);
        Assert.Equal(0, second.ExitCode);
        await reader.StandardInput.WriteLineAsync("go");
        await reader.StandardInput.FlushAsync(Ct);

        Assert.Equal("version two", await reader.StandardOutput.ReadLineAsync(Ct));
        await reader.WaitForExitAsync(Ct);
    }

    [Fact]
    public async Task ImportKilledPartWay_LeavesWholeBatchesOnly()
    {
        var database = _temp.File("import.db");
        var file = _temp.File("big.jsonl");
        const int lines = 40_000;
        const int batch = 500;
        await File.WriteAllLinesAsync(file,
            Enumerable.Range(0, lines).Select(i => $$"""{"key":"bulk/item-{{i:D6}}","text":"entry number {{i}} with some text to store"}"""), Ct);

        using (var import = CliHarness.Start("mnemo.dll",
                   ["import", file, "--batch-size", batch.ToString(CultureInfo.InvariantCulture), "--progress", "--db", database]))
        {
            // The first progress line is printed after the first batch commits; kill the process right then.
            var firstProgress = await import.StandardError.ReadLineAsync(Ct);
            Assert.StartsWith("imported ", firstProgress, StringComparison.Ordinal);
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync(Ct);
        }

        var count = await CountAsync(database);
        Assert.True(count is > 0 and < lines, $"count {count}: the import must have been killed part-way");
        Assert.Equal(0, count % batch);
        await using var engine = await TestEngines.OpenAsync(database);
        Assert.True((await engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task DefaultLocation_FollowsMnemoHomeAndMnemoDb()
    {
        var home = _temp.File("home");
        var explicitDb = _temp.File("explicit.db");

        var viaHome = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "a/b", "x", "--json"], new Dictionary<string, string?> { ["MNEMO_HOME"] = home });
        var homeStatus = await CliHarness.RunProcessAsync("mnemo.dll", ["status", "--json"], new Dictionary<string, string?> { ["MNEMO_HOME"] = home });
        var viaDb = await CliHarness.RunProcessAsync("mnemo.dll", ["status", "--json"],
            new Dictionary<string, string?> { ["MNEMO_HOME"] = home, ["MNEMO_DB"] = explicitDb });

        Assert.Equal(0, viaHome.ExitCode);
        Assert.Equal(Path.Combine(home, "memory.db"), homeStatus.Json().GetProperty("database").GetString());
        Assert.Equal(1, homeStatus.Json().GetProperty("live_entries").GetInt64());
        Assert.Equal(explicitDb, viaDb.Json().GetProperty("database").GetString());
        Assert.Equal(0, viaDb.Json().GetProperty("live_entries").GetInt64());
    }

    [Fact]
    public async Task Store_ReadsTextFromStandardInput_WhenTextIsDash()
    {
        var database = _temp.File("stdin.db");
        using var process = CliHarness.Start("mnemo.dll", ["store", "notes/piped", "-", "--db", database]);
        await process.StandardInput.WriteAsync("text from a pipe");
        process.StandardInput.Close();
        await process.WaitForExitAsync(Ct);

        var got = await CliHarness.RunProcessAsync("mnemo.dll", ["get", "notes/piped", "--json", "--db", database]);

        Assert.Equal("text from a pipe", got.Json().GetProperty("text").GetString());
    }

    private static async Task<long> CountAsync(string database)
    {
        var status = await CliHarness.RunProcessAsync("mnemo.dll", ["status", "--json", "--db", database]);
        return status.ExitCode == 0 ? status.Json().GetProperty("live_entries").GetInt64() : 0;
    }
}

using System.Globalization;
using System.Text.Json;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>Swarm coordination between real processes on one database file.</summary>
public sealed class CoordinationProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("last-write-wins")]
    [InlineData("merge")]
    [InlineData("manual")]
    public async Task TwoProcesses_WritingFromTheSameVersion_AreSettledByThePolicy(string policy)
    {
        var db = _temp.File($"{policy}.db");
        await MnemoAsync(db, "conflicts", "policy", "set", "team/", policy);
        await MnemoAsync(db, "store", "team/plan", "the plan", "--value", """{"a":0,"b":0}""");

        // Both agents read version 1 and write their change back at the same time.
        var writes = await Task.WhenAll(
            CliHarness.RunProcessAsync("mnemo.dll", ["store", "team/plan", "the plan", "--value", """{"a":1,"b":0}""", "--base-version", "1", "--agent", "ann", "--db", db]),
            CliHarness.RunProcessAsync("mnemo.dll", ["store", "team/plan", "the plan", "--value", """{"a":0,"b":2}""", "--base-version", "1", "--agent", "bob", "--db", db]));

        Assert.All(writes, write => Assert.True(write.ExitCode == 0, write.ToString()));
        var entry = (await MnemoAsync(db, "get", "team/plan", "--json")).Json();
        var conflictEvents = (await MnemoAsync(db, "watch", "--from", "1", "--no-follow", "--json")).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "conflict_detected").ToList();
        var conflict = Assert.Single(conflictEvents);
        var siblings = (await MnemoAsync(db, "conflicts", "list", "--json")).Json().GetArrayLength();
        var value = entry.GetProperty("value");
        switch (policy)
        {
            case "last-write-wins":
                Assert.Equal(3, entry.GetProperty("version").GetInt64());
                Assert.Equal("overwritten", conflict.GetProperty("detail").GetProperty("outcome").GetString());
                Assert.Equal(0, siblings);
                break;
            case "merge":
                Assert.Equal(3, entry.GetProperty("version").GetInt64());
                Assert.Equal((1, 2), (value.GetProperty("a").GetInt32(), value.GetProperty("b").GetInt32()));
                Assert.Equal("merged", conflict.GetProperty("detail").GetProperty("outcome").GetString());
                break;
            default:
                Assert.Equal(2, entry.GetProperty("version").GetInt64());
                Assert.Equal(1, siblings);
                Assert.Equal("kept as sibling", conflict.GetProperty("detail").GetProperty("outcome").GetString());
                break;
        }
    }

    [Fact]
    public async Task Watcher_InAnotherProcess_GetsEveryEventOnceAndInOrder()
    {
        var db = _temp.File("feed.db");
        await MnemoAsync(db, "store", "workers/seed", "before the watch");
        var head = (await MnemoAsync(db, "status", "--json")).Json().GetProperty("feed_sequence").GetInt64();
        const int workers = 3, perWorker = 40;
        using var watcher = CliHarness.Start("mnemo.dll",
            ["watch", "--namespace", "workers/", "--from", (head + 1).ToString(CultureInfo.InvariantCulture), "--count",
             (workers * perWorker).ToString(CultureInfo.InvariantCulture), "--json", "--db", db]);
        var output = watcher.StandardOutput.ReadToEndAsync(Ct);

        var writers = await Task.WhenAll(Enumerable.Range(0, workers).Select(id => CliHarness.RunProcessAsync("Mnemo.TestWorker.dll",
            [db, id.ToString(CultureInfo.InvariantCulture), perWorker.ToString(CultureInfo.InvariantCulture), "0"])));
        Assert.All(writers, result => Assert.True(result.ExitCode == 0, result.ToString()));
        await watcher.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var events = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(0, watcher.ExitCode);
        Assert.Equal(workers * perWorker, events.Count);
        var sequences = events.Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var expected = Enumerable.Range(0, workers).SelectMany(id => Enumerable.Range(0, perWorker).Select(i => $"workers/w{id}/item-{i:D4}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), events.Select(e => e.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal("memory_updated", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task AccessRules_SetInOneProcess_BindTheCliInAnother()
    {
        var db = _temp.File("acl.db");
        await MnemoAsync(db, "acl", "grant", "boss", "", "admin", "--agent", "boss");
        await MnemoAsync(db, "acl", "grant", "worker", "swarm-x/agent-worker/", "write", "--agent", "boss");

        var allowed = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "swarm-x/agent-worker/state", "ok", "--db", db],
            new Dictionary<string, string?> { ["MNEMO_AGENT"] = "worker" });
        var denied = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "swarm-x/global/plan", "no", "--agent", "worker", "--db", db]);

        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("access denied: agent 'worker' lacks the write right on 'swarm-x/global/plan'", denied.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await MnemoAsync(db, "acl", "list", "--json", "--agent", "boss")).Json().GetArrayLength());
        Assert.Equal(1, (await MnemoAsync(db, "acl", "list", "--json", "--agent", "worker")).Json().GetArrayLength());
    }

    private static async Task<CliResult> MnemoAsync(string db, params string[] args)
    {
        var result = await CliHarness.RunProcessAsync("mnemo.dll", [.. args, "--db", db]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}

using System.Text.Json;
using Mnemo.Benchmarks.Recall;

namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary><c>mnemo bench recall</c> as a script runs it. No test asserts that one method beats another.</summary>
public sealed class BenchRecallCommandTests : IDisposable
{
    private static readonly string[] s_modes = ["bm25", "text", "vector", "hybrid"];

    private static readonly string[] s_metrics = ["recall_at_1", "recall_at_5", "recall_at_10", "mrr"];

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchRecall_OneConversation_ReportsEveryModeAndTypeWithFractions()
    {
        var result = await _cli.RunAsync("bench", "recall", "--conversations", "1", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal("people", json.GetProperty("set").GetString());
        Assert.Equal([Mnemo.Cli.Commands.BenchRecallCommand.DefaultSeed], json.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("embedding_model").GetString()));
        Assert.Equal(s_modes, json.GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(ConversationSet.Categories, json.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        var run = Assert.Single(json.GetProperty("runs").EnumerateArray());
        Assert.True(run.GetProperty("entries").GetInt32() > 0);
        Assert.True(run.GetProperty("timings").GetProperty("index_seconds").GetDouble() >= 0);
        foreach (var results in new[] { run.GetProperty("results"), json.GetProperty("mean").GetProperty("results") })
        {
            foreach (var mode in s_modes)
            {
                var figures = results.GetProperty(mode);
                AssertFractions(figures, mode);
                foreach (var type in ConversationSet.Categories)
                {
                    var byType = figures.GetProperty("by_type").GetProperty(type);
                    Assert.True(byType.GetProperty("questions").GetInt32() > 0, $"{mode}.{type}");
                    AssertFractions(byType, $"{mode}.{type}");
                    Assert.Equal(mode != "bm25", byType.TryGetProperty("recall_at_10_vs_bm25", out var delta));
                    if (mode != "bm25")
                    {
                        Assert.InRange(delta.GetDouble(), -1, 1);
                    }
                }
            }
        }

        Assert.True(run.GetProperty("results").GetProperty("hybrid").GetProperty("p95_ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task BenchRecall_Seeds_ReportsEachSeedAndTheirMean()
    {
        var result = await _cli.RunAsync("bench", "recall", "--seeds", "1, 2", "--conversations", "1", "--sessions", "8", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal([1, 2], json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("seed").GetInt32()));
        Assert.Equal(2, json.GetProperty("mean").GetProperty("runs").GetInt32());
        var questions = json.GetProperty("runs").EnumerateArray().Sum(r => r.GetProperty("questions").GetInt32());
        Assert.Equal(questions, json.GetProperty("mean").GetProperty("results").GetProperty("hybrid").GetProperty("questions").GetInt32());
    }

    [Fact]
    public async Task BenchRecall_AssistantSet_ReportsItsOwnTypes()
    {
        var result = await _cli.RunAsync("bench", "recall", "--set", "assistant", "--conversations", "1", "--sessions", "8", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal("assistant", json.GetProperty("set").GetString());
        Assert.Contains("update", json.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        AssertFractions(json.GetProperty("runs")[0].GetProperty("results").GetProperty("text"), "text");
    }

    [Fact]
    public async Task BenchRecall_Human_PrintsRecallPerTypeAndTheDifferenceWithBm25()
    {
        var result = await _cli.RunAsync("bench", "recall", "--conversations", "1", "--sessions", "8");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("PARAPHRASE", result.Output, StringComparison.Ordinal);
        Assert.Contains("minus bm25", result.Output, StringComparison.Ordinal);
        Assert.All(s_modes, mode => Assert.Contains($"{mode} ", result.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchRecall_LimitBelowTen_ExitsOne()
    {
        var result = await _cli.RunAsync("bench", "recall", "--limit", "5", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRecall_SeedsNotNumbers_ExitsOne()
    {
        var result = await _cli.RunAsync("bench", "recall", "--seeds", "1,two", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--seeds", result.Error, StringComparison.Ordinal);
    }

    private static void AssertFractions(JsonElement figures, string what)
    {
        foreach (var metric in s_metrics)
        {
            Assert.InRange(figures.GetProperty(metric).GetDouble(), 0, 1);
        }

        Assert.True(figures.GetProperty("recall_at_1").GetDouble() <= figures.GetProperty("recall_at_5").GetDouble(), what);
        Assert.True(figures.GetProperty("recall_at_5").GetDouble() <= figures.GetProperty("recall_at_10").GetDouble(), what);
    }
}

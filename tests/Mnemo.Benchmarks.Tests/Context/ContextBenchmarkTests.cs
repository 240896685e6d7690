using System.Text;
using System.Text.Json;
using Mnemo.Benchmarks.Context;
using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Benchmarks.Tests.Context;

/// <summary><c>bench context</c> end to end at a tiny size. No test asserts that one method beats another.</summary>
[Trait("Issue", "16")]
public sealed class ContextBenchmarkTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RunAsync_TinySet_ReportsEveryMethodAndBudgetAndNoContextOverBudget()
    {
        var options = new ContextBenchmarkOptions(
            Seed: ContextDataset.DevelopmentSeed, Users: 1, Sessions: ContextDataset.MinSessions, Budgets: [300, 1000], Tokenizer: "cl100k_base",
            TopK: 20, Sizes: [400], Assemblies: 5, Directory: _directory.Path, Embedder: null,
            EngineOptions: path => new MnemoOptions().UseSqlite(path), BatchSize: 100);

        var result = await ContextBenchmark.RunAsync(options, _ => { }, TestContext.Current.CancellationToken);
        using var json = Json(result);

        var root = json.RootElement;
        Assert.Equal("context", root.GetProperty("benchmark").GetString());
        Assert.Equal(ContextDataset.FactsPerUser, root.GetProperty("questions").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("embedding_model").GetString()));
        Assert.Equal([300, 1000], root.GetProperty("budgets").EnumerateArray().Select(b => b.GetInt32()));
        Assert.Equal(ContextBenchmark.Methods, root.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        foreach (var budget in root.GetProperty("evidence").EnumerateArray())
        {
            var limit = budget.GetProperty("budget").GetInt32();
            foreach (var method in ContextBenchmark.Methods)
            {
                var figures = budget.GetProperty("methods").GetProperty(method);
                Assert.InRange(figures.GetProperty("evidence_share").GetDouble(), 0, 1);
                Assert.Equal(ContextDataset.FactsPerUser, figures.GetProperty("contexts").GetInt32());
                Assert.Equal(ContextDataset.FactsPerUser, figures.GetProperty("markers").GetInt32());
                Assert.InRange(figures.GetProperty("max_tokens").GetInt32(), 0, limit);
                Assert.True(figures.GetProperty("mean_tokens").GetDouble() > 0, $"{method} at {limit}");
                Assert.Equal(0, figures.GetProperty("budget_violations").GetInt32());
                Assert.True(figures.GetProperty("by_category").TryGetProperty(ContextDataset.Stated, out _));
            }
        }

        var latency = Assert.Single(root.GetProperty("latency").EnumerateArray());
        Assert.True(latency.GetProperty("entries").GetInt64() >= 400);
        Assert.Equal(1000, latency.GetProperty("budget").GetInt32());
        foreach (var method in new[] { ContextBenchmark.Assembled, ContextBenchmark.TopK })
        {
            Assert.True(latency.GetProperty(method).GetProperty("p50_ms").GetDouble() > 0, method);
            Assert.True(latency.GetProperty(method).GetProperty("p95_ms").GetDouble() >= latency.GetProperty(method).GetProperty("p50_ms").GetDouble(), method);
        }

        Assert.Equal(5, latency.GetProperty(ContextBenchmark.Assembled).GetProperty("assemblies").GetInt32());
        Assert.Equal(0, latency.GetProperty(ContextBenchmark.Assembled).GetProperty("budget_violations").GetInt32());
        Assert.True(latency.GetProperty("assembled_vs_topk_p50").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("budget_violations").GetInt32());
    }

    [Fact]
    public async Task RunAsync_UnknownTokenizer_ThrowsNamingIt()
    {
        var options = new ContextBenchmarkOptions(
            1, 1, ContextDataset.MinSessions, [1000], "gpt-nonsense", 20, [], 1, _directory.Path, null, path => new MnemoOptions().UseSqlite(path));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ContextBenchmark.RunAsync(options, _ => { }, TestContext.Current.CancellationToken));

        Assert.Contains("gpt-nonsense", error.Message, StringComparison.Ordinal);
    }

    private static JsonDocument Json(ContextBenchmarkResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            result.WriteJson(writer);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Tests;

/// <summary>The self-watching tools of issue 17 measure and check real state through a real MCP client.</summary>
[Trait("Issue", "17")]
public sealed class MonitoringToolTests : McpTestBase
{
    [Fact]
    public async Task GetSystemInfo_ReportsThisProcessAndTheStore()
    {
        var info = await CallOkAsync("get_system_info");

        Assert.Equal(Environment.ProcessorCount, info.GetProperty("processor_count").GetInt32());
        Assert.Equal(Environment.ProcessId, info.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.Equal(DatabasePath, info.GetProperty("store").GetProperty("location").GetString());
    }

    [Fact]
    public async Task ValidateMemoryOperations_PassesEveryCheckAndLeavesNothing()
    {
        var validation = await CallOkAsync("validate_memory_operations");

        Assert.True(validation.GetProperty("passed").GetBoolean(), validation.ToString());
        Assert.Equal(0, validation.GetProperty("failed").GetInt32());
        Assert.Equal(9, validation.GetProperty("checks").GetArrayLength());
        Assert.Empty((await Engine.ListAsync("mnemo-selftest/", cancellationToken: Ct)).Entries);
    }

    [Theory]
    [InlineData("benchmark_memory_performance", 4)]
    [InlineData("benchmark_vector_operations", 3)]
    public async Task Benchmarks_MeasureEachOperationTheGivenNumberOfTimes(string tool, int kinds)
    {
        var benchmark = await CallOkAsync(tool, """{"operations": 5}""");

        var operations = benchmark.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(kinds, operations.Count);
        Assert.All(operations, o => Assert.Equal(5, o.GetProperty("count").GetInt32()));
        Assert.All(operations, o => Assert.True(o.GetProperty("p95_ms").GetDouble() >= o.GetProperty("p50_ms").GetDouble()));
    }

    [Fact]
    public async Task Benchmark_TooManyOperations_IsAToolError()
    {
        var message = await CallErrorAsync("benchmark_memory_performance", """{"operations": 5000}""");

        Assert.Contains("operations", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerformanceMetricsResource_IsThisProcessMeasuredNow()
    {
        var resource = await Client.ReadResourceAsync("mnemo://performance-metrics", cancellationToken: Ct);

        using var json = JsonDocument.Parse(((TextResourceContents)resource.Contents[0]).Text);
        Assert.Equal(Environment.ProcessId, json.RootElement.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.True(json.RootElement.GetProperty("process").GetProperty("heap_size").GetInt64() > 0);
    }

    [Fact]
    public async Task SystemLogsResource_ListsTheEnginesRecentLog()
    {
        var resource = await Client.ReadResourceAsync("mnemo://system-logs", cancellationToken: Ct);

        using var json = JsonDocument.Parse(((TextResourceContents)resource.Contents[0]).Text);
        Assert.Equal(Engine.GetRecentLog(Mnemo.Core.Monitoring.EngineLogLevel.Information).Count, json.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task AnalyzePerformanceBottlenecks_AFactChangedBackAndForth_IsAnUrgentRecommendation()
    {
        foreach (var text in (string[])["We use SQLite", "We use Postgres", "We use SQLite"])
        {
            await CallOkAsync("memory_store", $$"""{"key": "facts/db", "text": "{{text}}"}""");
        }

        var analysis = await CallOkAsync("analyze_performance_bottlenecks");

        Assert.InRange(analysis.GetProperty("health").GetProperty("score").GetDouble(), 0, 100);
        Assert.Equal(10, analysis.GetProperty("doctor").GetProperty("rules").GetArrayLength());
        var reverted = analysis.GetProperty("recommendations").EnumerateArray()
            .Single(r => r.GetProperty("source").GetString() == "doctor:contradicting-versions");
        Assert.True(reverted.GetProperty("urgent").GetBoolean());
        Assert.Contains("facts/db", analysis.GetProperty("doctor").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeMemoryUsage_CheckpointWal_ReportsTheWalFileMeasured()
    {
        await CallOkAsync("memory_store", """{"key": "w/1", "text": "something to checkpoint"}""");

        var report = await CallOkAsync("optimize_memory_usage", """{"strategies": ["checkpoint-wal"]}""");

        var result = Assert.Single(report.GetProperty("results").EnumerateArray());
        Assert.Equal("checkpoint-wal", result.GetProperty("strategy").GetString());
        Assert.Equal(new FileInfo(DatabasePath + "-wal").Length, result.GetProperty("bytes_after").GetInt64());
    }

    [Fact]
    public async Task OptimizeVectorOperations_AnotherStrategy_IsAToolErrorNamingTheVectorOnes()
    {
        var message = await CallErrorAsync("optimize_vector_operations", """{"strategies": ["vacuum"]}""");

        Assert.Contains("compact-index", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizationRecommendationsResource_HoldsHealthAndRecommendations()
    {
        var resource = await Client.ReadResourceAsync("mnemo://optimization-recommendations", cancellationToken: Ct);

        using var json = JsonDocument.Parse(((TextResourceContents)resource.Contents[0]).Text);
        Assert.Contains(json.RootElement.GetProperty("health").GetString(), new[] { "healthy", "warning", "critical" });
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("recommendations").ValueKind);
    }
}

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
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary><c>mnemo bench mcp</c> end to end with tiny sizes: real server processes over stdio.</summary>
public sealed class BenchMcpCommandTests
{
    private static readonly string[] s_rows =
    [
        "create_entities", "delete_entities", "create_relations", "delete_relations", "add_observations", "delete_observations",
        "open_nodes", "search_nodes", "search_nodes (5 found)", "read_graph", "read_graph (limit 50)",
    ];

    [Fact]
    public async Task BenchMcp_NoReference_TimesEveryToolOnMnemoAlone()
    {
        var result = await CliHarness.RunRawAsync("bench", "mcp", "--sizes", "20", "--calls", "3", "--no-reference", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("mcp", json.GetProperty("benchmark").GetString());
        Assert.Equal(3, json.GetProperty("calls").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reference").ValueKind);
        Assert.Contains("--no-reference", json.GetProperty("reference_note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("scaling").ValueKind);
        var run = Assert.Single(json.GetProperty("runs").EnumerateArray());
        Assert.Equal(20, run.GetProperty("entities").GetInt32());
        Assert.Equal(20, run.GetProperty("relations").GetInt32());
        Assert.True(run.GetProperty("load").GetProperty("mnemo").GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("load").GetProperty("reference").ValueKind);
        var tools = run.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(s_rows, tools.Select(tool => tool.GetProperty("tool").GetString()));
        foreach (var tool in tools)
        {
            var name = tool.GetProperty("tool").GetString();
            Assert.Equal(3, tool.GetProperty("calls").GetInt32());
            AssertLatencies(tool.GetProperty("mnemo"), name);
            Assert.Equal(JsonValueKind.Null, tool.GetProperty("reference").ValueKind);
            Assert.Equal(JsonValueKind.Null, tool.GetProperty("ratio_p50").ValueKind);
            if (tool.TryGetProperty("expected_entities", out var expected))
            {
                Assert.Equal(expected.GetInt32(), tool.GetProperty("mnemo").GetProperty("result_entities").GetInt32());
            }
        }
    }

    [Fact]
    public async Task BenchMcp_WithReference_TimesBothServersAndHowTheyScale()
    {
        if (!NodeIsInstalled())
        {
            Assert.Skip("node is not installed: the reference server cannot run");
        }

        var result = await CliHarness.RunRawAsync("bench", "mcp", "--sizes", "20,10", "--calls", "2", "--json");

        if (result.ExitCode == 2 && result.Error.Contains("npm install", StringComparison.Ordinal))
        {
            Assert.Skip($"the reference server could not be installed here: {result.Error}");
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("@modelcontextprotocol/server-memory", json.GetProperty("reference").GetProperty("package").GetString());
        Assert.Equal([10, 20], json.GetProperty("sizes").EnumerateArray().Select(size => size.GetInt32()));
        foreach (var run in json.GetProperty("runs").EnumerateArray())
        {
            Assert.True(run.GetProperty("load").GetProperty("reference").GetProperty("seconds").GetDouble() > 0);
            foreach (var tool in run.GetProperty("tools").EnumerateArray())
            {
                var name = tool.GetProperty("tool").GetString();
                AssertLatencies(tool.GetProperty("mnemo"), name);
                if (name == "read_graph (limit 50)")
                {
                    Assert.Equal(JsonValueKind.Null, tool.GetProperty("reference").ValueKind);
                    continue;
                }

                AssertLatencies(tool.GetProperty("reference"), name);
                Assert.True(tool.GetProperty("ratio_p50").GetDouble() > 0, name);
                if (tool.TryGetProperty("expected_entities", out var expected))
                {
                    Assert.Equal(expected.GetInt32(), tool.GetProperty("reference").GetProperty("result_entities").GetInt32());
                }
            }
        }

        var scaling = json.GetProperty("scaling");
        Assert.Equal(10, scaling.GetProperty("from_entities").GetInt32());
        Assert.Equal(20, scaling.GetProperty("to_entities").GetInt32());
        Assert.All(scaling.GetProperty("tools").EnumerateArray(), tool => Assert.True(tool.GetProperty("mnemo").GetDouble() > 0));
    }

    [Theory]
    [InlineData("--sizes", "5")]
    [InlineData("--sizes", "100,abc")]
    [InlineData("--calls", "0")]
    public async Task BenchMcp_BadOption_ExitsOneNamingIt(string option, string value)
    {
        var result = await CliHarness.RunRawAsync("bench", "mcp", option, value, "--no-reference", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    private static void AssertLatencies(JsonElement figures, string? tool)
    {
        foreach (var field in new[] { "p50_ms", "p95_ms", "mean_ms", "first_call_ms" })
        {
            Assert.True(figures.GetProperty(field).GetDouble() > 0, $"{tool}.{field}");
        }

        Assert.True(figures.GetProperty("p95_ms").GetDouble() >= figures.GetProperty("p50_ms").GetDouble(), tool);
    }

    private static bool NodeIsInstalled()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            node!.WaitForExit(10_000);
            return node.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}

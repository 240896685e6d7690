using System.Text.Json;

namespace Mnemo.Mcp.Tests;

/// <summary>
/// The MCP lifecycle on the real <c>mnemo mcp</c> over stdio: before <c>initialize</c> only <c>ping</c> is answered (and
/// notifications pass, never answered); any other request is refused with -32600 and does nothing.
/// </summary>
[Trait("Issue", "13")]
public sealed class StdioInitializationTests
{
    private const int InvalidRequest = -32600;

    [Theory]
    [InlineData("tools/list", null)]
    [InlineData("resources/read", """{"uri": "mnemo://status"}""")]
    [InlineData("tools/call", """{"name": "memory_stats"}""")]
    public async Task RequestBeforeInitialize_IsRefused(string method, string? parameters)
    {
        await using var server = McpProcess.Start();

        var answer = await server.RequestAsync(method, parameters);

        Assert.Equal(InvalidRequest, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal($"Invalid Request: \"{method}\" came before \"initialize\": initialize the session first (only \"ping\" is answered before it)",
            answer.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task WriteBeforeInitialize_IsRefused_AndWritesNothing()
    {
        await using var server = McpProcess.Start();

        var refused = await server.RequestAsync("tools/call", """{"name": "memory_store", "arguments": {"key": "early/bird", "text": "too soon"}}""");
        await InitializeAsync(server);
        var read = await server.RequestAsync("tools/call", """{"name": "memory_retrieve", "arguments": {"key": "early/bird"}}""");

        Assert.Equal(InvalidRequest, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.True(read.GetProperty("result").GetProperty("isError").GetBoolean(), read.ToString());
    }

    [Fact]
    public async Task PingAndNotificationsBeforeInitialize_AreAllowed_ThenTheSessionWorks()
    {
        await using var server = McpProcess.Start();

        await server.SendAsync("""{"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 1}}""");
        await server.AssertServingAsync();
        await InitializeAsync(server);
        var tools = await server.RequestAsync("tools/list");

        Assert.Contains(tools.GetProperty("result").GetProperty("tools").EnumerateArray(), tool => tool.GetProperty("name").GetString() == "memory_store");
    }

    [Fact]
    public async Task FailedInitialize_LeavesTheSessionUninitialized()
    {
        await using var server = McpProcess.Start();

        var failed = await server.RequestAsync("initialize", """{"protocolVersion": 2025}""");
        var after = await server.RequestAsync("tools/list");

        Assert.Equal(-32602, failed.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("params.protocolVersion is 2025 (a number)", failed.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(InvalidRequest, after.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static async Task InitializeAsync(McpProcess server)
    {
        var answer = await server.RequestAsync("initialize",
            """{"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "mnemo-tests", "version": "1.0"}}""");
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("result").ValueKind);
        await server.SendAsync("""{"jsonrpc": "2.0", "method": "notifications/initialized"}""");
    }
}

using System.Text.Json;

namespace Mnemo.Mcp.Tests;

/// <summary>One initialized <c>mnemo mcp</c> process shared by the tests of a class (they run one after another).</summary>
public sealed class InitializedMcpProcess : IAsyncLifetime
{
    public McpProcess Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await McpProcess.StartInitializedAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// Lines a broken or hostile client may send to the real <c>mnemo mcp</c> over stdio: each gets the JSON-RPC 2.0 error
/// the specification asks for (-32700 for invalid JSON, -32600 for an invalid request, with id null when the id could
/// not be read; -32602 for parameters the method cannot take, naming the field), and the server keeps serving.
/// Before issue 13 they got no answer at all, a parse error for an invalid request, or -32603 "An error occurred".
/// </summary>
[Trait("Issue", "13")]
public sealed class StdioMalformedMessageTests(InitializedMcpProcess process) : IClassFixture<InitializedMcpProcess>
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int InvalidParams = -32602;

    private McpProcess Server => process.Server;

    [Theory]
    [InlineData("{not json", ParseError, "null", "not valid JSON")]
    [InlineData("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"ping\"", ParseError, "null", "not valid JSON")]
    [InlineData("""{"jsonrpc": "2.0", "id": null, "method": "ping"}""", InvalidRequest, "null", "\"id\" is null")]
    [InlineData("""{"jsonrpc": "2.0", "id": {"a": 1}, "method": "ping"}""", InvalidRequest, "null", "\"id\" is {\"a\": 1} (an object)")]
    [InlineData("""{"jsonrpc": "2.0", "id": 1.5, "method": "ping"}""", InvalidRequest, "null", "\"id\" is 1.5")]
    [InlineData("""{"jsonrpc": "2.0", "id": true, "method": "ping"}""", InvalidRequest, "null", "\"id\" is true (a boolean)")]
    [InlineData("""{"jsonrpc": "2.0", "id": 1000000000000000000000000000000, "method": "ping"}""", InvalidRequest, "null", "1000000000000000000000000000000")]
    [InlineData("""{"jsonrpc": "2.0", "id": [1], "method": "ping"}""", InvalidRequest, "null", "\"id\" is [1] (an array)")]
    [InlineData("""[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]""", InvalidRequest, "null", "batches")]
    [InlineData("[]", InvalidRequest, "null", "batches")]
    [InlineData("42", InvalidRequest, "null", "is a JSON object, not 42")]
    [InlineData("\"ping\"", InvalidRequest, "null", "is a JSON object")]
    [InlineData("""{"jsonrpc": "1.0", "id": 20, "method": "ping"}""", InvalidRequest, "20", "\"jsonrpc\" is \"1.0\"")]
    [InlineData("""{"id": 21, "method": "ping"}""", InvalidRequest, "21", "\"jsonrpc\" is missing")]
    [InlineData("""{"jsonrpc": "2.0", "id": "no-method"}""", InvalidRequest, "\"no-method\"", "needs a \"method\"")]
    [InlineData("""{"jsonrpc": "2.0", "id": 23, "method": 5}""", InvalidRequest, "23", "\"method\" is 5")]
    [InlineData("""{"jsonrpc": "2.0", "method": 5}""", InvalidRequest, "null", "\"method\" is 5")]
    [InlineData("""{"jsonrpc": "2.0", "id": 24, "method": "tools/list", "params": "x"}""", InvalidParams, "24", "\"params\" is \"x\"")]
    [InlineData("""{"jsonrpc": "2.0", "id": 25, "method": "tools/list", "params": [1]}""", InvalidParams, "25", "\"params\" is [1]")]
    [InlineData("""{"jsonrpc": "2.0", "id": 26, "method": "ping\ud800"}""", InvalidRequest, "26", "method is not valid Unicode")]
    [InlineData("""{"jsonrpc": "2.0", "id": 27, "error": "broken"}""", InvalidRequest, "27", "neither a request, a notification nor a response")]
    public async Task MalformedLine_IsAnsweredWithTheSpecifiedError_AndTheServerKeepsServing(string line, int code, string id, string message)
    {
        await Server.SendAsync(line);
        var answer = await Server.ReadAsync();

        AssertError(answer, code, id, message);
        await Server.AssertServingAsync();
    }

    [Fact]
    public async Task LineThatIsNotUtf8_IsAParseError_AndTheServerKeepsServing()
    {
        await Server.SendBytesAsync([(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        var answer = await Server.ReadAsync();

        AssertError(answer, ParseError, "null", "not valid UTF-8 (at byte 3)");
        await Server.AssertServingAsync();
    }

    [Theory]
    [InlineData("tools/call", """{"name": 5}""", "params.name is 5 (a number): give the tool's name as a string")]
    [InlineData("tools/call", """{}""", "params.name is missing: give the tool's name as a string")]
    [InlineData("tools/call", null, "params.name is missing: give the tool's name as a string")]
    [InlineData("tools/call", """{"name": "memory_store", "arguments": [1]}""", "params.arguments is [1] (an array): give the tool's arguments as an object")]
    [InlineData("tools/call", """{"name": "memory_store", "arguments": {"key": "a/b", "text": "lone \ud800 surrogate"}}""",
        "params.arguments.text is not valid Unicode")]
    [InlineData("tools/call", """{"name": "memory_store", "arguments": {"key": "a/b", "text": "x", "metadata": {"\udc00": 1}}}""",
        "a property name in params.arguments.metadata is not valid Unicode")]
    [InlineData("resources/read", """{}""", "params.uri is missing: give the resource's address as a string")]
    [InlineData("resources/read", """{"uri": ["mnemo://status"]}""", "params.uri is [\"mnemo://status\"] (an array)")]
    [InlineData("logging/setLevel", """{"level": "loud"}""", "params.level is \"loud\" (a string)")]
    public async Task ParamsTheMethodCannotTake_AreInvalidParamsNamingTheField(string method, string? parameters, string message)
    {
        var answer = await Server.RequestAsync(method, parameters);

        Assert.Equal(InvalidParams, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(message, answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        await Server.AssertServingAsync();
    }

    [Fact]
    public async Task LineLongerThanTheLimit_IsRefusedWithoutBeingBuffered_AndTheNextLineIsRead()
    {
        // 17 MiB of one JSON string with no newline until the end: past the 16 MiB a line may hold.
        var line = new byte[17 * 1024 * 1024];
        var start = "{\"jsonrpc\": \"2.0\", \"id\": 30, \"method\": \"ping\", \"params\": {\"pad\": \""u8;
        start.CopyTo(line);
        line.AsSpan(start.Length).Fill((byte)'x');

        await Server.SendBytesAsync(line);
        var answer = await Server.ReadAsync();

        AssertError(answer, InvalidRequest, "null", "longer than 16,777,216 bytes");
        await Server.AssertServingAsync();
    }

    [Fact]
    public async Task InvalidParams_ChangeNothing()
    {
        await Server.RequestAsync("tools/call", """{"name": "memory_store", "arguments": {"key": "kept/out", "text": "bad \ud800"}}""");

        var read = await Server.RequestAsync("tools/call", """{"name": "memory_retrieve", "arguments": {"key": "kept/out"}}""");

        Assert.True(read.GetProperty("result").GetProperty("isError").GetBoolean(), read.ToString());
    }

    [Fact]
    public async Task LineEndingInCrLf_AndBlankLines_AreRead()
    {
        await Server.SendAsync("   ");
        await Server.SendAsync("""{"jsonrpc": "2.0", "id": "crlf", "method": "ping"}""" + "\r");
        var answer = await Server.ReadAsync();

        Assert.Equal("\"crlf\"", answer.GetProperty("id").GetRawText());
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("""{"jsonrpc": "2.0", "id": null, "result": {}}""")]
    [InlineData("""{"jsonrpc": "2.0", "id": 1.5, "error": {"code": -32603, "message": "x"}}""")]
    [InlineData("""{"jsonrpc": "2.0", "method": "notifications/no-such-thing"}""")]
    public async Task ResponseThatMatchesNoRequest_OrNotification_GetsNoAnswer(string line)
    {
        await Server.SendAsync(line);

        // The next line the server writes is the answer to the ping sent after: nothing was written for the line above.
        await Server.AssertServingAsync();
    }

    [Fact]
    public async Task BadToolArgument_IsAToolErrorNamingTheArgumentAndTheFix()
    {
        var answer = await Server.RequestAsync("tools/call", """{"name": "memory_search", "arguments": {"query": "x", "limit": 1000}}""");

        var result = answer.GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Equal("argument 'limit' is 1000: give a whole number from 1 to 100", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    private static void AssertError(JsonElement answer, int code, string id, string message)
    {
        Assert.Equal("2.0", answer.GetProperty("jsonrpc").GetString());
        Assert.Equal(id, answer.GetProperty("id").GetRawText());
        Assert.Equal(code, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(message, answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(answer.TryGetProperty("result", out _), answer.ToString());
    }
}
